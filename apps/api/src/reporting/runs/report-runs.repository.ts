import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, lt, or, sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { reportRuns } from '../../database/schema/index.js';
import type {
  ReportRunRow,
  RunArtifact,
  RunDelivery,
  RunStatus,
  RunTrigger,
} from './report-run.types.js';

const columns = {
  id: reportRuns.id,
  tenantId: reportRuns.tenantId,
  templateId: reportRuns.templateId,
  scheduleId: reportRuns.scheduleId,
  trigger: reportRuns.trigger,
  scheduledFor: reportRuns.scheduledFor,
  status: reportRuns.status,
  startedAt: reportRuns.startedAt,
  finishedAt: reportRuns.finishedAt,
  error: reportRuns.error,
  artifacts: reportRuns.artifacts,
  deliveries: reportRuns.deliveries,
  createdAt: reportRuns.createdAt,
};

export interface RunInsert {
  tenantId: string;
  templateId: string;
  scheduleId: string | null;
  trigger: RunTrigger;
  scheduledFor: Date | null;
  status: RunStatus;
  deliveries: RunDelivery[];
  createdAt: Date;
}

function toRow(row: unknown): ReportRunRow {
  return row as ReportRunRow;
}

@Injectable()
export class ReportRunsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Inserts a run. A second run for the same (tenant, schedule, scheduledFor) hits the unique
   * index and returns null instead, so an occurrence never gets two runs.
   */
  async insert(values: RunInsert, executor: Executor = this.db): Promise<ReportRunRow | null> {
    const rows = await executor
      .insert(reportRuns)
      .values(values)
      .onConflictDoNothing()
      .returning(columns);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async findById(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<ReportRunRow | null> {
    const rows = await executor
      .select(columns)
      .from(reportRuns)
      .where(and(eq(reportRuns.tenantId, tenantId), eq(reportRuns.id, id)));
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** One page, newest first, optionally of one template. */
  async list(params: {
    tenantId: string;
    templateId?: string;
    limit: number;
    after: { createdAt: Date; id: string } | null;
  }): Promise<ReportRunRow[]> {
    const { after } = params;
    const keyset = after
      ? or(
          lt(reportRuns.createdAt, after.createdAt),
          and(eq(reportRuns.createdAt, after.createdAt), lt(reportRuns.id, after.id)),
        )
      : undefined;
    const rows = await this.db
      .select(columns)
      .from(reportRuns)
      .where(and(this.scope(params.tenantId, params.templateId), keyset))
      .orderBy(desc(reportRuns.createdAt), desc(reportRuns.id))
      .limit(params.limit + 1);
    return rows.map(toRow);
  }

  async count(tenantId: string, templateId?: string): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(reportRuns)
      .where(this.scope(tenantId, templateId));
    return Number(rows[0]?.total ?? 0);
  }

  /** Moves a queued run to running; returns false when it was not queued (already taken). */
  async markRunning(params: { tenantId: string; id: string; startedAt: Date }): Promise<boolean> {
    const rows = await this.db
      .update(reportRuns)
      .set({ status: 'running', startedAt: params.startedAt })
      .where(
        and(
          eq(reportRuns.tenantId, params.tenantId),
          eq(reportRuns.id, params.id),
          eq(reportRuns.status, 'queued'),
        ),
      )
      .returning({ id: reportRuns.id });
    return rows.length > 0;
  }

  async saveArtifacts(params: {
    tenantId: string;
    id: string;
    artifacts: RunArtifact[];
  }): Promise<void> {
    await this.db
      .update(reportRuns)
      .set({ artifacts: params.artifacts })
      .where(and(eq(reportRuns.tenantId, params.tenantId), eq(reportRuns.id, params.id)));
  }

  async finish(params: {
    tenantId: string;
    id: string;
    status: RunStatus;
    finishedAt: Date;
    error: string | null;
    deliveries: RunDelivery[];
  }): Promise<void> {
    await this.db
      .update(reportRuns)
      .set({
        status: params.status,
        finishedAt: params.finishedAt,
        error: params.error,
        deliveries: params.deliveries,
      })
      .where(and(eq(reportRuns.tenantId, params.tenantId), eq(reportRuns.id, params.id)));
  }

  /**
   * Replaces the entry of one destination in the run's deliveries; other entries stay. In the
   * same statement, a failed run that has its files turns `succeeded` when every delivery is
   * then delivered, and otherwise gets the count of undelivered ones as its error.
   */
  async replaceDelivery(
    params: { tenantId: string; id: string; delivery: RunDelivery },
    executor: Executor = this.db,
  ): Promise<boolean> {
    const { destinationId, status } = params.delivery;
    const entry = JSON.stringify(params.delivery);
    const undelivered = sql`(
      select count(*) from jsonb_array_elements(${reportRuns.deliveries}) as entries(item)
      where case when item->>'destinationId' = ${destinationId} then ${status}
        else item->>'status' end <> 'delivered'
    )`;
    const settles = sql`${reportRuns.status} = 'failed' and jsonb_array_length(${reportRuns.artifacts}) > 0`;
    const rows = await executor
      .update(reportRuns)
      .set({
        deliveries: sql`(
          select coalesce(jsonb_agg(
            case when item->>'destinationId' = ${destinationId}
              then ${entry}::jsonb else item end
            order by position), '[]'::jsonb)
          from jsonb_array_elements(${reportRuns.deliveries}) with ordinality as entries(item, position)
        )`,
        status: sql`case when ${settles} and ${undelivered} = 0 then 'succeeded' else ${reportRuns.status} end`,
        error: sql`case when not (${settles}) then ${reportRuns.error}
          when ${undelivered} = 0 then null
          else ${undelivered} || ' of ' || jsonb_array_length(${reportRuns.deliveries}) || ' deliveries failed' end`,
      })
      .where(and(eq(reportRuns.tenantId, params.tenantId), eq(reportRuns.id, params.id)))
      .returning({ id: reportRuns.id });
    return rows.length > 0;
  }

  private scope(tenantId: string, templateId?: string) {
    return templateId
      ? and(eq(reportRuns.tenantId, tenantId), eq(reportRuns.templateId, templateId))
      : eq(reportRuns.tenantId, tenantId);
  }
}
