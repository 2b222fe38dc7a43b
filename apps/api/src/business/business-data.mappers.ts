import { ratio, toNumber, toNumberOrNull } from '../database/mapper.js';
import type { RawRow } from './business-metrics.repository.js';
import type {
  AcceptanceRateRow,
  ChannelEffectivenessRow,
  DailyTrendRow,
  FunnelRow,
  OfferByCategoryRow,
  OfferByChannelRow,
  OfferPerformanceRow,
  RevenueTrendRow,
  SummaryRow,
} from './business-data.types.js';

/** Turns the repository's raw aggregates into the JSON rows of each data type. */

/** Reads a text column of an aggregate row, where keys and names are never null. */
export function toText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  throw new TypeError(`Expected a text database value, got ${typeof value}`);
}

export function toSummaryRows(raw: RawRow): SummaryRow[] {
  if (toNumber(raw.current_rows) === 0 && toNumber(raw.previous_rows) === 0) {
    return [];
  }
  const current = {
    impressions: toNumber(raw.impressions),
    conversions: toNumber(raw.conversions),
    revenue: toNumber(raw.revenue),
  };
  const previous = {
    impressions: toNumber(raw.previous_impressions),
    conversions: toNumber(raw.previous_conversions),
    revenue: toNumber(raw.previous_revenue),
  };
  return [
    summaryRow('impressions', current.impressions, previous.impressions),
    summaryRow('conversions', current.conversions, previous.conversions),
    summaryRow(
      'conversionRate',
      ratio(current.conversions, current.impressions),
      ratio(previous.conversions, previous.impressions),
    ),
    summaryRow('revenue', current.revenue, previous.revenue),
  ];
}

function summaryRow(
  metric: SummaryRow['metric'],
  current: number | null,
  previous: number | null,
): SummaryRow {
  const change = current === null || previous === null ? null : ratio(current - previous, previous);
  return { metric, current, previous, change };
}

export function toAcceptanceRateRow(raw: RawRow): AcceptanceRateRow {
  return {
    offerKey: toText(raw.offer_key),
    offerName: toText(raw.offer_name),
    impressions: toNumber(raw.impressions),
    positive: toNumber(raw.positive),
    negative: toNumber(raw.negative),
    acceptRate: toNumberOrNull(raw.accept_rate),
  };
}

export function toOfferPerformanceRow(raw: RawRow): OfferPerformanceRow {
  return {
    offerKey: toText(raw.offer_key),
    offerName: toText(raw.offer_name),
    impressions: toNumber(raw.impressions),
    conversions: toNumber(raw.conversions),
    conversionRate: toNumberOrNull(raw.conversion_rate),
    revenue: toNumber(raw.revenue),
  };
}

export function toOfferByChannelRow(raw: RawRow): OfferByChannelRow {
  return {
    channelKey: toText(raw.channel_key),
    channelName: toText(raw.channel_name),
    ...toOfferPerformanceRow(raw),
  };
}

export function toOfferByCategoryRow(raw: RawRow): OfferByCategoryRow {
  return {
    categoryKey: raw.category_key === null ? null : toText(raw.category_key),
    categoryName: raw.category_name === null ? null : toText(raw.category_name),
    ...toOfferPerformanceRow(raw),
  };
}

export function toChannelEffectivenessRow(raw: RawRow): ChannelEffectivenessRow {
  return {
    channelKey: toText(raw.channel_key),
    channelName: toText(raw.channel_name),
    impressions: toNumber(raw.impressions),
    conversions: toNumber(raw.conversions),
    effectiveness: toNumberOrNull(raw.effectiveness),
  };
}

export function toDailyTrendRow(raw: RawRow): DailyTrendRow {
  return {
    day: toText(raw.day),
    impressions: toNumber(raw.impressions),
    conversions: toNumber(raw.conversions),
  };
}

export function toRevenueTrendRow(raw: RawRow): RevenueTrendRow {
  return { day: toText(raw.day), revenue: toNumber(raw.revenue) };
}

/** Builds the four funnel stages, or none when the window has no rows. */
export function toFunnelRows(raw: RawRow): FunnelRow[] {
  if (toNumber(raw.row_count) === 0) {
    return [];
  }
  const counts: [FunnelRow['stage'], number][] = [
    ['recommendations', toNumber(raw.recommendations)],
    ['impressions', toNumber(raw.impressions)],
    ['positive_responses', toNumber(raw.positive)],
    ['conversions', toNumber(raw.conversions)],
  ];
  return counts.map(([stage, count], index) => ({
    stage,
    count,
    rateFromPrevious: index === 0 ? null : ratio(count, counts[index - 1][1]),
  }));
}
