/** Settings of the outcome worker; the defaults suit production, tests may lower them. */
export interface OutboxWorkerSettings {
  /** Time between polls when nothing nudges the worker. */
  pollIntervalMs: number;
  /** Maximum rows claimed per poll. */
  batchSize: number;
  /** Attempts before an outcome moves to the dead-letter queue. */
  maxAttempts: number;
  /** Delay before the second attempt; each later one waits twice as long as the one before. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** How long a claimed row stays hidden from other workers; a crashed worker's rows come back after it. */
  leaseMs: number;
  /** Applied rows are deleted this long after they were applied. */
  appliedRetentionMs: number;
  pruneIntervalMs: number;
}

export const DEFAULT_OUTBOX_WORKER_SETTINGS: OutboxWorkerSettings = {
  pollIntervalMs: 500,
  batchSize: 500,
  maxAttempts: 5,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 300_000,
  leaseMs: 60_000,
  appliedRetentionMs: 86_400_000,
  pruneIntervalMs: 3_600_000,
};

export const OUTBOX_WORKER_SETTINGS = Symbol('OutboxWorkerSettings');

/** Delay after failed attempt number `attempts` (1-based): base, 2 x base, 4 x base, ... up to the maximum. */
export function retryDelayMs(attempts: number, settings: OutboxWorkerSettings): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** exponent);
}
