import {
  type AcceptanceRateRowDto,
  type BreakerPanelEntryDto,
  type DeadLetterActionResultDto,
  type DlqSummaryDto,
  type MetricsSummaryDto,
} from '@kaireon/api-client';

import { formatCount } from '../../shared/format/format';
import { type StatusTone } from '../../shared/ui/status-badge.component';

/**
 * View models of the status panels: circuit breakers, the dead-letter queue, acceptance rate by
 * offer and the metrics summary.
 */

export type BreakerState = BreakerPanelEntryDto['state'];

/** Badge colour of each breaker state: red open, amber half_open, green closed. */
export const BREAKER_TONES: Record<BreakerState, StatusTone> = {
  open: 'red',
  half_open: 'amber',
  closed: 'green',
};

const BREAKER_ORDER: Record<BreakerState, number> = { open: 0, half_open: 1, closed: 2 };

/** Returns the breakers with open ones first, then half-open, then closed, each by name. */
export function sortBreakers(breakers: readonly BreakerPanelEntryDto[]): BreakerPanelEntryDto[] {
  return [...breakers].sort(
    (left, right) =>
      BREAKER_ORDER[left.state] - BREAKER_ORDER[right.state] || left.name.localeCompare(right.name),
  );
}

export type DlqAlert = DlqSummaryDto['alert'];

/** Badge colour of each dead-letter alert level. */
export const DLQ_ALERT_TONES: Record<DlqAlert, StatusTone> = {
  OK: 'green',
  WARNING: 'amber',
  CRITICAL: 'red',
};

/** Meaning of each alert level, shown next to the badge. */
export const DLQ_ALERT_RULE = 'OK up to 10 queued events, WARNING 11 to 100, CRITICAL above 100.';

/** Queue depth of one topic. */
export interface TopicDepth {
  readonly topic: string;
  readonly depth: number;
}

/** Returns the topics by depth, deepest first, then by name. */
export function topicDepths(byTopic: Readonly<Record<string, number>>): TopicDepth[] {
  return Object.entries(byTopic)
    .map(([topic, depth]) => ({ topic, depth }))
    .sort((left, right) => right.depth - left.depth || left.topic.localeCompare(right.topic));
}

/** Offers in the acceptance chart; the table lists every offer. */
export const ACCEPTANCE_CHART_MAX_OFFERS = 15;

/** Returns acceptance rows by impressions, most first, then by name. */
export function sortAcceptanceRows(rows: readonly AcceptanceRateRowDto[]): AcceptanceRateRowDto[] {
  return [...rows].sort(
    (left, right) =>
      right.impressions - left.impressions || left.offerName.localeCompare(right.offerName),
  );
}

/** One row of the metrics table: a metric series with its labels. */
export interface MetricRow {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly help: string;
  /** Labels as `name="value"` pairs, sorted by label name. */
  readonly labelsText: string;
  readonly value: number;
}

function formatLabels(labels: Readonly<Record<string, unknown>>): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}="${String(labels[name])}"`)
    .join(', ');
}

/**
 * Flattens the metrics summary into one row per series. Histogram series keep their own name
 * (`…_bucket`, `…_sum`, `…_count`) where the API gives one.
 */
export function buildMetricRows(summary: MetricsSummaryDto): MetricRow[] {
  return summary.data.flatMap((metric) =>
    metric.values.map((value, index) => {
      const name = value.metric ?? metric.name;
      const labelsText = formatLabels(value.labels);

      return {
        key: `${metric.name}#${index}`,
        name,
        type: metric.type,
        help: metric.help,
        labelsText,
        value: value.value,
      };
    }),
  );
}

function countEvents(count: number | undefined, locale: string): string {
  const value = count ?? 0;

  return `${formatCount(value, locale)} ${value === 1 ? 'event' : 'events'}`;
}

/** Returns one sentence on what a retry or purge did. */
export function describeDlqActionResult(result: DeadLetterActionResultDto, locale: string): string {
  if (result.action === 'purge') {
    return `Purged ${countEvents(result.deleted, locale)}.`;
  }
  const parts = [`Requeued ${countEvents(result.requeued, locale)}`];
  if ((result.failed ?? 0) > 0) {
    parts.push(`${countEvents(result.failed, locale)} failed again and stay queued`);
  }
  if ((result.remaining ?? 0) > 0) {
    parts.push(
      `${countEvents(result.remaining, locale)} of the selection are still queued; retry again ` +
        'for them',
    );
  }

  return `${parts.join('; ')}.`;
}
