import { Inject, Injectable } from '@nestjs/common';

import type { WriteOutcome } from '../../annotations/index.js';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors.js';
import { logger } from '../../common/logging/logger.js';
import type { Page } from '../../common/pagination/page.js';
import { Clock } from '../../core/clock.js';
import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { tenantSchemaName } from '../../database/tenant-schema.js';
import type { IndexedItem } from '../../write/write-body.js';
import { CatalogLookupService } from '../catalog-lookup.service.js';
import {
  CatalogChangeRecorder,
  changedFields,
  rejectKeyChange,
  requireSomeField,
} from '../common/catalog-change.js';
import { decodeKeyCursor, toKeyPage } from '../common/catalog-list.js';
import {
  type CatalogCreateParams,
  type CatalogCreateSpec,
  type CatalogRejection,
  CatalogWriter,
} from '../common/catalog-writer.js';
import {
  PG_DEPENDENT_OBJECTS_STILL_EXIST,
  PG_DUPLICATE_TABLE,
  pgErrorCode,
} from '../common/pg-errors.js';
import { type SchemaCreateDto, schemaFields, type SchemaUpdateDto } from './dto/schema.dto.js';
import {
  definitionRejections,
  rejectFixedSchemaChanges,
  tableOwnerRejections,
} from './schema-definitions.js';
import { addedFields, buildFields, tableNameForKey } from './schema-fields.js';
import { type SchemaTable, SchemaTablesRepository } from './schema-tables.repository.js';
import { type SchemaFilter, type SchemaRow, SchemasRepository } from './schemas.repository.js';

/**
 * Schemas: entity definitions, each owning the table ds_<key> in its tenant's
 * PostgreSQL schema. The definition row and the table change in one transaction.
 */
