import { addDays } from '../filters/period';

/**
 * Rows of `GET /api/v1/dashboard-data` as the Business page reads them. The API sends rates as
 * fractions (0-1) and a rate whose denominator is 0 as null.
 */

export type BusinessDataType =
  | 'summary'
  | 'acceptance_rate'
  | 'offer_performance'
  | 'offer_performance_grouped'
  | 'channel_effectiveness'
  | 'daily_trend'
  | 'revenue_trend'
  | 'funnel';

/** Grouping of the offer rows of `offer_performance_grouped`. */
export type OfferGrouping = 'channel' | 'category' | 'segment';

export type SummaryMetric = 'impressions' | 'conversions' | 'conversionRate' | 'revenue';

export interface SummaryRow {
  readonly metric: SummaryMetric;
  readonly current: number | null;
  readonly previous: number | null;
  /** Relative change, (current - previous) / previous; null when previous is 0 or unknown. */
  readonly change: number | null;
}

export interface AcceptanceRateRow {
  readonly offerKey: string;
  readonly offerName: string;
  readonly impressions: number;
  readonly positive: number;
  readonly negative: number;
  readonly acceptRate: number | null;
}

export interface OfferPerformanceRow {
  readonly offerKey: string;
  readonly offerName: string;
  readonly impressions: number;
  readonly conversions: number;
  readonly conversionRate: number | null;
  readonly revenue: number;
}

/** An offer row of the grouped view; the fields of its grouping are set. */
export interface GroupedOfferRow extends OfferPerformanceRow {
  readonly channelKey?: string;
  readonly channelName?: string;
  readonly categoryKey?: string | null;
  readonly categoryName?: string | null;
  readonly segmentId?: string;
  readonly segmentName?: string;
}

export interface ChannelEffectivenessRow {
  readonly channelKey: string;
  readonly channelName: string;
  readonly impressions: number;
  readonly conversions: number;
  readonly effectiveness: number | null;
}

export interface DailyTrendRow {
  readonly day: string;
  readonly impressions: number;
  readonly conversions: number;
}

export interface RevenueTrendRow {
  readonly day: string;
  readonly revenue: number;
}

export type FunnelStage = 'recommendations' | 'impressions' | 'positive_responses' | 'conversions';

export interface FunnelRow {
  readonly stage: FunnelStage;
  readonly count: number;
  /** This stage's count over the previous stage's; null for the first stage. */
  readonly rateFromPrevious: number | null;
}

/** The row type of each data type. */
export interface BusinessRowTypes {
  summary: SummaryRow;
  acceptance_rate: AcceptanceRateRow;
  offer_performance: OfferPerformanceRow;
  offer_performance_grouped: GroupedOfferRow;
  channel_effectiveness: ChannelEffectivenessRow;
  daily_trend: DailyTrendRow;
  revenue_trend: RevenueTrendRow;
  funnel: FunnelRow;
}

/** The effective window the API echoes: UTC days from `from` (inclusive) to `to` (exclusive). */
export interface DataWindow {
  readonly from: string;
  readonly to: string;
  readonly days: number;
}

/** Every dashboard-data response. `warning` comes with empty `data` when a segment cannot apply. */
export interface BusinessEnvelope<Row> {
  readonly type?: string;
  readonly window?: DataWindow;
  readonly segmentId?: string | null;
  /** First UTC day with any recorded data, or null when there is none. */
  readonly coverageFrom?: string | null;
  readonly data: readonly Row[];
  readonly warning?: string | null;
}

/** Explanation shown in the informational banner for each segment warning the API sends. */
export const SEGMENT_WARNING_TEXT: Readonly<Record<string, string>> = {
  'unknown segmentId':
    'The segment in this link does not exist in this tenant, so there is nothing to show for it. ' +
    'Choose another segment or All customers.',
  'segment view not materialized':
    'This segment has no customer list yet, because it is a draft or its view has not been built. ' +
    'Activate it on the Segments page, or choose All customers.',
};

/** Returns the banner text for a segment warning; an unlisted warning is shown as it came. */
export function describeSegmentWarning(warning: string | null | undefined): string | null {
  if (warning === null || warning === undefined || warning === '') {
    return null;
  }

  return SEGMENT_WARNING_TEXT[warning] ?? `The segment filter could not be applied: ${warning}.`;
}

/** A trend over the UTC days of the window, with gaps (null) where nothing was recorded yet. */
export interface DayTrend {
  /** The UTC days, YYYY-MM-DD. */
  readonly days: readonly string[];
  /** One array per requested value, aligned with `days`. */
  readonly values: readonly (readonly (number | null)[])[];
  /** False when no day has a value above zero: the panel shows its empty state, not flat zeros. */
  readonly hasData: boolean;
  /** The first day with data when the window starts before it, for a note under the chart. */
  readonly coverageStartsAt: string | null;
}

