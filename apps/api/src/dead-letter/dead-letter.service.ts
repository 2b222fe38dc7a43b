import { Inject, Injectable } from '@nestjs/common';

import { AuditService } from '../auth/audit.service.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { type Page, toPage } from '../common/pagination/page.js';
import { logger } from '../common/logging/logger.js';
import { Clock } from '../core/clock.js';
import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { DeadLetterRepository } from './dead-letter.repository.js';
import { dlqAlertLevel } from './dead-letter-depth.js';
import { DeadLetterDepthService } from './dead-letter-depth.service.js';
import type {
  DeadLetterDepth,
  DeadLetterDepthPoint,
  DeadLetterEvent,
  DeadLetterRecord,
  DeadLetterRetryHandler,
  DeadLetterRetryResult,
  DeadLetterSelection,
} from './dead-letter.types.js';

/** Maximum events one retry request re-submits, because all of them run in the request's transaction. */
export const MAX_RETRY_EVENTS = 1_000;

/**
 * The dead-letter queue shared by every pipeline. Pipelines record events
 * they gave up on and register a handler per topic that re-submits one event;
 * admins list, retry and purge.
 */
@Injectable()
export class DeadLetterService {
  private readonly handlers = new Map<string, DeadLetterRetryHandler>();

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly repository: DeadLetterRepository,
    private readonly depth: DeadLetterDepthService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores an event that failed every attempt and returns its id. Work the
   * caller passes in `alsoInTransaction` (such as marking its own row dead)
   * commits or rolls back together with the insert.
   */
  async record(
    event: DeadLetterRecord,
    alsoInTransaction?: (executor: Executor) => Promise<void>,
  ): Promise<string> {
    const id = await this.db.transaction(async (tx) => {
      const inserted = await this.repository.insert({ ...event, failedAt: this.clock.now() }, tx);
      await alsoInTransaction?.(tx);
      return inserted;
    });
    logger.warn(
      {
        action: 'dlq.recorded',
        tenantId: event.tenantId,
        topic: event.topic,
        eventId: id,
        retryCount: event.retryCount,
      },
      `event dead-lettered: ${event.error}`,
    );
    await this.syncDepth(event.tenantId, [event.topic]);
    return id;
  }

  /** Sets the handler that re-submits events of `topic`; one handler per topic. */
  registerRetryHandler(topic: string, handler: DeadLetterRetryHandler): void {
    if (this.handlers.has(topic)) {
      throw new Error(`A dead-letter retry handler for ${topic} is already registered`);
    }
    this.handlers.set(topic, handler);
  }

  /**
   * Re-submits the selected events through their topic's handler and removes
   * them from the queue, at most MAX_RETRY_EVENTS per call. Selected rows are
   * locked for the transaction and rows locked by a concurrent retry are
   * skipped, so each event is re-submitted once. Events of topics without a
   * handler, or whose handler fails, stay queued.
   */
  async retry(selection: DeadLetterSelection): Promise<DeadLetterRetryResult> {
    const filter = toFilter(selection);
    const now = this.clock.now();
    const outcome = await this.db.transaction(async (tx) => {
      const events = await this.repository.lockForRetry(
        { ...filter, topics: [...this.handlers.keys()], limit: MAX_RETRY_EVENTS },
        tx,
      );
      const requeuedIds: string[] = [];
      for (const event of events) {
        if (await this.resubmit(event, tx, now)) {
          requeuedIds.push(event.id);
        }
      }
      await this.repository.deleteByIds(selection.tenantId, requeuedIds, tx);
      const result = { requeued: requeuedIds.length, failed: events.length - requeuedIds.length };
      await this.audit.record(auditEntry('dlq.retry', selection, result), tx);
      return { result, topics: [...new Set(events.map((event) => event.topic))] };
    });
    const remaining = await this.repository.countSelected(filter);
    logger.info(
      {
        action: 'dlq.retried',
        tenantId: selection.tenantId,
        topic: selection.topic,
        ...outcome.result,
        remaining,
      },
      'dead-letter events re-submitted',
    );
    await this.syncDepth(selection.tenantId, outcome.topics);
    return { ...outcome.result, remaining };
  }

  /** Deletes the selected events for good; returns how many were deleted. */
  async purge(selection: DeadLetterSelection): Promise<{ deleted: number }> {
    const topics = await this.db.transaction(async (tx) => {
      const deletedTopics = await this.repository.deleteSelected(toFilter(selection), tx);
      await this.audit.record(
        auditEntry('dlq.purge', selection, { deleted: deletedTopics.length }),
        tx,
      );
      return deletedTopics;
    });
    logger.info(
      {
        action: 'dlq.purged',
        tenantId: selection.tenantId,
        topic: selection.topic,
        deleted: topics.length,
      },
      'dead-letter events purged',
    );
    await this.syncDepth(selection.tenantId, [...new Set(topics)]);
    return { deleted: topics.length };
  }

