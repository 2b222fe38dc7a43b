import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

import { createdAtColumn, idColumn, tenantIdColumn, timestamptz } from './columns.js';

export const circuitBreakerEvents = pgTable(
  'circuit_breaker_events',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    name: text('name').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    /** `platform` when posted by the decisioning platform, `internal` for this service's own. */
    source: text('source').notNull().default('platform'),
    occurredAt: timestamptz('occurred_at').notNull(),
    createdAt: createdAtColumn(),
    /**
     * Insertion order. Transitions can share a millisecond (open, half open and closed within
     * one call), so reads order by `occurred_at` and then by this.
     */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('circuit_breaker_events_name_idx').on(table.tenantId, table.name, table.occurredAt),
  ],
);

/** Events that failed every retry; they stay until an admin retries or purges them. */
export const deadLetterEvents = pgTable(
  'dead_letter_events',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    error: text('error').notNull(),
    retryCount: integer('retry_count').notNull().default(0),
    failedAt: timestamptz('failed_at').notNull(),
    lastRetriedAt: timestamptz('last_retried_at'),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('dead_letter_events_topic_idx').on(table.tenantId, table.topic, table.failedAt),
  ],
);

/** Hourly dead-letter depth per topic, sampled for the depth trend. */
export const deadLetterDepthSamples = pgTable(
  'dead_letter_depth_samples',
  {
    tenantId: tenantIdColumn(),
    topic: text('topic').notNull(),
    sampledAt: timestamptz('sampled_at').notNull(),
    depth: integer('depth').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.topic, table.sampledAt] })],
);

export const annotations = pgTable(
  'annotations',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    occurredAt: timestamptz('occurred_at').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    source: text('source').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('annotations_time_idx').on(table.tenantId, table.occurredAt),
  ],
);
