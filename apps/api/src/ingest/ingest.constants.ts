/** Kinds of `idempotency_keys` rows written by this module. */
export const IDEMPOTENCY_KIND = {
  /** Keys of items posted to /interactions (and `interaction` NDJSON lines). */
  interaction: 'interaction',
  /** Keys of outcomes posted to /respond (and `respond` NDJSON lines). */
  respond: 'respond',
  /** `outbox:<id>`, claimed when the worker applies an outbox row, so it counts once. */
  outcomeApply: 'outcome_apply',
} as const;

/** Dead-letter topic of outcomes the outbox worker could not apply. */
export const INTERACTION_EVENTS_TOPIC = 'interaction_events';

/**
 * Maximum rows per multi-row statement. Bulk statements pass one array per
 * column, so their bind parameters stay fixed; the cap bounds statement size.
 * Statements with one parameter per value (idempotency keys, outbox rows)
 * stay far below PostgreSQL's 65,535 bind parameters at this size.
 */
export const ROWS_PER_STATEMENT = 5_000;

/** Maximum length of the string ids accepted for customers, offers, channels, creatives, models and recommendations. */
export const MAX_ID_LENGTH = 200;