  async list(query: {
    tenantId: string;
    topic?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<DeadLetterEvent>> {
    const decoded = decodeCursor(query.cursor);
    const after = decoded
      ? { failedAt: new Date(String(decoded.sortValue)), id: decoded.id }
      : null;
    const [rows, total] = await Promise.all([
      this.repository.list(
        { tenantId: query.tenantId, topic: query.topic, limit: query.limit },
        after,
      ),
      this.repository.countSelected({ tenantId: query.tenantId, topic: query.topic }),
    ]);
    return toPage(rows, query.limit, total, (row) => row.failedAt.toISOString());
  }

  /** Current depth of the tenant's queue; topics with a retry handler are listed even when empty. */
  async depthByTopic(tenantId: string): Promise<DeadLetterDepth> {
    const rows = await this.repository.depthByTopic(tenantId);
    const byTopic: Record<string, number> = Object.fromEntries(
      [...this.handlers.keys()].sort().map((topic) => [topic, 0]),
    );
    for (const row of rows) {
      byTopic[row.topic] = row.depth;
    }
    const totalEvents = rows.reduce((sum, row) => sum + row.depth, 0);
    return { totalEvents, byTopic, alert: dlqAlertLevel(totalEvents) };
  }

  /** Hourly depth of the tenant's queue over [from, to), for the Operations depth trend. */
  depthTrend(filter: { tenantId: string; from: Date; to: Date }): Promise<DeadLetterDepthPoint[]> {
    return this.depth.trend(filter);
  }

  /** Runs one event's handler in a savepoint, so a failing handler leaves the others' work intact. */
  private async resubmit(event: DeadLetterEvent, tx: Executor, now: Date): Promise<boolean> {
    const handler = this.handlers.get(event.topic);
    if (!handler) {
      return false;
    }
    try {
      await tx.transaction((savepoint) => handler(event, savepoint));
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(
        {
          action: 'dlq.retry_failed',
          tenantId: event.tenantId,
          eventId: event.id,
          topic: event.topic,
          err: error,
        },
        're-submitting a dead-letter event failed; it stays queued',
      );
      await this.repository.markRetryFailed(
        {
          tenantId: event.tenantId,
          id: event.id,
          error: retryFailedError(event.error, message),
          at: now,
        },
        tx,
      );
      return false;
    }
  }

  private async syncDepth(tenantId: string, topics: string[]): Promise<void> {
    try {
      await this.depth.sync(tenantId, topics);
    } catch (error) {
      // The queue change is committed; the periodic refresh corrects the gauge later.
      logger.error(
        { action: 'dlq.depth_sync_failed', tenantId, err: error },
        'syncing the DLQ depth failed',
      );
    }
  }
}

const RETRY_FAILED_PREFIX = 'retry failed: ';
const ORIGINAL_ERROR_MARKER = '; dead-lettered with: ';
const MAX_ERROR_LENGTH = 4_000;

/** Builds the event's new error text: the retry's failure, then the error that dead-lettered it. */
export function retryFailedError(previous: string, message: string): string {
  const marker = previous.startsWith(RETRY_FAILED_PREFIX)
    ? previous.indexOf(ORIGINAL_ERROR_MARKER)
    : -1;
  const original = marker >= 0 ? previous.slice(marker + ORIGINAL_ERROR_MARKER.length) : previous;
  return `${RETRY_FAILED_PREFIX}${message}${ORIGINAL_ERROR_MARKER}${original}`.slice(
    0,
    MAX_ERROR_LENGTH,
  );
}

function toFilter(selection: DeadLetterSelection): {
  tenantId: string;
  eventIds?: string[];
  topic?: string;
} {
  if (!selection.eventIds && selection.topic === undefined) {
    throw new Error('A dead-letter selection needs eventIds or a topic');
  }
  return { tenantId: selection.tenantId, eventIds: selection.eventIds, topic: selection.topic };
}

function auditEntry(
  action: string,
  selection: DeadLetterSelection,
  result: Record<string, number>,
) {
  return {
    tenantId: selection.tenantId,
    actor: selection.actor,
    action,
    targetType: 'dead_letter_events',
    targetId: selection.topic ?? null,
    details: { eventIds: selection.eventIds ?? null, topic: selection.topic ?? null, ...result },
  };
}
