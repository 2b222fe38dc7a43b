import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, lt, or } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { reportTemplates } from '../../database/schema/index.js';
import type { ReportTemplateRow, ReportTemplateValues } from './report-template.types.js';

const columns = {
  id: reportTemplates.id,
  tenantId: reportTemplates.tenantId,
  name: reportTemplates.name,
  dashboard: reportTemplates.dashboard,
  filters: reportTemplates.filters,
  formats: reportTemplates.formats,
  timeZone: reportTemplates.timeZone,
  createdBy: reportTemplates.createdBy,
  createdAt: reportTemplates.createdAt,
  updatedAt: reportTemplates.updatedAt,
};

@Injectable()
export class ReportTemplatesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(
    values: ReportTemplateValues & { tenantId: string; createdBy: string },
    executor: Executor = this.db,
  ): Promise<ReportTemplateRow> {
    const rows = await executor.insert(reportTemplates).values(values).returning(columns);
    return rows[0] as ReportTemplateRow;
  }

  async findById(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<ReportTemplateRow | null> {
    const rows = await executor
      .select(columns)
      .from(reportTemplates)
      .where(and(eq(reportTemplates.tenantId, tenantId), eq(reportTemplates.id, id)));
    return (rows[0] as ReportTemplateRow | undefined) ?? null;
  }

  /** One page, newest first; `after` is the (createdAt, id) of the previous page's last row. */
  async list(
    tenantId: string,
    limit: number,
    after: { createdAt: Date; id: string } | null,
  ): Promise<ReportTemplateRow[]> {
    const keyset = after
      ? or(
          lt(reportTemplates.createdAt, after.createdAt),
          and(eq(reportTemplates.createdAt, after.createdAt), lt(reportTemplates.id, after.id)),
        )
      : undefined;
    const rows = await this.db
      .select(columns)
      .from(reportTemplates)
      .where(and(eq(reportTemplates.tenantId, tenantId), keyset))
      .orderBy(desc(reportTemplates.createdAt), desc(reportTemplates.id))
      .limit(limit + 1);
    return rows as ReportTemplateRow[];
  }

  async count(tenantId: string): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(reportTemplates)
      .where(eq(reportTemplates.tenantId, tenantId));
    return Number(rows[0]?.total ?? 0);
  }

  async update(
    params: { tenantId: string; id: string; values: ReportTemplateValues; updatedAt: Date },
    executor: Executor = this.db,
  ): Promise<ReportTemplateRow | null> {
    const rows = await executor
      .update(reportTemplates)
      .set({ ...params.values, updatedAt: params.updatedAt })
      .where(and(eq(reportTemplates.tenantId, params.tenantId), eq(reportTemplates.id, params.id)))
      .returning(columns);
    return (rows[0] as ReportTemplateRow | undefined) ?? null;
  }

  /** Deletes the template; its schedules go with it (ON DELETE CASCADE). */
  async delete(tenantId: string, id: string, executor: Executor = this.db): Promise<boolean> {
    const rows = await executor
      .delete(reportTemplates)
      .where(and(eq(reportTemplates.tenantId, tenantId), eq(reportTemplates.id, id)))
      .returning({ id: reportTemplates.id });
    return rows.length > 0;
  }
}
