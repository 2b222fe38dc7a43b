import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, gt, sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { type SegmentCondition, segments } from '../database/schema/index.js';

export type SegmentStatus = 'draft' | 'active';

export interface SegmentRow {
  tenantId: string;
  id: string;
  key: string;
  name: string;
  description: string | null;
  baseSchemaId: string;
  conditions: SegmentCondition[];
  status: SegmentStatus;
  materialized: boolean;
  refreshing: boolean;
  customerCount: number | null;
  lastRefreshedAt: Date | null;
  lastError: string | null;
  refreshCron: string | null;
  refreshTimeZone: string;
  nextRefreshAt: Date | null;
  lastScheduledFor: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields a create or update writes; the view state is written by the view methods. */
export interface SegmentDefinition {
  key: string;
  name: string;
  description: string | null;
  baseSchemaId: string;
  conditions: SegmentCondition[];
  status: SegmentStatus;
  refreshCron: string | null;
  refreshTimeZone: string;
  nextRefreshAt: Date | null;
  /** Set to the time of a schedule change, so occurrences before it are neither run nor missed. */
  lastScheduledFor?: Date | null;
}

/** The view columns that a build, swap or drop of the view sets. */
export interface SegmentViewState {
  materialized: boolean;
  customerCount: number | null;
  lastRefreshedAt: Date | null;
  lastError: string | null;
}

const columns = {
  tenantId: segments.tenantId,
  id: segments.id,
  key: segments.key,
  name: segments.name,
  description: segments.description,
  baseSchemaId: segments.baseSchemaId,
  conditions: segments.conditions,
  status: segments.status,
  materialized: segments.materialized,
  refreshing: segments.refreshing,
  customerCount: segments.customerCount,
  lastRefreshedAt: segments.lastRefreshedAt,
  lastError: segments.lastError,
  refreshCron: segments.refreshCron,
  refreshTimeZone: segments.refreshTimeZone,
  nextRefreshAt: segments.nextRefreshAt,
  lastScheduledFor: segments.lastScheduledFor,
  createdAt: segments.createdAt,
  updatedAt: segments.updatedAt,
};

@Injectable()
export class SegmentsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async findById(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<SegmentRow | null> {
    const rows = await executor
      .select(columns)
      .from(segments)
      .where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)));
    return (rows[0] as SegmentRow | undefined) ?? null;
  }

  /** Locks the segment's row for the rest of the transaction; null when it does not exist. */
  async lockById(tenantId: string, id: string, executor: Executor): Promise<SegmentRow | null> {
    const rows = await executor
      .select(columns)
      .from(segments)
      .where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)))
      .for('update');
    return (rows[0] as SegmentRow | undefined) ?? null;
  }

  async findByKey(
    tenantId: string,
    key: string,
    executor: Executor = this.db,
  ): Promise<SegmentRow | null> {
    const rows = await executor
      .select(columns)
      .from(segments)
      .where(and(eq(segments.tenantId, tenantId), eq(segments.key, key)));
    return (rows[0] as SegmentRow | undefined) ?? null;
  }

  /** One page ordered by key; `afterKey` is the last key of the previous page. */
  async list(
    tenantId: string,
    options: { limit: number; afterKey: string | null; status: SegmentStatus | null },
  ): Promise<SegmentRow[]> {
    const rows = await this.db
      .select(columns)
      .from(segments)
      .where(
        and(
          eq(segments.tenantId, tenantId),
          options.status ? eq(segments.status, options.status) : undefined,
          options.afterKey !== null ? gt(segments.key, options.afterKey) : undefined,
        ),
      )
      .orderBy(asc(segments.key))
      .limit(options.limit + 1);
    return rows as SegmentRow[];
  }

  async count(tenantId: string, status: SegmentStatus | null): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(segments)
      .where(
        and(eq(segments.tenantId, tenantId), status ? eq(segments.status, status) : undefined),
      );
    return Number(rows[0]?.total ?? 0);
  }

  /**
   * Lists active segments whose view exists, ordered by name. The view check
   * repeats the naming rule of segment-view-names.ts in SQL, so a view dropped
   * by hand does not break queries over every segment.
   */
  async listMaterialized(tenantId: string): Promise<Pick<SegmentRow, 'id' | 'key' | 'name'>[]> {
    const viewName = sql`quote_ident('tenant_' || left(replace(${segments.tenantId}::text, '-', ''), 12))
      || '.' || quote_ident('seg_' || left(replace(${segments.id}::text, '-', ''), 12))`;
    return this.db
      .select({ id: segments.id, key: segments.key, name: segments.name })
      .from(segments)
      .where(
        and(
          eq(segments.tenantId, tenantId),
          eq(segments.status, 'active'),
          eq(segments.materialized, true),
          sql`to_regclass(${viewName}) IS NOT NULL`,
        ),
      )
      .orderBy(asc(segments.name), asc(segments.id));
  }

  async insert(
    values: SegmentDefinition &
      SegmentViewState & { tenantId: string; id: string; createdAt: Date; updatedAt: Date },
    executor: Executor,
  ): Promise<SegmentRow> {
    const rows = await executor.insert(segments).values(values).returning(columns);
    return rows[0] as SegmentRow;
  }

  async update(
    tenantId: string,
    id: string,
    values: Partial<SegmentDefinition & SegmentViewState> & { updatedAt: Date },
    executor: Executor,
  ): Promise<SegmentRow> {
    const rows = await executor
      .update(segments)
      .set(values)
      .where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)))
      .returning(columns);
    return rows[0] as SegmentRow;
  }

  async delete(tenantId: string, id: string, executor: Executor): Promise<void> {
    await executor
      .delete(segments)
      .where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)));
  }

  /**
   * Marks an active segment as refreshing; returns false when it is not an
   * active materialized segment of the tenant.
   */
  async markRefreshing(tenantId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .update(segments)
      .set({ refreshing: true })
      .where(
        and(
          eq(segments.tenantId, tenantId),
          eq(segments.id, id),
          eq(segments.status, 'active'),
          eq(segments.materialized, true),
        ),
      )
      .returning({ id: segments.id });
    return rows.length > 0;
  }

  /** Records a successful refresh: the new count and time, and no error. */
  async recordRefresh(
    tenantId: string,
    id: string,
    outcome: { customerCount: number; lastRefreshedAt: Date },
  ): Promise<void> {
    await this.db
      .update(segments)
      .set({ ...outcome, lastError: null })
      .where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)));
  }

  async recordRefreshError(tenantId: string, id: string, lastError: string): Promise<void> {
    await this.db
      .update(segments)
      .set({ lastError })
      .where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)));
  }

  async clearRefreshing(tenantId: string, id: string): Promise<void> {
    await this.db
      .update(segments)
      .set({ refreshing: false })
      .where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)));
  }

  /**
   * Stores the occurrence a scheduler tick claimed and the next one. Replicas
   * may report the same or an older occurrence late, so neither moves back.
   */
  async advanceSchedule(params: {
    tenantId: string;
    id: string;
    scheduledFor: Date;
    nextRefreshAt: Date | null;
  }): Promise<void> {
    const newer = sql`(${segments.lastScheduledFor} IS NULL OR ${segments.lastScheduledFor} <= ${params.scheduledFor})`;
    await this.db
      .update(segments)
      .set({
        lastScheduledFor: sql`greatest(${segments.lastScheduledFor}, ${params.scheduledFor})`,
        nextRefreshAt: sql`CASE WHEN ${newer} THEN ${params.nextRefreshAt}::timestamptz ELSE ${segments.nextRefreshAt} END`,
      })
      .where(and(eq(segments.tenantId, params.tenantId), eq(segments.id, params.id)));
  }

  /** Active segments of every tenant whose refresh schedule may be due at `now`. */
  async listDue(now: Date, limit: number): Promise<SegmentRow[]> {
    const rows = await this.db
      .select(columns)
      .from(segments)
      .where(
        and(
          eq(segments.status, 'active'),
          sql`${segments.refreshCron} IS NOT NULL`,
          sql`(${segments.nextRefreshAt} IS NULL OR ${segments.nextRefreshAt} <= ${now})`,
        ),
      )
      .orderBy(asc(segments.nextRefreshAt), asc(segments.tenantId), asc(segments.id))
      .limit(limit);
    return rows as SegmentRow[];
  }
}
