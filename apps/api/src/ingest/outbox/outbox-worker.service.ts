import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';

import { logger } from '../../common/logging/logger.js';
import { Clock } from '../../core/clock.js';
import { DeadLetterService } from '../../dead-letter/index.js';
import { INTERACTION_EVENTS_TOPIC } from '../ingest.constants.js';
import { IngestMetrics } from '../ingest-metrics.js';
import {
  OUTBOX_WORKER_SETTINGS,
  type OutboxWorkerSettings,
  retryDelayMs,
} from './outbox-backoff.js';
import { type ClaimedOutcome, OutboxRepository } from './outbox.repository.js';
import { OutcomeApplier } from './outcome-applier.service.js';
import { MalformedOutcomeError } from './outcome-event.js';

/** Maximum applied rows one prune deletes, so the delete stays a short statement. */
const PRUNE_LIMIT = 10_000;

/** Thrown inside the dead-lettering transaction when another worker finished the row first. */
class RowNoLongerPendingError extends Error {}

/**
 * The in-process outcome worker. It polls the outbox (and runs at once when
 * nudged after a write), applies due outcomes per tenant, retries failures
 * with exponential backoff and moves outcomes that fail every attempt to the
 * dead-letter queue. Every replica runs one; claims never overlap.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private nudged = false;
  private stopped = true;
  private lastPruneAt = 0;

  constructor(
    @Inject(OUTBOX_WORKER_SETTINGS) private readonly settings: OutboxWorkerSettings,
    private readonly clock: Clock,
    private readonly outbox: OutboxRepository,
    private readonly applier: OutcomeApplier,
    private readonly deadLetters: DeadLetterService,
    private readonly metrics: IngestMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    logger.info(
      { action: 'outbox.worker_started', pollIntervalMs: this.settings.pollIntervalMs },
      'outcome worker started',
    );
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.running;
    logger.info({ action: 'outbox.worker_stopped' }, 'outcome worker stopped');
  }

  /** Asks for a poll now, for example right after outcomes were queued. */
  nudge(): void {
    if (this.stopped) {
      return;
    }
    if (this.running) {
      this.nudged = true;
      return;
    }
    this.schedule(0);
  }

  /**
   * Polls until nothing is due and no background poll is running; returns how
   * many rows this call claimed. Tests drive the worker with it.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      await this.running;
      const claimed = await this.runOnce();
      total += claimed;
      if (claimed === 0 && !this.running) {
        return total;
      }
    }
  }

  /** One poll: claims due rows, applies them per tenant and handles failures; returns the rows claimed. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.outbox.claimDue({
      now,
      leaseUntil: new Date(now.getTime() + this.settings.leaseMs),
      limit: this.settings.batchSize,
    });
    for (const [tenantId, rows] of groupByTenant(claimed)) {
      await this.applyTenant(tenantId, rows);
    }
    await this.pruneIfDue(now);
    return claimed.length;
  }

  /** Applies the tenant's rows together; when that fails, applies them one by one to isolate the failing ones. */
  private async applyTenant(tenantId: string, rows: ClaimedOutcome[]): Promise<void> {
    try {
      await this.applier.apply(tenantId, rows);
      return;
    } catch (error) {
      const [only] = rows;
      if (rows.length === 1 && only) {
        await this.handleFailure(only, error);
        return;
      }
      logger.warn(
        { action: 'outbox.batch_failed', tenantId, rows: rows.length, err: error },
        'applying a batch of outcomes failed; applying them one by one',
      );
    }
    for (const row of rows) {
      try {
        await this.applier.apply(tenantId, [row]);
      } catch (error) {
        await this.handleFailure(row, error);
      }
    }
  }

  private async handleFailure(row: ClaimedOutcome, error: unknown): Promise<void> {
    const message = rootMessage(error);
    // A malformed payload fails the same way on every attempt, so it is not retried.
    if (row.attempts >= this.settings.maxAttempts || error instanceof MalformedOutcomeError) {
      await this.deadLetter(row, message);
      return;
    }
    const delayMs = retryDelayMs(row.attempts, this.settings);
    await this.outbox.scheduleRetry({
      tenantId: row.tenantId,
      id: row.id,
      availableAt: new Date(this.clock.now().getTime() + delayMs),
      lastError: message,
    });
    this.metrics.countOutboxApply('retried');
    logger.warn(
      {
        action: 'outbox.retry_scheduled',
        tenantId: row.tenantId,
        outboxId: row.id,
        attempts: row.attempts,
        delayMs,
        error: message,
      },
      'applying an outcome failed; retrying later',
    );
  }

  private async deadLetter(row: ClaimedOutcome, message: string): Promise<void> {
    try {
      await this.deadLetters.record(
        {
          tenantId: row.tenantId,
          topic: INTERACTION_EVENTS_TOPIC,
          payload: { outboxId: row.id, event: row.payload },
          error: message,
          retryCount: row.attempts,
        },
        async (tx) => {
          const marked = await this.outbox.markDead(
            { tenantId: row.tenantId, id: row.id, lastError: message },
            tx,
          );
          if (!marked) {
            throw new RowNoLongerPendingError();
          }
        },
      );
    } catch (error) {
      if (error instanceof RowNoLongerPendingError) {
        logger.info(
          { action: 'outbox.dead_letter_skipped', tenantId: row.tenantId, outboxId: row.id },
          'another worker finished the outcome first; not dead-lettered',
        );
        return;
      }
      throw error;
    }
    this.metrics.countOutboxApply('dead_lettered');
    logger.error(
      {
        action: 'outbox.dead_lettered',
        tenantId: row.tenantId,
        outboxId: row.id,
        attempts: row.attempts,
        error: message,
      },
      'an outcome failed every attempt and moved to the dead-letter queue',
    );
  }

  private async pruneIfDue(now: Date): Promise<void> {
    if (now.getTime() - this.lastPruneAt < this.settings.pruneIntervalMs) {
      return;
    }
    this.lastPruneAt = now.getTime();
    const deleted = await this.outbox.deleteAppliedBefore(
      new Date(now.getTime() - this.settings.appliedRetentionMs),
      PRUNE_LIMIT,
    );
    if (deleted > 0) {
      logger.info({ action: 'outbox.pruned', deleted }, 'deleted applied outbox rows');
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => this.tick(), delayMs);
    this.timer.unref();
  }

  private tick(): void {
    this.timer = null;
    this.nudged = false;
    this.running = this.drainSafely().finally(() => {
      this.running = null;
      if (!this.stopped) {
        this.schedule(this.nudged ? 0 : this.settings.pollIntervalMs);
      }
    });
  }

  private async drainSafely(): Promise<void> {
    try {
      while ((await this.runOnce()) > 0) {
        // Keeps polling while rows are due.
      }
    } catch (error) {
      logger.error(
        { action: 'outbox.poll_failed', err: error },
        'the outcome worker poll failed; trying again next poll',
      );
    }
  }
}

function groupByTenant(rows: ClaimedOutcome[]): Map<string, ClaimedOutcome[]> {
  const groups = new Map<string, ClaimedOutcome[]>();
  for (const row of rows) {
    const group = groups.get(row.tenantId);
    if (group) {
      group.push(row);
    } else {
      groups.set(row.tenantId, [row]);
    }
  }
  return groups;
}

/**
 * Returns the innermost message of an error chain. drizzle wraps driver errors in
 * "Failed query: <sql> params: <values>", and the cause contains what failed
 * without repeating the outcome's values.
 */
export function rootMessage(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause !== undefined) {
    current = current.cause;
  }
  return current instanceof Error ? current.message : String(current);
}
