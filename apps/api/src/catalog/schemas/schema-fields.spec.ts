import { InvalidParameterError, UnprocessableError } from '../../common/errors/domain-errors.js';
import {
  addedFields,
  buildFields,
  cleanIdentifier,
  type SchemaField,
  tableNameForKey,
  tableNameProblem,
} from './schema-fields.js';

describe('cleanIdentifier', () => {
  it.each([
    ['First Name', 'first_name'],
    ['e-mail', 'e_mail'],
    ['  Select  ', 'select'],
    ['ÄÖ x', '___x'],
    ['a.b-c', 'a_b_c'],
    ['user', 'user'],
    ['😀', '_'],
    ['ID_2', 'id_2'],
  ])('cleans %j to %j', (input, expected) => {
    expect(cleanIdentifier(input)).toBe(expected);
  });
});

describe('tableNameForKey', () => {
  it('prefixes ds_ and cleans dots and dashes', () => {
    expect(tableNameForKey('crm.customers-v2')).toBe('ds_crm_customers_v2');
  });

  it('accepts a 60-character key and rejects 61', () => {
    expect(tableNameProblem('a'.repeat(60))).toBeNull();
    expect(tableNameProblem('a'.repeat(61))).toContain('at most 60 characters');
  });
});

describe('buildFields', () => {
  it('cleans names and defaults nullable to true except for the primary key', () => {
    const built = buildFields(
      [
        { name: 'Customer ID', type: 'text' },
        { name: 'select', type: 'integer' },
        { name: 'user', type: 'json', nullable: false },
      ],
      'Customer ID',
    );
    expect(built.problems).toEqual([]);
    expect(built.primaryKeyField).toBe('customer_id');
    expect(built.fields).toEqual([
      { name: 'customer_id', type: 'text', nullable: false },
      { name: 'select', type: 'integer', nullable: true },
      { name: 'user', type: 'json', nullable: false },
    ]);
  });

  it('reports two names that clean to the same column', () => {
    const built = buildFields(
      [
        { name: 'id', type: 'text' },
        { name: 'First Name', type: 'text' },
        { name: 'first-name', type: 'text' },
      ],
      'id',
    );
    expect(built.problems).toHaveLength(1);
    expect(built.problems[0]?.field).toBe('fields.2.name');
    expect(built.problems[0]?.reason).toContain('cleans to first_name, like fields.1.name');
  });

  it('reports a primary key that is not a field', () => {
    const built = buildFields([{ name: 'id', type: 'text' }], 'customer');
    expect(built.problems).toEqual([
      { field: 'primaryKeyField', value: 'customer', reason: 'must name one of the fields (id)' },
    ]);
  });

  it('rejects json, boolean and decimal primary keys', () => {
    for (const type of ['json', 'boolean', 'decimal'] as const) {
      const built = buildFields([{ name: 'id', type }], 'id');
      expect(built.problems[0]?.field).toBe('primaryKeyField');
      expect(built.problems[0]?.reason).toContain(`id is ${type}`);
    }
  });

  it('rejects a primary key declared nullable', () => {
    const built = buildFields([{ name: 'id', type: 'integer', nullable: true }], 'id');
    expect(built.problems).toEqual([
      {
        field: 'fields.0.nullable',
        value: true,
        reason: 'must be false for the primary-key field',
      },
    ]);
  });

  it('rejects names that are blank or too long once cleaned', () => {
    const built = buildFields(
      [
        { name: 'id', type: 'text' },
        { name: '   ', type: 'text' },
        { name: 'x'.repeat(64), type: 'text' },
      ],
      'id',
    );
    expect(built.problems.map((problem) => problem.field)).toEqual([
      'fields.1.name',
      'fields.2.name',
    ]);
  });
});

describe('addedFields', () => {
  const current: SchemaField[] = [
    { name: 'id', type: 'text', nullable: false },
    { name: 'age', type: 'integer', nullable: true },
  ];

  it('returns new fields as nullable', () => {
    const added = addedFields(current, [
      { name: 'id', type: 'text' },
      { name: 'age', type: 'integer', nullable: true },
      { name: 'Last Seen', type: 'timestamp' },
    ]);
    expect(added).toEqual([{ name: 'last_seen', type: 'timestamp', nullable: true }]);
  });

  it('rejects removing a field with 422', () => {
    expect(() => addedFields(current, [{ name: 'id', type: 'text' }])).toThrow(UnprocessableError);
    expect(() => addedFields(current, [{ name: 'id', type: 'text' }])).toThrow(
      /age cannot be removed/,
    );
  });

  it('rejects retyping a field with 422', () => {
    const change = () =>
      addedFields(current, [
        { name: 'id', type: 'text' },
        { name: 'age', type: 'text' },
      ]);
    expect(change).toThrow(UnprocessableError);
    expect(change).toThrow(/age cannot change type from integer to text/);
  });

  it('rejects a non-nullable new field with 422', () => {
    const change = () =>
      addedFields(current, [
        { name: 'id', type: 'text' },
        { name: 'age', type: 'integer' },
        { name: 'score', type: 'decimal', nullable: false },
      ]);
    expect(change).toThrow(UnprocessableError);
    expect(change).toThrow(/must be true for the new field score/);
  });

  it('rejects names cleaning to the same column with 400', () => {
    const change = () =>
      addedFields(current, [
        { name: 'id', type: 'text' },
        { name: 'age', type: 'integer' },
        { name: 'AGE', type: 'integer' },
      ]);
    expect(change).toThrow(InvalidParameterError);
  });
});
