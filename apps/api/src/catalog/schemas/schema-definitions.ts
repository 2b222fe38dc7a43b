import { UnprocessableError } from '../../common/errors/domain-errors.js';
import type { IndexedItem } from '../../write/write-body.js';
import type { CatalogRejection } from '../common/catalog-writer.js';
import {
  buildFields,
  cleanIdentifier,
  tableNameForKey,
  tableNameProblem,
} from './schema-fields.js';
import type { SchemaCreateDto, SchemaUpdateDto } from './dto/schema.dto.js';
import type { SchemaRow } from './schemas.repository.js';

/**
 * Checks new schema definitions on their own and against each other: the
 * table name fits, fields are well formed, and no two items of the batch
 * clean to the same table name.
 */
export function definitionRejections(items: IndexedItem<SchemaCreateDto>[]): CatalogRejection[] {
  const rejected: CatalogRejection[] = [];
  const firstByTable = new Map<string, number>();
  for (const { index, item } of items) {
    const tableProblem = tableNameProblem(item.key);
    if (tableProblem) {
      rejected.push({ index, field: 'key', value: item.key, reason: tableProblem, status: 400 });
    }
    const { problems } = buildFields(item.fields, item.primaryKeyField);
    for (const problem of problems) {
      const field = problem.field ?? 'fields';
      rejected.push({ index, field, value: problem.value, reason: problem.reason, status: 400 });
    }
    const table = tableNameForKey(item.key);
    const first = firstByTable.get(table);
    if (first === undefined) {
      firstByTable.set(table, index);
    } else if (items.find((entry) => entry.index === first)?.item.key !== item.key) {
      const reason = `cleans to table name ${table}, like the key of item ${first} of this batch`;
      rejected.push({ index, field: 'key', value: item.key, reason, status: 400 });
    }
  }
  return rejected;
}

/** Rejects items whose table name another schema of the tenant already owns (409). */
export function tableOwnerRejections(
  items: IndexedItem<SchemaCreateDto>[],
  owners: ReadonlyMap<string, string>,
): CatalogRejection[] {
  return items.flatMap(({ index, item }) => {
    const table = tableNameForKey(item.key);
    const owner = owners.get(table);
    if (owner === undefined || owner === item.key) {
      return [];
    }
    const reason = `cleans to table name ${table}, which schema ${owner} already owns`;
    return [{ index, field: 'key', value: item.key, reason, status: 409 as const }];
  });
}

/** Throws a 422 when a PATCH requests a change to what the table and its rows depend on. */
export function rejectFixedSchemaChanges(current: SchemaRow, patch: SchemaUpdateDto): void {
  if (patch.entityType !== undefined && patch.entityType !== current.entityType) {
    const reason =
      `cannot change from ${current.entityType}, because segments and importers rely on it; ` +
      'create a new schema instead';
    throw new UnprocessableError(`entityType ${reason}`, [
      { field: 'entityType', value: patch.entityType, reason },
    ]);
  }
  if (
    patch.primaryKeyField !== undefined &&
    cleanIdentifier(patch.primaryKeyField) !== current.primaryKeyField
  ) {
    const reason =
      `cannot change from ${current.primaryKeyField}, because rows are stored and upserted by it; ` +
      'create a new schema instead';
    throw new UnprocessableError(`primaryKeyField ${reason}`, [
      { field: 'primaryKeyField', value: patch.primaryKeyField, reason },
    ]);
  }
}