/**
 * Lays rows of a day trend out over every UTC day of the window. The API zero-fills days within
 * the data's coverage, so a day it left out is 0 when it falls within coverage. Before coverage
 * starts nothing was recorded, so such a day is a gap (null) rather than an invented zero.
 */
export function layOutDayTrend<Row extends { readonly day: string }>(
  envelope: BusinessEnvelope<Row>,
  pickers: readonly ((row: Row) => number)[],
): DayTrend {
  const days = windowDays(envelope);
  const byDay = new Map(envelope.data.map((row) => [row.day, row]));
  const coverageFrom = envelope.coverageFrom ?? null;
  const values = pickers.map((pick) =>
    days.map((day) => {
      const row = byDay.get(day);
      if (row !== undefined) {
        return pick(row);
      }

      return coverageFrom !== null && day >= coverageFrom ? 0 : null;
    }),
  );
  const hasData = values.some((series) => series.some((value) => value !== null && value > 0));
  const coverageStartsAt =
    coverageFrom !== null && days.length > 0 && coverageFrom > days[0] ? coverageFrom : null;

  return { days, values, hasData, coverageStartsAt };
}

/** Lists the UTC days of the envelope's window, or of its rows when it echoes no window. */
function windowDays(envelope: BusinessEnvelope<{ readonly day: string }>): string[] {
  const window = envelope.window;
  if (!window) {
    return [...new Set(envelope.data.map((row) => row.day))].sort();
  }
  const days: string[] = [];
  for (let day = window.from; day < window.to; day = addDays(day, 1)) {
    days.push(day);
  }

  return days;
}

/**
 * Minimum impressions before "no conversions" counts as a finding rather than too little data.
 * NOTE: a fixed judgement call, not derived from the tenant's usual conversion rates.
 */
export const ZERO_CONVERSION_MIN_IMPRESSIONS = 100;

/**
 * Offers with many impressions but no conversions in the window: a sign the creative or the
 * channel does not fit. "Many" is at least `ZERO_CONVERSION_MIN_IMPRESSIONS`.
 */
export function findZeroConversionOffers(
  rows: readonly OfferPerformanceRow[],
  minImpressions = ZERO_CONVERSION_MIN_IMPRESSIONS,
): OfferPerformanceRow[] {
  return rows.filter((row) => row.impressions >= minImpressions && row.conversions === 0);
}

/** True when conversions were recorded but no revenue: the Respond calls carry no conversionValue. */
export function hasConversionsWithoutRevenue(row: {
  readonly conversions: number | null;
  readonly revenue: number | null;
}): boolean {
  return (row.conversions ?? 0) > 0 && (row.revenue ?? 0) === 0;
}

/** Reads the current conversions and revenue from summary rows. */
export function summaryTotals(rows: readonly SummaryRow[]): {
  conversions: number | null;
  revenue: number | null;
} {
  const find = (metric: SummaryMetric) =>
    rows.find((row) => row.metric === metric)?.current ?? null;

  return { conversions: find('conversions'), revenue: find('revenue') };
}

/** A funnel stage ready to draw: its share of the first stage sets the bar's length. */
export interface FunnelStep {
  readonly stage: FunnelStage;
  readonly label: string;
  readonly count: number;
  readonly rateFromPrevious: number | null;
  /** count / first stage's count, for the bar width; null when the first stage is 0. */
  readonly shareOfFirst: number | null;
}

export const FUNNEL_STAGE_LABELS: Readonly<Record<FunnelStage, string>> = {
  recommendations: 'Recommendations',
  impressions: 'Impressions',
  positive_responses: 'Positive responses',
  conversions: 'Conversions',
};

const FUNNEL_ORDER: readonly FunnelStage[] = [
  'recommendations',
  'impressions',
  'positive_responses',
  'conversions',
];

/** Orders the funnel rows by stage and adds labels and bar lengths. */
export function buildFunnelSteps(rows: readonly FunnelRow[]): FunnelStep[] {
  const ordered = FUNNEL_ORDER.map((stage) => rows.find((row) => row.stage === stage)).filter(
    (row): row is FunnelRow => row !== undefined,
  );
  const first = ordered[0]?.count ?? 0;

  return ordered.map((row) => ({
    stage: row.stage,
    label: FUNNEL_STAGE_LABELS[row.stage],
    count: row.count,
    rateFromPrevious: row.rateFromPrevious,
    shareOfFirst: first > 0 ? row.count / first : null,
  }));
}

/** Returns the name of a grouped row's group, for the grouping in use. */
export function groupName(row: GroupedOfferRow, grouping: OfferGrouping): string {
  switch (grouping) {
    case 'channel':
      return row.channelName ?? row.channelKey ?? '—';
    case 'category':
      return row.categoryName ?? row.categoryKey ?? 'No category';
    case 'segment':
      return row.segmentName ?? row.segmentId ?? '—';
  }
}
