import { Inject, Injectable } from '@nestjs/common';
import { type SQL, sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { resultRows } from '../../database/mapper.js';
import { quoteIdentifier } from '../../database/tenant-schema.js';
import { POSTGRES_TYPES, type SchemaField } from './schema-fields.js';

/** A `ds_` table: the tenant's PostgreSQL schema and the table name, both unquoted. */
export interface SchemaTable {
  schemaName: string;
  tableName: string;
}

/**
 * A loaded row as read back: its primary key as JSON text (timestamps in ISO
 * 8601, so the cursor round-trips through the row validation) and its values as JSON.
 */
export interface StoredRow {
  cursorKey: string;
  values: Record<string, unknown>;
}

/**
 * Alias of the table in row reads. Aliases here are uppercase (this one and
 * "Input"), so no cleaned field name can shadow them: in `to_jsonb(x)` a
 * column named x would win over a table alias x.
 */
const ROW_ALIAS = sql.raw('"Row"');

export function qualifiedName(table: SchemaTable): string {
  return `${quoteIdentifier(table.schemaName)}.${quoteIdentifier(table.tableName)}`;
}

function columnDefinition(field: SchemaField): string {
  const notNull = field.nullable ? '' : ' NOT NULL';
  return `${quoteIdentifier(field.name)} ${POSTGRES_TYPES[field.type]}${notNull}`;
}

/**
 * DDL and rows of the `ds_` tables schemas own. Identifiers come from cleaned
 * names ([a-z0-9_]) and are always quoted; every value is a bound parameter.
 */
@Injectable()
export class SchemaTablesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async create(
    table: SchemaTable,
    fields: SchemaField[],
    primaryKeyField: string,
    executor: Executor = this.db,
  ): Promise<void> {
    const definitions = [
      ...fields.map(columnDefinition),
      `PRIMARY KEY (${quoteIdentifier(primaryKeyField)})`,
    ];
    await executor.execute(
      sql.raw(`CREATE TABLE ${qualifiedName(table)} (${definitions.join(', ')})`),
    );
  }

  /** Adds nullable columns in one statement. */
  async addColumns(
    table: SchemaTable,
    fields: SchemaField[],
    executor: Executor = this.db,
  ): Promise<void> {
    const additions = fields.map((field) => `ADD COLUMN ${columnDefinition(field)}`);
    await executor.execute(sql.raw(`ALTER TABLE ${qualifiedName(table)} ${additions.join(', ')}`));
  }

  async drop(table: SchemaTable, executor: Executor = this.db): Promise<void> {
    await executor.execute(sql.raw(`DROP TABLE IF EXISTS ${qualifiedName(table)}`));
  }

  /**
   * Upserts rows on the primary key. The rows travel as one JSON parameter and
   * jsonb_to_recordset turns them into typed columns, so a chunk of any size
   * is a single statement with a single bound value. No two rows may share a
   * primary key, because ON CONFLICT cannot update a row twice in one statement.
   */
  async upsertRows(
    table: SchemaTable,
    fields: SchemaField[],
    primaryKeyField: string,
    rows: Record<string, unknown>[],
    executor: Executor = this.db,
  ): Promise<void> {
    const names = fields.map((field) => quoteIdentifier(field.name)).join(', ');
    const recordType = fields
      .map((field) => `${quoteIdentifier(field.name)} ${POSTGRES_TYPES[field.type]}`)
      .join(', ');
    const updates = fields
      .filter((field) => field.name !== primaryKeyField)
      .map((field) => `${quoteIdentifier(field.name)} = EXCLUDED.${quoteIdentifier(field.name)}`);
    const onConflict = updates.length > 0 ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING';
    await executor.execute(sql`
      INSERT INTO ${sql.raw(qualifiedName(table))} (${sql.raw(names)})
      SELECT ${sql.raw(names)} FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS "Input"(${sql.raw(recordType)})
      ON CONFLICT (${sql.raw(quoteIdentifier(primaryKeyField))}) ${sql.raw(onConflict)}`);
  }

  /** One page of rows ordered by primary key, after the row whose key is `afterKey` (bound as text, cast). */
  async listRows(
    table: SchemaTable,
    primaryKey: SchemaField,
    limit: number,
    afterKey: string | null,
  ): Promise<StoredRow[]> {
    const column = sql.raw(quoteIdentifier(primaryKey.name));
    const keyset: SQL =
      afterKey === null
        ? sql`TRUE`
        : sql`${column} > ${afterKey}::${sql.raw(POSTGRES_TYPES[primaryKey.type])}`;
    const result = await this.db.execute(sql`
      SELECT to_jsonb(${column}) #>> '{}' AS cursor_key, to_jsonb(${ROW_ALIAS}) AS row_values
      FROM ${sql.raw(qualifiedName(table))} AS ${ROW_ALIAS}
      WHERE ${keyset}
      ORDER BY ${column}
      LIMIT ${limit + 1}`);
    return resultRows<{ cursor_key: string; row_values: Record<string, unknown> }>(result).map(
      (row) => ({ cursorKey: row.cursor_key, values: row.row_values }),
    );
  }

  /** The row with this primary-key value, bound as text and cast to the key's type. */
  async findRow(
    table: SchemaTable,
    primaryKey: SchemaField,
    keyValue: string,
  ): Promise<StoredRow | null> {
    const column = sql.raw(quoteIdentifier(primaryKey.name));
    const result = await this.db.execute(sql`
      SELECT to_jsonb(${column}) #>> '{}' AS cursor_key, to_jsonb(${ROW_ALIAS}) AS row_values
      FROM ${sql.raw(qualifiedName(table))} AS ${ROW_ALIAS}
      WHERE ${column} = ${keyValue}::${sql.raw(POSTGRES_TYPES[primaryKey.type])}`);
    const row = resultRows<{ cursor_key: string; row_values: Record<string, unknown> }>(result)[0];
    return row ? { cursorKey: row.cursor_key, values: row.row_values } : null;
  }

  async countRows(table: SchemaTable): Promise<number> {
    const result = await this.db.execute(
      sql`SELECT count(*)::float8 AS total FROM ${sql.raw(qualifiedName(table))}`,
    );
    return Number(resultRows<{ total: number | string }>(result)[0]?.total ?? 0);
  }
}
