import { InvalidParameterError } from '../common/errors/domain-errors.js';
import { compileConditions, type ConditionField, MAX_CONDITIONS } from './segment-conditions.js';

const FIELDS: ConditionField[] = [
  { name: 'country', type: 'text' },
  { name: 'age', type: 'integer' },
  { name: 'score', type: 'decimal' },
  { name: 'vip', type: 'boolean' },
  { name: 'signup_date', type: 'date' },
  { name: 'last_seen', type: 'timestamp' },
  { name: 'prefs', type: 'json' },
];

function rejection(conditions: unknown): { field: string | undefined; reason: string } {
  try {
    compileConditions(conditions, FIELDS);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidParameterError);
    const detail = (error as InvalidParameterError).details[0];
    return { field: detail.field, reason: detail.reason };
  }
  throw new Error('expected a rejection');
}

describe('compileConditions', () => {
  it('compiles a comparison with casts on both sides', () => {
    const { compiled } = compileConditions([{ field: 'age', operator: '>=', value: 18 }], FIELDS);
    expect(compiled).toEqual([
      {
        template: '(t.%1$I)::bigint >= %2$L::bigint',
        field: 'age',
        argument: { kind: 'value', text: '18' },
      },
    ]);
  });

  it('keeps nulls for != and not_in', () => {
    const { compiled } = compileConditions(
      [
        { field: 'country', operator: '!=', value: 'DE' },
        { field: 'country', operator: 'not_in', value: ['DE', 'FR'] },
      ],
      FIELDS,
    );
    expect(compiled[0].template).toBe('(t.%1$I)::text IS DISTINCT FROM %2$L::text');
    expect(compiled[1].template).toBe('((t.%1$I)::text IS NULL OR (t.%1$I)::text NOT IN (%2$s))');
    expect(compiled[1].argument).toEqual({
      kind: 'list',
      itemTemplate: '%L::text',
      items: ['DE', 'FR'],
    });
  });

  it('passes values as data, never as template text', () => {
    const attack = "'; DROP TABLE interactions; --";
    const { compiled } = compileConditions(
      [{ field: 'country', operator: '=', value: attack }],
      FIELDS,
    );
    expect(compiled[0].template).not.toContain(attack);
    expect(compiled[0].argument).toEqual({ kind: 'value', text: attack });
  });

  it('normalises timestamps to UTC', () => {
    const { compiled } = compileConditions(
      [{ field: 'last_seen', operator: '<', value: '2026-12-03T22:00:00+01:00' }],
      FIELDS,
    );
    expect(compiled[0].argument).toEqual({ kind: 'value', text: '2026-12-03T21:00:00.000Z' });
  });

  it('compiles contains for text and json', () => {
    const { compiled } = compileConditions(
      [
        { field: 'country', operator: 'contains', value: 'E' },
        { field: 'prefs', operator: 'contains', value: { tags: ['b'] } },
      ],
      FIELDS,
    );
    expect(compiled[0].template).toBe('strpos((t.%1$I)::text, %2$L::text) > 0');
    expect(compiled[1]).toEqual({
      template: '(t.%1$I)::jsonb @> %2$L::jsonb',
      field: 'prefs',
      argument: { kind: 'value', text: '{"tags":["b"]}' },
    });
  });

  it('drops the value of is_null', () => {
    const result = compileConditions([{ field: 'vip', operator: 'is_null', value: null }], FIELDS);
    expect(result.conditions).toEqual([{ field: 'vip', operator: 'is_null' }]);
    expect(result.compiled[0]).toEqual({
      template: 't.%1$I IS NULL',
      field: 'vip',
      argument: { kind: 'none' },
    });
  });

  it.each([
    [[{ field: 'nope', operator: '=', value: 1 }], 'conditions[0].field'],
    [[{ field: 'vip', operator: '<', value: true }], 'conditions[0].operator'],
    [[{ field: 'prefs', operator: '=', value: {} }], 'conditions[0].operator'],
    [[{ field: 'age', operator: '=', value: '5' }], 'conditions[0].value'],
    [[{ field: 'age', operator: '=', value: 2 ** 60 }], 'conditions[0].value'],
    [[{ field: 'score', operator: '>', value: Number.NaN }], 'conditions[0].value'],
    [[{ field: 'vip', operator: '=', value: 'true' }], 'conditions[0].value'],
    [[{ field: 'signup_date', operator: '=', value: '2026-02-29' }], 'conditions[0].value'],
    [[{ field: 'country', operator: '=', value: 'a\u0000b' }], 'conditions[0].value'],
    [[{ field: 'country', operator: '=', value: '\uD800' }], 'conditions[0].value'],
    [[{ field: 'country', operator: '=', value: 'x'.repeat(1001) }], 'conditions[0].value'],
    [[{ field: 'country', operator: 'in', value: 'DE' }], 'conditions[0].value'],
    [[{ field: 'age', operator: 'in', value: [1, 'two'] }], 'conditions[0].value'],
    [[{ field: 'prefs', operator: 'contains', value: 'text' }], 'conditions[0].value'],
    [[{ field: 'country', operator: '=', value: 'x', extra: 1 }], 'conditions[0].extra'],
    [[null], 'conditions[0]'],
    ['not an array', 'conditions'],
  ])('rejects %j naming %s', (conditions, field) => {
    expect(rejection(conditions).field).toBe(field);
  });

  it('lists every invalid condition', () => {
    try {
      compileConditions(
        [
          { field: 'age', operator: '=', value: 1 },
          { field: 'nope', operator: '=', value: 1 },
          { field: 'vip', operator: '=', value: 3 },
        ],
        FIELDS,
      );
      throw new Error('expected a rejection');
    } catch (error) {
      const invalid = error as InvalidParameterError;
      expect(invalid.details.map((detail) => detail.field)).toEqual([
        'conditions[1].field',
        'conditions[2].value',
      ]);
      expect(invalid.message).toContain('(and 1 more)');
    }
  });

  it('names the allowed operators for the field type', () => {
    expect(rejection([{ field: 'vip', operator: '>', value: true }]).reason).toBe(
      'must be one of =, !=, is_null, is_not_null for boolean field vip',
    );
  });

  it('limits the number of conditions', () => {
    const many = Array.from({ length: MAX_CONDITIONS + 1 }, () => ({
      field: 'age',
      operator: '=',
      value: 1,
    }));
    expect(rejection(many).field).toBe('conditions');
  });
});
