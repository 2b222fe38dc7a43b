import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, desc, eq, lt, lte, or, sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { reportSchedules } from '../../database/schema/index.js';
import type { StoredDestination } from '../destinations/destination.types.js';
import type { ReportScheduleRow, ReportScheduleValues } from './report-schedule.types.js';

const columns = {
  id: reportSchedules.id,
  tenantId: reportSchedules.tenantId,
  templateId: reportSchedules.templateId,
  cron: reportSchedules.cron,
  timeZone: reportSchedules.timeZone,
  enabled: reportSchedules.enabled,
  destinations: reportSchedules.destinations,
  nextRunAt: reportSchedules.nextRunAt,
  lastScheduledFor: reportSchedules.lastScheduledFor,
  createdAt: reportSchedules.createdAt,
  updatedAt: reportSchedules.updatedAt,
};

function toRow(row: unknown): ReportScheduleRow {
  const typed = row as Omit<ReportScheduleRow, 'destinations'> & { destinations: unknown };
  return { ...typed, destinations: typed.destinations as StoredDestination[] };
}

@Injectable()
export class ReportSchedulesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(
    values: ReportScheduleValues & { tenantId: string; createdAt: Date },
    executor: Executor = this.db,
  ): Promise<ReportScheduleRow> {
    const rows = await executor
      .insert(reportSchedules)
      .values({ ...values, updatedAt: values.createdAt })
      .returning(columns);
    return toRow(rows[0]);
  }

  async findById(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<ReportScheduleRow | null> {
    const rows = await executor
      .select(columns)
      .from(reportSchedules)
      .where(and(eq(reportSchedules.tenantId, tenantId), eq(reportSchedules.id, id)));
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** One page, newest first, optionally of one template. */
  async list(params: {
    tenantId: string;
    templateId?: string;
    limit: number;
    after: { createdAt: Date; id: string } | null;
  }): Promise<ReportScheduleRow[]> {
    const { after } = params;
    const keyset = after
      ? or(
          lt(reportSchedules.createdAt, after.createdAt),
          and(eq(reportSchedules.createdAt, after.createdAt), lt(reportSchedules.id, after.id)),
        )
      : undefined;
    const rows = await this.db
      .select(columns)
      .from(reportSchedules)
      .where(and(this.scope(params.tenantId, params.templateId), keyset))
      .orderBy(desc(reportSchedules.createdAt), desc(reportSchedules.id))
      .limit(params.limit + 1);
    return rows.map(toRow);
  }

  async count(tenantId: string, templateId?: string): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(reportSchedules)
      .where(this.scope(tenantId, templateId));
    return Number(rows[0]?.total ?? 0);
  }

  /** Lists every schedule of a template, oldest first. */
  async listByTemplate(tenantId: string, templateId: string): Promise<ReportScheduleRow[]> {
    const rows = await this.db
      .select(columns)
      .from(reportSchedules)
      .where(this.scope(tenantId, templateId))
      .orderBy(asc(reportSchedules.createdAt), asc(reportSchedules.id));
    return rows.map(toRow);
  }

  async update(
    params: { tenantId: string; id: string; values: ReportScheduleValues; updatedAt: Date },
    executor: Executor = this.db,
  ): Promise<ReportScheduleRow | null> {
    const rows = await executor
      .update(reportSchedules)
      .set({ ...params.values, updatedAt: params.updatedAt })
      .where(and(eq(reportSchedules.tenantId, params.tenantId), eq(reportSchedules.id, params.id)))
      .returning(columns);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async delete(tenantId: string, id: string, executor: Executor = this.db): Promise<boolean> {
    const rows = await executor
      .delete(reportSchedules)
      .where(and(eq(reportSchedules.tenantId, tenantId), eq(reportSchedules.id, id)))
      .returning({ id: reportSchedules.id });
    return rows.length > 0;
  }

  /** Enabled schedules of every tenant whose next run is due at `now`, earliest first. */
  async listDue(now: Date, limit: number): Promise<ReportScheduleRow[]> {
    const rows = await this.db
      .select(columns)
      .from(reportSchedules)
      .where(and(eq(reportSchedules.enabled, true), lte(reportSchedules.nextRunAt, now)))
      .orderBy(asc(reportSchedules.nextRunAt))
      .limit(limit);
    return rows.map(toRow);
  }

  /**
   * Records that occurrences up to `scheduledFor` were handled and stores the next run time.
   * `last_scheduled_for` only moves forward: a writer with an older occurrence changes nothing.
   */
  async advance(
    params: { tenantId: string; id: string; scheduledFor: Date; nextRunAt: Date | null },
    executor: Executor = this.db,
  ): Promise<void> {
    await executor
      .update(reportSchedules)
      .set({ lastScheduledFor: params.scheduledFor, nextRunAt: params.nextRunAt })
      .where(
        and(
          eq(reportSchedules.tenantId, params.tenantId),
          eq(reportSchedules.id, params.id),
          or(
            sql`${reportSchedules.lastScheduledFor} is null`,
            lt(reportSchedules.lastScheduledFor, params.scheduledFor),
          ),
        ),
      );
  }

  private scope(tenantId: string, templateId?: string) {
    return templateId
      ? and(eq(reportSchedules.tenantId, tenantId), eq(reportSchedules.templateId, templateId))
      : eq(reportSchedules.tenantId, tenantId);
  }
}
