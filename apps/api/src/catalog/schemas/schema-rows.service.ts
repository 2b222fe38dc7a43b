import { Inject, Injectable } from '@nestjs/common';

import type { WriteOutcome } from '../../annotations/index.js';
import { InvalidParameterError, NotFoundError } from '../../common/errors/domain-errors.js';
import { logger } from '../../common/logging/logger.js';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor.js';
import type { Page } from '../../common/pagination/page.js';
import { Clock } from '../../core/clock.js';
import { DATABASE, type Database } from '../../database/database.types.js';
import { tenantSchemaName } from '../../database/tenant-schema.js';
import { finishBatch, invalidItemError } from '../../write/write-body.js';
import type { SchemaField } from './schema-fields.js';
import { chunk, lastRowPerKey, parseRows, ROWS_PER_CHUNK, toRowResponse } from './schema-rows.js';
import { type SchemaTable, SchemaTablesRepository } from './schema-tables.repository.js';
import { coerceValue } from './schema-values.js';
import { type SchemaRow, SchemasRepository } from './schemas.repository.js';

/** A row of a schema's table, keyed by field name. */
export type SchemaDataRow = Record<string, unknown>;

/** Loads rows into schemas' ds_ tables (upserting on the primary key) and pages through them. */
@Injectable()
export class SchemaRowsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly schemas: SchemasRepository,
    private readonly tables: SchemaTablesRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Validates rows against the schema's fields and upserts the valid ones in
   * chunks, in one transaction that also sets the schema's lastLoadedAt.
   */
  async load(params: {
    tenantId: string;
    schemaId: string;
    body: unknown;
  }): Promise<WriteOutcome<SchemaDataRow>> {
    const schema = await this.requireSchema(params.tenantId, params.schemaId);
    const parsed = parseRows(schema.fields, params.body);
    if (parsed.mode === 'single' && parsed.rejected.length > 0) {
      throw invalidItemError(parsed.rejected);
    }
    const result = finishBatch(parsed.rows.length, parsed.rejected);
    await this.upsert(params.tenantId, schema, parsed.rows);
    if (parsed.mode === 'batch') {
      return { mode: 'batch', result };
    }
    const key = this.primaryKey(schema);
    const stored = await this.tables.findRow(
      this.table(params.tenantId, schema),
      key,
      String(parsed.rows[0]?.[key.name]),
    );
    if (!stored) {
      throw new Error(`The row just loaded into ${schema.tableName} was not found`);
    }
    return { mode: 'created', row: toRowResponse(schema.fields, stored.values) };
  }

  /** One page of the schema's rows, ordered by primary key. */
  async list(params: {
    tenantId: string;
    schemaId: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<SchemaDataRow> & { primaryKeyField: string }> {
    const schema = await this.requireSchema(params.tenantId, params.schemaId);
    const key = this.primaryKey(schema);
    const afterKey = this.decodeRowCursor(params.cursor, schema, key);
    const table = this.table(params.tenantId, schema);
    const [rows, total] = await Promise.all([
      this.tables.listRows(table, key, params.limit, afterKey),
      this.tables.countRows(table),
    ]);
    const page = rows.slice(0, params.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > params.limit && last
        ? encodeCursor({ sortValue: last.cursorKey, id: schema.id })
        : null;
    return {
      data: page.map((row) => toRowResponse(schema.fields, row.values)),
      page: { limit: params.limit, nextCursor, total },
      primaryKeyField: key.name,
    };
  }

  private async upsert(tenantId: string, schema: SchemaRow, rows: SchemaDataRow[]): Promise<void> {
    const startedAt = Date.now();
    const unique = lastRowPerKey(rows, schema.primaryKeyField);
    const table = this.table(tenantId, schema);
    await this.db.transaction(async (tx) => {
      for (const part of chunk(unique, ROWS_PER_CHUNK)) {
        await this.tables.upsertRows(table, schema.fields, schema.primaryKeyField, part, tx);
      }
      await this.schemas.touchLastLoaded(tenantId, schema.id, this.clock.now(), tx);
    });
    logger.info(
      {
        action: 'schema.rows_loaded',
        schemaId: schema.id,
        rows: rows.length,
        durationMs: Date.now() - startedAt,
      },
      'schema rows loaded',
    );
  }

  /** The primary-key value after which the page starts; the cursor must come from this schema. */
  private decodeRowCursor(
    cursor: string | undefined,
    schema: SchemaRow,
    key: SchemaField,
  ): string | null {
    const decoded = decodeCursor(cursor);
    if (!decoded) {
      return null;
    }
    const value = coerceValue(key.type, decoded.sortValue);
    if (decoded.id !== schema.id || !value.ok) {
      throw InvalidParameterError.forField(
        'cursor',
        cursor,
        'is not a cursor returned by this list',
      );
    }
    return String(value.value);
  }

  private primaryKey(schema: SchemaRow): SchemaField {
    const field = schema.fields.find((candidate) => candidate.name === schema.primaryKeyField);
    if (!field) {
      throw new Error(
        `Schema ${schema.id} has no field named after its primary key ${schema.primaryKeyField}`,
      );
    }
    return field;
  }

  private table(tenantId: string, schema: SchemaRow): SchemaTable {
    return { schemaName: tenantSchemaName(tenantId), tableName: schema.tableName };
  }

  private async requireSchema(tenantId: string, id: string): Promise<SchemaRow> {
    const row = await this.schemas.findById(tenantId, id);
    if (!row) {
      throw new NotFoundError('Schema', id);
    }
    return row;
  }
}
