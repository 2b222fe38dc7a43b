import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

import { createdAtColumn, timestamptz } from './columns.js';

/**
 * One row per due occurrence of any schedule. The primary key is the
 * exactly-once guard: whichever runner inserts the row first owns the run.
 * System jobs use the nil tenant id.
 */
export const scheduleOccurrences = pgTable(
  'schedule_occurrences',
  {
    tenantId: uuid('tenant_id').notNull(),
    scheduleKind: text('schedule_kind').notNull(),
    scheduleId: text('schedule_id').notNull(),
    scheduledFor: timestamptz('scheduled_for').notNull(),
    /**
     * `claimed` when a runner took it, then `succeeded` or `failed` when its run ended;
     * `missed` when downtime skipped it.
     */
    status: text('status').notNull(),
    claimedBy: text('claimed_by').notNull(),
    trigger: text('trigger').notNull(),
    claimedAt: createdAtColumn(),
    finishedAt: timestamptz('finished_at'),
    /** The run's error message when it failed. */
    error: text('error'),
  },
  (table) => [
    primaryKey({
      columns: [table.tenantId, table.scheduleKind, table.scheduleId, table.scheduledFor],
    }),
  ],
);
