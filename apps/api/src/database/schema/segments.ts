import {
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import {
  createdAtColumn,
  idColumn,
  tenantIdColumn,
  timestamptz,
  updatedAtColumn,
} from './columns.js';

/** One condition of a segment; conditions combine with AND. */
export interface SegmentCondition {
  field: string;
  operator: string;
  value?: unknown;
}

/**
 * A named filter over a customer schema's table. An active segment owns the
 * materialized view `seg_<first 12 hex of id>` in its tenant's schema.
 */
export const segments = pgTable(
  'segments',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    baseSchemaId: uuid('base_schema_id').notNull(),
    conditions: jsonb('conditions').$type<SegmentCondition[]>().notNull(),
    status: text('status').notNull().default('draft'),
    materialized: boolean('materialized').notNull().default(false),
    refreshing: boolean('refreshing').notNull().default(false),
    customerCount: integer('customer_count'),
    lastRefreshedAt: timestamptz('last_refreshed_at'),
    lastError: text('last_error'),
    refreshCron: text('refresh_cron'),
    refreshTimeZone: text('refresh_time_zone').notNull().default('UTC'),
    nextRefreshAt: timestamptz('next_refresh_at'),
    lastScheduledFor: timestamptz('last_scheduled_for'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('segments_key_uq').on(table.tenantId, table.key),
  ],
);
