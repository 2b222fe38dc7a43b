export const INTERACTION_KINDS = ['recommendation', 'impression', 'response'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export type OutcomeClassification = 'positive' | 'negative' | 'neutral';
export type OutcomeCategory = 'impression' | 'response';

/** One interaction as written to the `interactions` table. */
export interface InteractionRecord {
  id: string;
  kind: InteractionKind;
  customerId: string;
  offerKey: string;
  channelKey: string;
  creativeKey: string | null;
  outcomeKey: string | null;
  direction: Direction;
  /** Money with at most 2 decimals; summed only over conversions. */
  conversionValue: number | null;
  recommendationId: string | null;
  rank: number | null;
  modelKey: string | null;
  score: number | null;
  occurredAt: Date;
  context: Record<string, unknown> | null;
}

/** Counting rules of a tenant's outcomes: each outcome type's classification, and the conversion keys. */
export interface OutcomeRules {
  outcomeTypes: ReadonlyMap<
    string,
    { classification: OutcomeClassification; category: OutcomeCategory }
  >;
  conversionKeys: ReadonlySet<string>;
}
