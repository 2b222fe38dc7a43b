import type { Executor } from '../database/database.types.js';

/** An event that failed every delivery attempt, as stored in the dead-letter queue. */
export interface DeadLetterEvent {
  id: string;
  tenantId: string;
  topic: string;
  payload: Record<string, unknown>;
  error: string;
  /** Delivery attempts made before the event was dead-lettered. */
  retryCount: number;
  failedAt: Date;
  lastRetriedAt: Date | null;
}

/** What a module hands to `DeadLetterService.record` when it gives up on an event. */
export interface DeadLetterRecord {
  tenantId: string;
  topic: string;
  payload: Record<string, unknown>;
  error: string;
  retryCount: number;
}

/**
 * Re-submits one dead-lettered event to its pipeline. It runs inside the
 * retry's transaction (use `executor` for every write), so the event leaves
 * the queue only if the re-submission commits. Throwing keeps the event queued.
 */
export type DeadLetterRetryHandler = (event: DeadLetterEvent, executor: Executor) => Promise<void>;

/** The events an admin action applies to: a list of ids, or every event of a topic. */
export interface DeadLetterSelection {
  tenantId: string;
  eventIds?: string[];
  topic?: string;
  /** Name of the API key that asked for the action; written to the audit log. */
  actor: string;
}

export interface DeadLetterRetryResult {
  requeued: number;
  /** Selected events whose re-submission failed; they stay queued. */
  failed: number;
  /** Selected events still queued after this request (over the per-request limit, locked or failed). */
  remaining: number;
}

export type DeadLetterAlert = 'OK' | 'WARNING' | 'CRITICAL';

/** Queue depth of one tenant: the total, per topic, and the alert level of the total. */
export interface DeadLetterDepth {
  totalEvents: number;
  byTopic: Record<string, number>;
  alert: DeadLetterAlert;
}

/** Depth at the end of one UTC hour, per topic and in total. */
export interface DeadLetterDepthPoint {
  hour: string;
  total: number;
  byTopic: Record<string, number>;
}
