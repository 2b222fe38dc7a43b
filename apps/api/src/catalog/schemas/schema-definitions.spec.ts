import { UnprocessableError } from '../../common/errors/domain-errors.js';
import type { SchemaCreateDto } from './dto/schema.dto.js';
import {
  definitionRejections,
  rejectFixedSchemaChanges,
  tableOwnerRejections,
} from './schema-definitions.js';
import type { SchemaRow } from './schemas.repository.js';

function buildSchemaItem(overrides: Partial<SchemaCreateDto> = {}): SchemaCreateDto {
  return {
    key: 'customers',
    name: 'Customers',
    entityType: 'customer',
    fields: [{ name: 'id', type: 'text' }],
    primaryKeyField: 'id',
    ...overrides,
  };
}

function buildSchemaRow(overrides: Partial<SchemaRow> = {}): SchemaRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    key: 'customers',
    name: 'Customers',
    entityType: 'customer',
    fields: [{ name: 'id', type: 'text', nullable: false }],
    primaryKeyField: 'id',
    tableName: 'ds_customers',
    lastLoadedAt: null,
    createdAt: new Date('2026-12-01T00:00:00Z'),
    updatedAt: new Date('2026-12-01T00:00:00Z'),
    ...overrides,
  };
}

describe('definitionRejections', () => {
  it('accepts distinct valid definitions', () => {
    const items = [
      { index: 0, item: buildSchemaItem() },
      { index: 1, item: buildSchemaItem({ key: 'accounts' }) },
    ];
    expect(definitionRejections(items)).toEqual([]);
  });

  it('rejects keys of one batch that clean to the same table', () => {
    const items = [
      { index: 0, item: buildSchemaItem({ key: 'crm.people' }) },
      { index: 1, item: buildSchemaItem({ key: 'crm-people' }) },
    ];
    const rejected = definitionRejections(items);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ index: 1, field: 'key', status: 400 });
    expect(rejected[0]?.reason).toContain('ds_crm_people');
  });

  it('passes field problems through with the item index', () => {
    const items = [{ index: 4, item: buildSchemaItem({ primaryKeyField: 'nope' }) }];
    expect(definitionRejections(items)[0]).toMatchObject({ index: 4, field: 'primaryKeyField' });
  });
});

describe('tableOwnerRejections', () => {
  it('answers 409 when another schema owns the table', () => {
    const items = [{ index: 0, item: buildSchemaItem({ key: 'crm-people' }) }];
    const rejected = tableOwnerRejections(items, new Map([['ds_crm_people', 'crm.people']]));
    expect(rejected).toEqual([
      {
        index: 0,
        field: 'key',
        value: 'crm-people',
        reason: 'cleans to table name ds_crm_people, which schema crm.people already owns',
        status: 409,
      },
    ]);
  });
});

describe('rejectFixedSchemaChanges', () => {
  it('rejects a new entity type or primary key with 422', () => {
    const row = buildSchemaRow();
    expect(() => rejectFixedSchemaChanges(row, { entityType: 'account' })).toThrow(
      UnprocessableError,
    );
    expect(() => rejectFixedSchemaChanges(row, { primaryKeyField: 'other' })).toThrow(
      UnprocessableError,
    );
  });

  it('accepts the same values', () => {
    const row = buildSchemaRow();
    expect(() =>
      rejectFixedSchemaChanges(row, { entityType: 'customer', primaryKeyField: 'ID' }),
    ).not.toThrow();
  });
});
