import type { InteractionRecord, OutcomeRules } from './interaction-record.js';

const HOUR_MS = 3_600_000;

/** The counters that `interaction_summaries` and `interaction_rollups` add up. */
export interface InteractionCounts {
  recommendations: number;
  impressions: number;
  positive: number;
  negative: number;
  neutral: number;
  conversions: number;
  /** Sum of conversion values in cents, exact for any number of 2-decimal amounts. */
  conversionValueCents: bigint;
}

/** Increments for one customer, offer, channel and UTC day. */
export interface SummaryIncrement extends InteractionCounts {
  day: string;
  customerId: string;
  offerKey: string;
  channelKey: string;
}

/** Increments for one offer, channel and UTC hour. */
export interface RollupIncrement extends InteractionCounts {
  hour: Date;
  offerKey: string;
  channelKey: string;
}

export function emptyCounts(): InteractionCounts {
  return {
    recommendations: 0,
    impressions: 0,
    positive: 0,
    negative: 0,
    neutral: 0,
    conversions: 0,
    conversionValueCents: 0n,
  };
}

/**
 * Returns what one interaction adds. A recommendation or an impression counts
 * as itself. A response counts under its outcome's classification, and also
 * as a conversion with its value when the outcome key is a conversion key.
 */
export function countsOf(record: InteractionRecord, rules: OutcomeRules): InteractionCounts {
  const counts = emptyCounts();
  if (record.kind === 'recommendation') {
    counts.recommendations = 1;
    return counts;
  }
  if (record.kind === 'impression') {
    counts.impressions = 1;
    return counts;
  }
  const outcome =
    record.outcomeKey === null ? undefined : rules.outcomeTypes.get(record.outcomeKey);
  if (!outcome) {
    throw new Error(
      `Response ${record.id} has an unknown outcome type: ${String(record.outcomeKey)}`,
    );
  }
  counts[outcome.classification] = 1;
  if (rules.conversionKeys.has(record.outcomeKey!)) {
    counts.conversions = 1;
    counts.conversionValueCents = toCents(record.conversionValue ?? 0);
  }
  return counts;
}

/**
 * Adds up a batch per summary key (customer, offer, channel, UTC day) and per
 * rollup key (offer, channel, UTC hour), so each key costs one row of one
 * upsert. Both lists are sorted by key, and the upserts write rows in list
 * order, so concurrent writers of the same keys lock them in the same order
 * and wait for each other instead of deadlocking.
 */
export function aggregateInteractions(
  records: InteractionRecord[],
  rules: OutcomeRules,
): { summaries: SummaryIncrement[]; rollups: RollupIncrement[] } {
  const summaries = new Map<string, SummaryIncrement>();
  const rollups = new Map<string, RollupIncrement>();
  for (const record of records) {
    const counts = countsOf(record, rules);
    const day = record.occurredAt.toISOString().slice(0, 10);
    const hour = new Date(Math.floor(record.occurredAt.getTime() / HOUR_MS) * HOUR_MS);
    const summaryKey = JSON.stringify([day, record.customerId, record.offerKey, record.channelKey]);
    const rollupKey = JSON.stringify([hour.toISOString(), record.offerKey, record.channelKey]);

    const summary = summaries.get(summaryKey) ?? {
      day,
      customerId: record.customerId,
      offerKey: record.offerKey,
      channelKey: record.channelKey,
      ...emptyCounts(),
    };
    summaries.set(summaryKey, addCounts(summary, counts));
    const rollup = rollups.get(rollupKey) ?? {
      hour,
      offerKey: record.offerKey,
      channelKey: record.channelKey,
      ...emptyCounts(),
    };
    rollups.set(rollupKey, addCounts(rollup, counts));
  }
  return { summaries: sortedValues(summaries), rollups: sortedValues(rollups) };
}

/** Converts an amount with at most 2 decimals to cents. */
export function toCents(amount: number): bigint {
  return BigInt(Math.round(amount * 100));
}

/** Formats cents as a decimal string for a numeric(18,2) column: 12345n -> '123.45'. */
export function centsToDecimal(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const magnitude = cents < 0n ? -cents : cents;
  return `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

function addCounts<T extends InteractionCounts>(target: T, counts: InteractionCounts): T {
  target.recommendations += counts.recommendations;
  target.impressions += counts.impressions;
  target.positive += counts.positive;
  target.negative += counts.negative;
  target.neutral += counts.neutral;
  target.conversions += counts.conversions;
  target.conversionValueCents += counts.conversionValueCents;
  return target;
}

function sortedValues<T>(entries: Map<string, T>): T[] {
  const sorted = [...entries.entries()].sort(([a], [b]) => compareCodeUnits(a, b));
  return sorted.map(([, value]) => value);
}

/** Orders strings by UTF-16 code units, the same way on every machine (unlike localeCompare). */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
