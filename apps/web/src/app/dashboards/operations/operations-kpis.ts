import { type OperationsSummaryDto } from '@kaireon/api-client';

import { NO_VALUE, formatCount, formatRate } from '../../shared/format/format';

/** One KPI card of the Operations page. */
export interface OperationsKpi {
  readonly key: 'totalRuns' | 'avgLatency' | 'p95Latency' | 'successRate';
  readonly label: string;
  /** Formatted value; approximate values start with "≈". */
  readonly value: string | null;
  readonly caption: string;
  readonly approximate: boolean;
}

/** Formats milliseconds as a number with at most one decimal, for cards labelled "(ms)". */
export function formatMilliseconds(ms: number | null, locale: string): string | null {
  if (ms === null || Number.isNaN(ms)) {
    return null;
  }

  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms);
}

/** Describes how a percentile was estimated, for the approximate marker. */
export function describeApproximation(relativeErrorBound: number | null, locale: string): string {
  const bound =
    relativeErrorBound !== null
      ? `, within ±${formatRate(relativeErrorBound, locale, { fractionDigits: 1 })}`
      : '';

  return `Approximate: estimated from hourly histograms${bound}, because the period starts before the raw runs kept.`;
}

/**
 * Builds the four KPI cards: Total Runs, Avg Latency (ms), P95 Latency (ms) and Success Rate. The
 * P95 card is marked approximate when the API estimated it from histograms.
 */
export function buildOperationsKpis(
  summary: OperationsSummaryDto,
  locale: string,
): OperationsKpi[] {
  const { kpis } = summary;
  const p95 = formatMilliseconds(kpis.p95LatencyMs, locale);
  const p95Value = p95 !== null && summary.approximate ? `≈ ${p95}` : p95;
  const finished = kpis.completed + kpis.failed;

  return [
    {
      key: 'totalRuns',
      label: 'Total Runs',
      value: formatCount(kpis.totalRuns, locale),
      caption: `${formatCount(kpis.completed, locale)} completed, ${formatCount(kpis.failed, locale)} failed`,
      approximate: false,
    },
    {
      key: 'avgLatency',
      label: 'Avg Latency (ms)',
      value: formatMilliseconds(kpis.avgLatencyMs, locale),
      caption: 'Mean over every run of the period',
      approximate: false,
    },
    {
      key: 'p95Latency',
      label: 'P95 Latency (ms)',
      value: p95Value,
      caption: summary.approximate
        ? describeApproximation(summary.relativeErrorBound, locale)
        : '95% of runs were at least this fast',
      approximate: summary.approximate,
    },
    {
      key: 'successRate',
      label: 'Success Rate',
      value: kpis.successRate === null ? null : formatRate(kpis.successRate, locale),
      caption:
        finished > 0
          ? `Completed / (completed + failed): ${formatCount(kpis.completed, locale)} of ${formatCount(finished, locale)}`
          : `Completed / (completed + failed): ${NO_VALUE}`,
      approximate: false,
    },
  ];
}
