import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';

import { createdAtColumn, idColumn, tenantIdColumn, timestamptz } from './columns.js';

/**
 * One row per recommendation, impression or response. Partitioned by day on
 * `occurred_at` (the migration adds PARTITION BY RANGE), so the time column is
 * part of the primary key.
 */
export const interactions = pgTable(
  'interactions',
  {
    tenantId: tenantIdColumn(),
    occurredAt: timestamptz('occurred_at').notNull(),
    id: idColumn(),
    kind: text('kind').notNull(),
    customerId: text('customer_id').notNull(),
    offerKey: text('offer_key').notNull(),
    channelKey: text('channel_key').notNull(),
    creativeKey: text('creative_key'),
    outcomeKey: text('outcome_key'),
    direction: text('direction').notNull().default('outbound'),
    conversionValue: numeric('conversion_value', { precision: 18, scale: 2 }),
    recommendationId: text('recommendation_id'),
    rank: integer('rank'),
    modelKey: text('model_key'),
    score: doublePrecision('score'),
    context: jsonb('context').$type<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.occurredAt, table.id] }),
    index('interactions_customer_idx').on(table.tenantId, table.customerId, table.occurredAt),
    index('interactions_offer_idx').on(table.tenantId, table.offerKey, table.occurredAt),
    index('interactions_recommendation_idx')
      .on(table.tenantId, table.recommendationId)
      .where(sql`recommendation_id is not null`),
  ],
);

const countColumns = () => ({
  recommendations: integer('recommendations').notNull().default(0),
  impressions: integer('impressions').notNull().default(0),
  positive: integer('positive').notNull().default(0),
  negative: integer('negative').notNull().default(0),
  neutral: integer('neutral').notNull().default(0),
  conversions: integer('conversions').notNull().default(0),
  conversionValue: numeric('conversion_value', { precision: 18, scale: 2 }).notNull().default('0'),
});

/** Per customer, offer, channel and UTC day; used where a query needs the customer. */
export const interactionSummaries = pgTable(
  'interaction_summaries',
  {
    tenantId: tenantIdColumn(),
    day: date('day', { mode: 'string' }).notNull(),
    customerId: text('customer_id').notNull(),
    offerKey: text('offer_key').notNull(),
    channelKey: text('channel_key').notNull(),
    ...countColumns(),
  },
  (table) => [
    primaryKey({
      columns: [table.tenantId, table.day, table.customerId, table.offerKey, table.channelKey],
    }),
    index('interaction_summaries_customer_idx').on(table.tenantId, table.customerId, table.day),
  ],
);

/** Per offer, channel and hour without the customer; serves every unsegmented query. */
export const interactionRollups = pgTable(
  'interaction_rollups',
  {
    tenantId: tenantIdColumn(),
    hour: timestamptz('hour').notNull(),
    offerKey: text('offer_key').notNull(),
    channelKey: text('channel_key').notNull(),
    ...countColumns(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.hour, table.offerKey, table.channelKey] }),
  ],
);

/**
 * Keys of items already recorded. A unique index on a day-partitioned table
 * cannot cover a key across days, so the keys live here.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: tenantIdColumn(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    firstSeenAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.kind, table.key] })],
);

/** Accepted outcomes waiting for the outcome worker; written in the request's transaction. */
export const outcomeOutbox = pgTable(
  'outcome_outbox',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamptz('available_at')
      .notNull()
      .default(sql`date_trunc('milliseconds', now())`),
    lastError: text('last_error'),
    createdAt: createdAtColumn(),
    appliedAt: timestamptz('applied_at'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('outcome_outbox_due_idx')
      .on(table.status, table.availableAt)
      .where(sql`status = 'pending'`),
    // The worker deletes applied rows after a day; this keeps that delete off a full scan.
    index('outcome_outbox_applied_idx')
      .on(table.appliedAt)
      .where(sql`status = 'applied'`),
  ],
);
