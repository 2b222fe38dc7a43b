import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, gt, gte, inArray, lt, or } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { annotations } from '../database/schema/index.js';
import type { AnnotationKind } from './annotation-kinds.js';

export interface AnnotationRow {
  id: string;
  occurredAt: Date;
  kind: AnnotationKind;
  title: string;
  description: string | null;
  source: string;
  details: Record<string, unknown> | null;
  createdAt: Date;
}

export interface AnnotationInsert {
  occurredAt: Date;
  kind: AnnotationKind;
  title: string;
  description: string | null;
  source: string;
  details: Record<string, unknown> | null;
  createdAt: Date;
}

/** Annotations with `occurredAt` in [from, to), optionally of some kinds only. */
export interface AnnotationFilter {
  from: Date;
  to: Date;
  kinds: AnnotationKind[] | null;
}

const columns = {
  id: annotations.id,
  occurredAt: annotations.occurredAt,
  kind: annotations.kind,
  title: annotations.title,
  description: annotations.description,
  source: annotations.source,
  details: annotations.details,
  createdAt: annotations.createdAt,
};

function filterCondition(tenantId: string, filter: AnnotationFilter) {
  return and(
    eq(annotations.tenantId, tenantId),
    gte(annotations.occurredAt, filter.from),
    lt(annotations.occurredAt, filter.to),
    filter.kinds ? inArray(annotations.kind, filter.kinds) : undefined,
  );
}

@Injectable()
export class AnnotationsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insertMany(
    tenantId: string,
    values: AnnotationInsert[],
    executor: Executor = this.db,
  ): Promise<AnnotationRow[]> {
    if (values.length === 0) {
      return [];
    }
    const rows = await executor
      .insert(annotations)
      .values(values.map((value) => ({ ...value, tenantId })))
      .returning(columns);
    return rows as AnnotationRow[];
  }

  /** One page in time order; `after` is the (occurredAt, id) of the previous page's last row. */
  async list(
    tenantId: string,
    filter: AnnotationFilter,
    limit: number,
    after: { occurredAt: Date; id: string } | null,
  ): Promise<AnnotationRow[]> {
    const keyset = after
      ? or(
          gt(annotations.occurredAt, after.occurredAt),
          and(eq(annotations.occurredAt, after.occurredAt), gt(annotations.id, after.id)),
        )
      : undefined;
    const rows = await this.db
      .select(columns)
      .from(annotations)
      .where(and(filterCondition(tenantId, filter), keyset))
      .orderBy(asc(annotations.occurredAt), asc(annotations.id))
      .limit(limit + 1);
    return rows as AnnotationRow[];
  }

  async count(tenantId: string, filter: AnnotationFilter): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(annotations)
      .where(filterCondition(tenantId, filter));
    return Number(rows[0]?.total ?? 0);
  }

  /** Deletes one annotation; false when the tenant has none with that id. */
  async delete(tenantId: string, id: string): Promise<boolean> {
    const rows = await this.db
      .delete(annotations)
      .where(and(eq(annotations.tenantId, tenantId), eq(annotations.id, id)))
      .returning({ id: annotations.id });
    return rows.length > 0;
  }
}
