import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, gt, ilike, inArray, or } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { schemas, segments } from '../../database/schema/index.js';
import type { KeyCursor } from '../common/catalog-list.js';
import { containsPattern } from '../common/search-pattern.js';
import type { SchemaField } from './schema-fields.js';

export const ENTITY_TYPES = ['customer', 'account', 'custom'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface SchemaRow {
  id: string;
  key: string;
  name: string;
  entityType: EntityType;
  fields: SchemaField[];
  primaryKeyField: string;
  /** Unqualified and unquoted, `ds_<cleaned key>`; it lives in the tenant's PostgreSQL schema. */
  tableName: string;
  lastLoadedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SchemaValues {
  key: string;
  name: string;
  entityType: EntityType;
  fields: SchemaField[];
  primaryKeyField: string;
  tableName: string;
}

export interface SchemaFilter {
  entityType?: EntityType;
  q?: string;
}

const columns = {
  id: schemas.id,
  key: schemas.key,
  name: schemas.name,
  entityType: schemas.entityType,
  fields: schemas.fields,
  primaryKeyField: schemas.primaryKeyField,
  tableName: schemas.tableName,
  lastLoadedAt: schemas.lastLoadedAt,
  createdAt: schemas.createdAt,
  updatedAt: schemas.updatedAt,
};

function filterCondition(tenantId: string, filter: SchemaFilter) {
  const pattern = filter.q ? containsPattern(filter.q) : null;
  return and(
    eq(schemas.tenantId, tenantId),
    filter.entityType ? eq(schemas.entityType, filter.entityType) : undefined,
    pattern ? or(ilike(schemas.key, pattern), ilike(schemas.name, pattern)) : undefined,
  );
}

@Injectable()
export class SchemasRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async existingKeys(
    tenantId: string,
    keys: string[],
    executor: Executor = this.db,
  ): Promise<Set<string>> {
    if (keys.length === 0) {
      return new Set();
    }
    const rows = await executor
      .select({ key: schemas.key })
      .from(schemas)
      .where(and(eq(schemas.tenantId, tenantId), inArray(schemas.key, [...new Set(keys)])));
    return new Set(rows.map((row) => row.key));
  }

  /** The schemas among the tenant's that own one of these table names: table name -> schema key. */
  async tableOwners(
    tenantId: string,
    tableNames: string[],
    executor: Executor = this.db,
  ): Promise<Map<string, string>> {
    if (tableNames.length === 0) {
      return new Map();
    }
    const rows = await executor
      .select({ key: schemas.key, tableName: schemas.tableName })
      .from(schemas)
      .where(
        and(eq(schemas.tenantId, tenantId), inArray(schemas.tableName, [...new Set(tableNames)])),
      );
    return new Map(rows.map((row) => [row.tableName, row.key]));
  }

  /** Inserts a schema; null when the tenant already uses its key. */
  async insert(
    tenantId: string,
    values: SchemaValues,
    now: Date,
    executor: Executor = this.db,
  ): Promise<SchemaRow | null> {
    const rows = await executor
      .insert(schemas)
      .values({ ...values, tenantId, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: [schemas.tenantId, schemas.key] })
      .returning(columns);
    return (rows[0] as SchemaRow | undefined) ?? null;
  }

  async findById(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<SchemaRow | null> {
    const rows = await executor
      .select(columns)
      .from(schemas)
      .where(and(eq(schemas.tenantId, tenantId), eq(schemas.id, id)));
    return (rows[0] as SchemaRow | undefined) ?? null;
  }

  /** Reads a schema and locks its row until the transaction ends, so table changes serialise. */
  async findByIdForUpdate(
    tenantId: string,
    id: string,
    executor: Executor,
  ): Promise<SchemaRow | null> {
    const rows = await executor
      .select(columns)
      .from(schemas)
      .where(and(eq(schemas.tenantId, tenantId), eq(schemas.id, id)))
      .for('update');
    return (rows[0] as SchemaRow | undefined) ?? null;
  }

  /** One page ordered by key; `after` is the previous page's last row. */
  async list(
    tenantId: string,
    filter: SchemaFilter,
    limit: number,
    after: KeyCursor | null,
  ): Promise<SchemaRow[]> {
    const rows = await this.db
      .select(columns)
      .from(schemas)
      .where(and(filterCondition(tenantId, filter), after ? gt(schemas.key, after.key) : undefined))
      .orderBy(asc(schemas.key))
      .limit(limit + 1);
    return rows as SchemaRow[];
  }

  async count(tenantId: string, filter: SchemaFilter): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(schemas)
      .where(filterCondition(tenantId, filter));
    return Number(rows[0]?.total ?? 0);
  }

  async update(
    tenantId: string,
    id: string,
    values: { name: string; fields: SchemaField[] },
    now: Date,
    executor: Executor = this.db,
  ): Promise<SchemaRow | null> {
    const rows = await executor
      .update(schemas)
      .set({ ...values, updatedAt: now })
      .where(and(eq(schemas.tenantId, tenantId), eq(schemas.id, id)))
      .returning(columns);
    return (rows[0] as SchemaRow | undefined) ?? null;
  }

  async touchLastLoaded(
    tenantId: string,
    id: string,
    at: Date,
    executor: Executor = this.db,
  ): Promise<void> {
    await executor
      .update(schemas)
      .set({ lastLoadedAt: at })
      .where(and(eq(schemas.tenantId, tenantId), eq(schemas.id, id)));
  }

  async delete(
    tenantId: string,
    id: string,
    executor: Executor = this.db,
  ): Promise<SchemaRow | null> {
    const rows = await executor
      .delete(schemas)
      .where(and(eq(schemas.tenantId, tenantId), eq(schemas.id, id)))
      .returning(columns);
    return (rows[0] as SchemaRow | undefined) ?? null;
  }

  /** How many segments of the tenant select from the schema. */
  async countSegmentsUsing(
    tenantId: string,
    schemaId: string,
    executor: Executor = this.db,
  ): Promise<number> {
    const rows = await executor
      .select({ total: count() })
      .from(segments)
      .where(and(eq(segments.tenantId, tenantId), eq(segments.baseSchemaId, schemaId)));
    return Number(rows[0]?.total ?? 0);
  }
}
