import type { SchemaField } from './schema-fields.js';
import { coerceValue, validateRow } from './schema-values.js';

describe('coerceValue', () => {
  it.each([
    ['integer', 42, '42'],
    ['integer', '-9223372036854775808', '-9223372036854775808'],
    ['integer', '9223372036854775807', '9223372036854775807'],
    ['integer', '+7', '7'],
    ['decimal', 12.5, 12.5],
    ['decimal', '-0.125', '-0.125'],
    ['boolean', true, true],
    ['boolean', 'false', false],
    ['date', '2024-02-29', '2024-02-29'],
    ['timestamp', '2026-12-04T10:00:00+02:00', '2026-12-04T08:00:00.000Z'],
    ['timestamp', '2026-12-04T10:00:00.123Z', '2026-12-04T10:00:00.123Z'],
    ['text', 'select', 'select'],
    ['json', { nested: [1, 'two'] }, { nested: [1, 'two'] }],
    ['json', 'plain string', 'plain string'],
  ] as const)('accepts %s %j', (type, raw, expected) => {
    expect(coerceValue(type, raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['integer', 1.5],
    ['integer', '9223372036854775808'],
    ['integer', 2 ** 60],
    ['integer', 'twelve'],
    ['decimal', 'NaN'],
    ['decimal', '1e5'],
    ['boolean', 'yes'],
    ['boolean', 1],
    ['date', '2023-02-29'],
    ['date', '2026-12-04T00:00:00Z'],
    ['timestamp', '2026-12-04T10:00:00'],
    ['timestamp', '2026-12-04'],
    ['text', 42],
    ['text', 'nul\u0000byte'],
    ['json', { text: 'nul\u0000' }],
  ] as const)('rejects %s %j, naming the type', (type, raw) => {
    const result = coerceValue(type, raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(`(type ${type})`);
  });
});

describe('validateRow', () => {
  const fields: SchemaField[] = [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'default', type: 'text', nullable: true },
    { name: 'joined', type: 'date', nullable: false },
  ];

  it('returns bound values with missing nullable fields as null', () => {
    expect(validateRow(fields, { id: 7, joined: '2026-01-31' }, 0)).toEqual({
      ok: true,
      values: { id: '7', default: null, joined: '2026-01-31' },
    });
  });

  it('names every failing field with its type', () => {
    const result = validateRow(fields, { id: 'x', default: 5, other: 1 }, 3);
    expect(result.ok).toBe(false);
    const rejections = result.ok ? [] : result.rejections;
    expect(rejections.map((rejection) => rejection.field)).toEqual([
      'other',
      'id',
      'default',
      'joined',
    ]);
    expect(rejections.every((rejection) => rejection.index === 3)).toBe(true);
    expect(rejections[3]?.reason).toBe('is required (type date, not nullable)');
  });

  it('rejects null in a non-nullable field', () => {
    const result = validateRow(fields, { id: null, joined: '2026-01-01' }, 0);
    expect(result).toEqual({
      ok: false,
      rejections: [
        {
          index: 0,
          field: 'id',
          value: null,
          reason: 'must not be null (type integer, not nullable)',
        },
      ],
    });
  });

  it('rejects a row that is not an object', () => {
    const result = validateRow(fields, [1, 2], 1);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.rejections[0]?.field).toBe('item');
  });
});