@Injectable()
export class SchemasService {
  private readonly spec: CatalogCreateSpec<SchemaCreateDto, SchemaRow> = {
    entity: 'schema',
    existingKeys: (tenantId, keys, executor) =>
      this.repository.existingKeys(tenantId, keys, executor),
    check: (tenantId, items, executor) => this.checkDefinitions(tenantId, items, executor),
    insert: (tenantId, items, executor) => this.insertSchemas(tenantId, items, executor),
    describe: schemaFields,
  };

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly repository: SchemasRepository,
    private readonly tables: SchemaTablesRepository,
    private readonly writer: CatalogWriter,
    private readonly changes: CatalogChangeRecorder,
    private readonly lookup: CatalogLookupService,
    private readonly clock: Clock,
  ) {}

  async create(params: CatalogCreateParams<SchemaCreateDto>): Promise<WriteOutcome<SchemaRow>> {
    const outcome = await this.writer.create(this.spec, params).catch((error: unknown) => {
      if (pgErrorCode(error) === PG_DUPLICATE_TABLE) {
        throw new ConflictError(
          "A table of that name already exists in the tenant's PostgreSQL schema without a schema " +
            'definition; choose another key',
        );
      }
      throw error;
    });
    this.lookup.invalidate(params.tenantId);
    return outcome;
  }

  async get(tenantId: string, id: string): Promise<SchemaRow> {
    const row = await this.repository.findById(tenantId, id);
    if (!row) {
      throw new NotFoundError('Schema', id);
    }
    return row;
  }

  async list(params: {
    tenantId: string;
    filter: SchemaFilter;
    limit: number;
    cursor?: string;
  }): Promise<Page<SchemaRow>> {
    const after = decodeKeyCursor(params.cursor);
    const [rows, total] = await Promise.all([
      this.repository.list(params.tenantId, params.filter, params.limit, after),
      this.repository.count(params.tenantId, params.filter),
    ]);
    return toKeyPage(rows, params.limit, total);
  }

  /** Renames a schema and adds nullable fields (ALTER TABLE ADD COLUMN); nothing else may change. */
  async update(params: {
    tenantId: string;
    actor: string;
    id: string;
    patch: SchemaUpdateDto;
  }): Promise<SchemaRow> {
    requireSomeField(params.patch, ['name', 'fields']);
    const row = await this.db.transaction(async (tx) => {
      const current = await this.requireForUpdate(params.tenantId, params.id, tx);
      rejectKeyChange('schema', current.key, params.patch.key);
      rejectFixedSchemaChanges(current, params.patch);
      const added = params.patch.fields ? addedFields(current.fields, params.patch.fields) : [];
      const next = {
        name: params.patch.name ?? current.name,
        fields: [...current.fields, ...added],
      };
      const changes = changedFields(schemaFields(current), schemaFields({ ...current, ...next }));
      if (Object.keys(changes).length === 0) {
        return current;
      }
      if (added.length > 0) {
        await this.tables.addColumns(this.table(params.tenantId, current), added, tx);
      }
      const updated = await this.repository.update(
        params.tenantId,
        params.id,
        next,
        this.clock.now(),
        tx,
      );
      await this.changes.updated({ ...params, entity: 'schema', key: current.key, changes }, tx);
      return updated ?? current;
    });
    this.lookup.invalidate(params.tenantId);
    return row;
  }

  /** Deletes a schema and drops its table; a schema that segments select from is a 409. */
  async delete(params: { tenantId: string; actor: string; id: string }): Promise<void> {
    await this.db
      .transaction(async (tx) => {
        const current = await this.requireForUpdate(params.tenantId, params.id, tx);
        await this.assertNoSegments(current, params.tenantId, tx);
        await this.tables.drop(this.table(params.tenantId, current), tx);
        await this.repository.delete(params.tenantId, params.id, tx);
        const fields = schemaFields(current);
        await this.changes.deleted({ ...params, entity: 'schema', key: current.key, fields }, tx);
      })
      .catch((error: unknown) => {
        if (pgErrorCode(error) === PG_DEPENDENT_OBJECTS_STILL_EXIST) {
          throw new ConflictError(
            'Other database objects (such as segment views) still depend on the table',
          );
        }
        throw error;
      });
    this.lookup.invalidate(params.tenantId);
    logger.info({ action: 'schema.deleted', schemaId: params.id }, 'schema and its table deleted');
  }

  private async checkDefinitions(
    tenantId: string,
    items: IndexedItem<SchemaCreateDto>[],
    executor: Executor,
  ): Promise<CatalogRejection[]> {
    const rejected = definitionRejections(items);
    const tableNames = items.map((entry) => tableNameForKey(entry.item.key));
    const owners = await this.repository.tableOwners(tenantId, tableNames, executor);
    return [...rejected, ...tableOwnerRejections(items, owners)];
  }

  /** Inserts each definition and creates its table; a key taken meanwhile is skipped. */
  private async insertSchemas(
    tenantId: string,
    items: SchemaCreateDto[],
    executor: Executor,
  ): Promise<SchemaRow[]> {
    const now = this.clock.now();
    const rows: SchemaRow[] = [];
    for (const item of items) {
      const { fields, primaryKeyField } = buildFields(item.fields, item.primaryKeyField);
      const tableName = tableNameForKey(item.key);
      const values = {
        key: item.key,
        name: item.name,
        entityType: item.entityType,
        fields,
        primaryKeyField,
        tableName,
      };
      const row = await this.repository.insert(tenantId, values, now, executor);
      if (row) {
        await this.tables.create(this.table(tenantId, row), fields, primaryKeyField, executor);
        rows.push(row);
      }
    }
    return rows;
  }

  private async assertNoSegments(
    schema: SchemaRow,
    tenantId: string,
    executor: Executor,
  ): Promise<void> {
    const segmentCount = await this.repository.countSegmentsUsing(tenantId, schema.id, executor);
    if (segmentCount > 0) {
      const reason =
        `is used by ${segmentCount} segment${segmentCount === 1 ? '' : 's'}; ` +
        'delete them or move them to another schema first';
      throw new ConflictError(`Schema ${schema.key} ${reason}`, [
        { field: 'id', value: schema.id, reason },
      ]);
    }
  }

  private table(tenantId: string, schema: SchemaRow): SchemaTable {
    return { schemaName: tenantSchemaName(tenantId), tableName: schema.tableName };
  }

  private async requireForUpdate(
    tenantId: string,
    id: string,
    executor: Executor,
  ): Promise<SchemaRow> {
    const row = await this.repository.findByIdForUpdate(tenantId, id, executor);
    if (!row) {
      throw new NotFoundError('Schema', id);
    }
    return row;
  }
}
