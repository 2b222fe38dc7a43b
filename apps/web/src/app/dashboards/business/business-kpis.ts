import { NO_VALUE, formatCount, formatRate } from '../../shared/format/format';
import { type SummaryMetric, type SummaryRow } from './business-data';
import { type FigureKind } from './drill-down';

/** One KPI card of the Business page, formatted. */
export interface KpiView {
  readonly metric: SummaryMetric;
  readonly label: string;
  /** Current value, formatted, or null when the API has none. */
  readonly value: string | null;
  /** Relative change against the previous period (0.1 = +10%), or null. */
  readonly change: number | null;
  /** The previous period's value, and for a rate the change in percentage points. */
  readonly caption: string;
  /** The interactions the figure is counted from. */
  readonly figure: FigureKind;
}

const KPI_ORDER: readonly SummaryMetric[] = [
  'impressions',
  'conversions',
  'conversionRate',
  'revenue',
];

const KPI_LABELS: Readonly<Record<SummaryMetric, string>> = {
  impressions: 'Impressions',
  conversions: 'Conversions',
  conversionRate: 'Conversion rate',
  revenue: 'Revenue',
};

/** The rate counts conversions out of impressions, so its rows are every interaction. */
const KPI_FIGURES: Readonly<Record<SummaryMetric, FigureKind>> = {
  impressions: 'impressions',
  conversions: 'conversions',
  conversionRate: 'interactions',
  revenue: 'conversions',
};

/** Formats a summary value: counts and revenue with digit grouping, the rate as a percentage. */
export function formatSummaryValue(
  metric: SummaryMetric,
  value: number | null,
  locale: string,
): string | null {
  if (value === null) {
    return null;
  }

  return metric === 'conversionRate' ? formatRate(value, locale) : formatCount(value, locale);
}

/**
 * Formats the difference of two rates in percentage points ("+0.4 pp"), which reads better for a
 * rate than its relative change.
 */
export function formatPointChange(
  current: number | null,
  previous: number | null,
  locale: string,
): string {
  if (current === null || previous === null) {
    return NO_VALUE;
  }
  const points = (current - previous) * 100;

  return `${new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(points)} pp`;
}

/** Turns the summary rows into the four KPI cards, in a fixed order; a missing metric is skipped. */
export function buildKpis(rows: readonly SummaryRow[], locale: string): KpiView[] {
  return KPI_ORDER.flatMap((metric) => {
    const row = rows.find((candidate) => candidate.metric === metric);
    if (!row) {
      return [];
    }
    const previous = formatSummaryValue(metric, row.previous, locale);
    let caption = `Previous period: ${previous ?? 'no value'}`;
    if (metric === 'conversionRate' && previous !== null && row.current !== null) {
      caption = `${caption} (${formatPointChange(row.current, row.previous, locale)})`;
    }

    return [
      {
        metric,
        label: KPI_LABELS[metric],
        value: formatSummaryValue(metric, row.current, locale),
        change: row.change,
        caption,
        figure: KPI_FIGURES[metric],
      },
    ];
  });
}
