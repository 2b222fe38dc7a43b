import { isUuid } from '../../common/validation/uuid-pipe.js';
import type { Direction, InteractionRecord } from '../recording/interaction-record.js';

/** An accepted outcome as stored in `outcome_outbox.payload`, resolved and ready to apply. */
export interface OutcomeEvent {
  kind: 'response' | 'impression';
  customerId: string;
  offerKey: string;
  channelKey: string;
  creativeKey: string | null;
  outcomeKey: string;
  direction: Direction;
  conversionValue: number | null;
  recommendationId: string;
  rank: number | null;
  modelKey: string | null;
  score: number | null;
  /** ISO 8601 instant. */
  occurredAt: string;
  context: Record<string, unknown> | null;
  idempotencyKey: string;
}

/** The payload of an `interaction_events` dead-letter event: the outbox row id and its outcome. */
export interface OutcomeDeadLetterPayload {
  outboxId: string;
  event: OutcomeEvent;
}

/** A stored outcome that cannot be applied as it is; retrying it will not help. */
export class MalformedOutcomeError extends Error {}

/** Builds the interaction of an outbox row; the row id becomes the interaction id. */
export function toInteractionRecord(id: string, payload: unknown): InteractionRecord {
  const event = (
    typeof payload === 'object' && payload !== null ? payload : {}
  ) as Partial<OutcomeEvent>;
  const text = (field: 'customerId' | 'offerKey' | 'channelKey' | 'outcomeKey'): string => {
    const value = event[field];
    if (typeof value !== 'string' || value.length === 0) {
      throw new MalformedOutcomeError(`Outbox row ${id} has no ${field}`);
    }
    return value;
  };
  const occurredAt = new Date(String(event.occurredAt));
  if (Number.isNaN(occurredAt.getTime())) {
    throw new MalformedOutcomeError(`Outbox row ${id} has no valid occurredAt`);
  }
  if (event.kind !== 'response' && event.kind !== 'impression') {
    throw new MalformedOutcomeError(
      `Outbox row ${id} has kind ${String(event.kind)}, not response or impression`,
    );
  }
  return {
    id,
    kind: event.kind,
    customerId: text('customerId'),
    offerKey: text('offerKey'),
    channelKey: text('channelKey'),
    creativeKey: event.creativeKey ?? null,
    outcomeKey: text('outcomeKey'),
    direction: event.direction === 'outbound' ? 'outbound' : 'inbound',
    conversionValue: event.conversionValue ?? null,
    recommendationId: event.recommendationId ?? null,
    rank: event.rank ?? null,
    modelKey: event.modelKey ?? null,
    score: event.score ?? null,
    occurredAt,
    context: event.context ?? null,
  };
}

/** Reads an `interaction_events` dead-letter payload; throws when it was not written by the outbox worker. */
export function parseDeadLetterPayload(payload: Record<string, unknown>): OutcomeDeadLetterPayload {
  const { outboxId, event } = payload;
  if (!isUuid(outboxId) || typeof event !== 'object' || event === null) {
    throw new MalformedOutcomeError(
      'The dead-letter payload has no outboxId and event of an outcome',
    );
  }
  return { outboxId: outboxId.toLowerCase(), event: event as OutcomeEvent };
}
