import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
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

/** A dashboard with its filters; relative periods stay relative at each run. */
export const reportTemplates = pgTable(
  'report_templates',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    name: text('name').notNull(),
    dashboard: text('dashboard').notNull(),
    filters: jsonb('filters').$type<object>().notNull().default({}),
    formats: jsonb('formats').$type<string[]>().notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    createdBy: text('created_by'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);

/** When a template runs and where its artefacts go; destination secrets are encrypted. */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    templateId: uuid('template_id').notNull(),
    cron: text('cron').notNull(),
    timeZone: text('time_zone').notNull().default('UTC'),
    enabled: boolean('enabled').notNull().default(true),
    destinations: jsonb('destinations').$type<object[]>().notNull().default([]),
    nextRunAt: timestamptz('next_run_at'),
    /**
     * Occurrences at or before this instant are never due: the newest one handled (run or
     * recorded as missed), or when the cron, zone or enabled flag last changed.
     */
    lastScheduledFor: timestamptz('last_scheduled_for'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({
      name: 'report_schedules_template_fk',
      columns: [table.tenantId, table.templateId],
      foreignColumns: [reportTemplates.tenantId, reportTemplates.id],
    }).onDelete('cascade'),
    index('report_schedules_due_idx')
      .on(table.nextRunAt)
      .where(sql`enabled`),
    index('report_schedules_template_idx').on(table.tenantId, table.templateId),
  ],
);

/**
 * One execution of a template: its artefacts' sizes and hashes and each destination's result.
 * A scheduled occurrence has at most one run, by the unique (tenant, schedule, scheduled_for).
 */
export const reportRuns = pgTable(
  'report_runs',
  {
    tenantId: tenantIdColumn(),
    id: idColumn(),
    templateId: uuid('template_id').notNull(),
    scheduleId: uuid('schedule_id'),
    trigger: text('trigger').notNull(),
    scheduledFor: timestamptz('scheduled_for'),
    status: text('status').notNull(),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
    error: text('error'),
    artifacts: jsonb('artifacts').$type<object[]>().notNull().default([]),
    deliveries: jsonb('deliveries').$type<object[]>().notNull().default([]),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('report_runs_occurrence_uq')
      .on(table.tenantId, table.scheduleId, table.scheduledFor)
      .where(sql`schedule_id is not null and scheduled_for is not null`),
    index('report_runs_template_idx').on(table.tenantId, table.templateId, table.createdAt),
    index('report_runs_tenant_created_idx').on(table.tenantId, table.createdAt),
  ],
);
