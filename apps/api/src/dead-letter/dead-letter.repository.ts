import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { toNumber } from '../database/mapper.js';
import { deadLetterDepthSamples, deadLetterEvents, tenants } from '../database/schema/index.js';
import type { DeadLetterEvent, DeadLetterRecord } from './dead-letter.types.js';
import type { DepthSample } from './dead-letter-depth.js';

const columns = {
  id: deadLetterEvents.id,
  tenantId: deadLetterEvents.tenantId,
  topic: deadLetterEvents.topic,
  payload: deadLetterEvents.payload,
  error: deadLetterEvents.error,
  retryCount: deadLetterEvents.retryCount,
  failedAt: deadLetterEvents.failedAt,
  lastRetriedAt: deadLetterEvents.lastRetriedAt,
};

/** Selection of a tenant's events: given ids, a topic, or both. */
export interface EventFilter {
  tenantId: string;
  eventIds?: string[];
  topic?: string;
}

export interface TopicDepth {
  topic: string;
  depth: number;
}

export interface TenantTopicDepth extends TopicDepth {
  tenantId: string;
  tenantKey: string;
}

@Injectable()
export class DeadLetterRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(
    event: DeadLetterRecord & { failedAt: Date },
    executor: Executor = this.db,
  ): Promise<string> {
    const rows = await executor
      .insert(deadLetterEvents)
      .values({
        tenantId: event.tenantId,
        topic: event.topic,
        payload: event.payload,
        error: event.error,
        retryCount: event.retryCount,
        failedAt: event.failedAt,
      })
      .returning({ id: deadLetterEvents.id });
    const id = rows[0]?.id;
    if (!id) {
      throw new Error('Inserting the dead-letter event returned no row');
    }
    return id;
  }

  /**
   * Locks up to `limit` selected events of the given topics, oldest first, for
   * the rest of the transaction. Rows locked by another transaction are skipped,
   * so two concurrent retries never take the same event.
   */
  async lockForRetry(
    filter: EventFilter & { topics: string[]; limit: number },
    executor: Executor,
  ): Promise<DeadLetterEvent[]> {
    if (filter.topics.length === 0) {
      return [];
    }
    return executor
      .select(columns)
      .from(deadLetterEvents)
      .where(and(matches(filter), inArray(deadLetterEvents.topic, filter.topics)))
      .orderBy(asc(deadLetterEvents.failedAt), asc(deadLetterEvents.id))
      .limit(filter.limit)
      .for('update', { skipLocked: true });
  }

  async deleteByIds(tenantId: string, ids: string[], executor: Executor): Promise<number> {
    if (ids.length === 0) {
      return 0;
    }
    const rows = await executor
      .delete(deadLetterEvents)
      .where(and(eq(deadLetterEvents.tenantId, tenantId), inArray(deadLetterEvents.id, ids)))
      .returning({ id: deadLetterEvents.id });
    return rows.length;
  }

  /** Notes a failed re-submission on the event, which stays queued. */
  async markRetryFailed(
    event: { tenantId: string; id: string; error: string; at: Date },
    executor: Executor,
  ): Promise<void> {
    await executor
      .update(deadLetterEvents)
      .set({ error: event.error, lastRetriedAt: event.at })
      .where(and(eq(deadLetterEvents.tenantId, event.tenantId), eq(deadLetterEvents.id, event.id)));
  }

  /** Deletes the selected events; returns the topic of each deleted one. */
  async deleteSelected(filter: EventFilter, executor: Executor): Promise<string[]> {
    const rows = await executor
      .delete(deadLetterEvents)
      .where(matches(filter))
      .returning({ topic: deadLetterEvents.topic });
    return rows.map((row) => row.topic);
  }

  async countSelected(filter: EventFilter, executor: Executor = this.db): Promise<number> {
    const rows = await executor
      .select({ total: count() })
      .from(deadLetterEvents)
      .where(matches(filter));
    return toNumber(rows[0]?.total);
  }

  /** A page of events, newest failure first; `after` is the last row of the previous page. */
  async list(
    filter: { tenantId: string; topic?: string; limit: number },
    after: { failedAt: Date; id: string } | null,
  ): Promise<DeadLetterEvent[]> {
    const keyset = after
      ? or(
          lt(deadLetterEvents.failedAt, after.failedAt),
          and(eq(deadLetterEvents.failedAt, after.failedAt), lt(deadLetterEvents.id, after.id)),
        )
      : undefined;
    return this.db
      .select(columns)
      .from(deadLetterEvents)
      .where(and(matches(filter), keyset))
      .orderBy(desc(deadLetterEvents.failedAt), desc(deadLetterEvents.id))
      .limit(filter.limit + 1);
  }

  async depthByTopic(tenantId: string, executor: Executor = this.db): Promise<TopicDepth[]> {
    const rows = await executor
      .select({ topic: deadLetterEvents.topic, depth: count() })
      .from(deadLetterEvents)
      .where(eq(deadLetterEvents.tenantId, tenantId))
      .groupBy(deadLetterEvents.topic)
      .orderBy(deadLetterEvents.topic);
    return rows.map((row) => ({ topic: row.topic, depth: toNumber(row.depth) }));
  }

  /** Depth per topic of every tenant with queued events; feeds the depth gauge. */
  async depthOfAllTenants(): Promise<TenantTopicDepth[]> {
    const rows = await this.db
      .select({
        tenantId: deadLetterEvents.tenantId,
        tenantKey: tenants.key,
        topic: deadLetterEvents.topic,
        depth: count(),
      })
      .from(deadLetterEvents)
      .innerJoin(tenants, eq(tenants.id, deadLetterEvents.tenantId))
      .groupBy(deadLetterEvents.tenantId, tenants.key, deadLetterEvents.topic);
    return rows.map((row) => ({ ...row, depth: toNumber(row.depth) }));
  }

  async tenantKey(tenantId: string): Promise<string | null> {
    const rows = await this.db
      .select({ key: tenants.key })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    return rows[0]?.key ?? null;
  }

  /** Writes the depth of each topic for the hour `sampledAt`, replacing an earlier sample of that hour. */
  async upsertDepthSamples(
    samples: { tenantId: string; topic: string; sampledAt: Date; depth: number }[],
  ): Promise<void> {
    if (samples.length === 0) {
      return;
    }
    await this.db
      .insert(deadLetterDepthSamples)
      .values(samples)
      .onConflictDoUpdate({
        target: [
          deadLetterDepthSamples.tenantId,
          deadLetterDepthSamples.topic,
          deadLetterDepthSamples.sampledAt,
        ],
        set: { depth: sql`excluded.depth` },
      });
  }

  async samplesBetween(filter: { tenantId: string; from: Date; to: Date }): Promise<DepthSample[]> {
    return this.db
      .select({
        topic: deadLetterDepthSamples.topic,
        sampledAt: deadLetterDepthSamples.sampledAt,
        depth: deadLetterDepthSamples.depth,
      })
      .from(deadLetterDepthSamples)
      .where(
        and(
          eq(deadLetterDepthSamples.tenantId, filter.tenantId),
          gte(deadLetterDepthSamples.sampledAt, filter.from),
          lt(deadLetterDepthSamples.sampledAt, filter.to),
        ),
      )
      .orderBy(asc(deadLetterDepthSamples.sampledAt));
  }

  /** Returns the latest sample of each topic before `before`. */
  async lastSamplesBefore(filter: { tenantId: string; before: Date }): Promise<DepthSample[]> {
    return this.db
      .selectDistinctOn([deadLetterDepthSamples.topic], {
        topic: deadLetterDepthSamples.topic,
        sampledAt: deadLetterDepthSamples.sampledAt,
        depth: deadLetterDepthSamples.depth,
      })
      .from(deadLetterDepthSamples)
      .where(
        and(
          eq(deadLetterDepthSamples.tenantId, filter.tenantId),
          lt(deadLetterDepthSamples.sampledAt, filter.before),
        ),
      )
      .orderBy(deadLetterDepthSamples.topic, desc(deadLetterDepthSamples.sampledAt));
  }
}

function matches(filter: EventFilter): SQL | undefined {
  return and(
    eq(deadLetterEvents.tenantId, filter.tenantId),
    filter.eventIds ? inArray(deadLetterEvents.id, filter.eventIds) : undefined,
    filter.topic !== undefined ? eq(deadLetterEvents.topic, filter.topic) : undefined,
  );
}
