import type { DayWindow } from '../common/time/window.js';

export const BUSINESS_DATA_TYPES = [
  'summary',
  'acceptance_rate',
  'offer_performance',
  'offer_performance_grouped',
  'channel_effectiveness',
  'daily_trend',
  'revenue_trend',
  'funnel',
] as const;
export type BusinessDataType = (typeof BUSINESS_DATA_TYPES)[number];

export const OFFER_GROUPINGS = ['channel', 'category', 'segment'] as const;
export type OfferGrouping = (typeof OFFER_GROUPINGS)[number];

/** Offers in the offer_performance list, by impressions. */
export const TOP_OFFERS_LIMIT = 20;

export const SEGMENT_WARNINGS = ['unknown segmentId', 'segment view not materialized'] as const;
export type SegmentWarning = (typeof SEGMENT_WARNINGS)[number];

/** One query of Business data: the tenant, the window and optionally one segment. */
export interface BusinessDataRequest {
  tenantId: string;
  window: DayWindow;
  segmentId?: string | null;
}

/** Rows of one data type; a segment that cannot be applied gives no rows and a warning. */
export interface BusinessDataResult<Row> {
  data: Row[];
  warning: SegmentWarning | null;
  /** The segment applied, when one was asked for and exists. */
  segment: { segmentId: string; name: string } | null;
}

export const SUMMARY_METRICS = ['impressions', 'conversions', 'conversionRate', 'revenue'] as const;
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

export interface SummaryRow {
  metric: SummaryMetric;
  current: number | null;
  previous: number | null;
  /** (current - previous) / previous; null when previous is 0 or unknown. */
  change: number | null;
}

export interface AcceptanceRateRow {
  offerKey: string;
  offerName: string;
  impressions: number;
  positive: number;
  negative: number;
  acceptRate: number | null;
}

export interface OfferPerformanceRow {
  offerKey: string;
  offerName: string;
  impressions: number;
  conversions: number;
  conversionRate: number | null;
  revenue: number;
}

export interface OfferByChannelRow extends OfferPerformanceRow {
  channelKey: string;
  channelName: string;
}

export interface OfferByCategoryRow extends OfferPerformanceRow {
  categoryKey: string | null;
  categoryName: string | null;
}

export interface OfferBySegmentRow extends OfferPerformanceRow {
  segmentId: string;
  segmentName: string;
}

export type GroupedOfferRow = OfferByChannelRow | OfferByCategoryRow | OfferBySegmentRow;

export interface ChannelEffectivenessRow {
  channelKey: string;
  channelName: string;
  impressions: number;
  conversions: number;
  effectiveness: number | null;
}

export interface DailyTrendRow {
  day: string;
  impressions: number;
  conversions: number;
}

export interface RevenueTrendRow {
  day: string;
  revenue: number;
}

export const FUNNEL_STAGES = [
  'recommendations',
  'impressions',
  'positive_responses',
  'conversions',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelRow {
  stage: FunnelStage;
  count: number;
  /** count / the previous stage's count; null for the first stage or a previous count of 0. */
  rateFromPrevious: number | null;
}

/** A data row of any type, as the dashboard-data endpoint returns it. */
export type BusinessDataRow =
  | SummaryRow
  | AcceptanceRateRow
  | OfferPerformanceRow
  | GroupedOfferRow
  | ChannelEffectivenessRow
  | DailyTrendRow
  | RevenueTrendRow
  | FunnelRow;
