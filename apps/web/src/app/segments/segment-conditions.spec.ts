import {
  type ConditionDraft,
  type FieldType,
  type SchemaFieldOption,
  buildConditionsPayload,
  changeDraftField,
  changeDraftOperator,
  conditionToDraft,
  operatorArity,
  operatorsFor,
  parseConditionValue,
  sortServerProblems,
  valueInputKind,
} from './segment-conditions';

const FIELDS: SchemaFieldOption[] = [
  { name: 'country', type: 'text' },
  { name: 'age', type: 'integer' },
  { name: 'balance', type: 'decimal' },
  { name: 'vip', type: 'boolean' },
  { name: 'joined_on', type: 'date' },
  { name: 'last_seen_at', type: 'timestamp' },
  { name: 'attributes', type: 'json' },
];

function draft(overrides: Partial<ConditionDraft> = {}): ConditionDraft {
  return { field: 'country', operator: '=', valueText: 'DE', ...overrides };
}

describe('operatorsFor', () => {
  it('offers every comparison and contains for text', () => {
    expect(operatorsFor('text')).toEqual([
      '=',
      '!=',
      '>',
      '>=',
      '<',
      '<=',
      'in',
      'not_in',
      'is_null',
      'is_not_null',
      'contains',
    ]);
  });

  it.each<FieldType>(['integer', 'decimal', 'date', 'timestamp'])(
    'offers comparisons but not contains for %s',
    (type) => {
      const operators = operatorsFor(type);

      expect(operators).toContain('>=');
      expect(operators).toContain('in');
      expect(operators).not.toContain('contains');
    },
  );

  it('offers only equality and null checks for boolean', () => {
    expect(operatorsFor('boolean')).toEqual(['=', '!=', 'is_null', 'is_not_null']);
  });

  it('offers only containment and null checks for json', () => {
    expect(operatorsFor('json')).toEqual(['contains', 'is_null', 'is_not_null']);
  });
});

describe('value inputs', () => {
  it('takes no value for null checks', () => {
    expect(operatorArity('is_null')).toBe('none');
    expect(valueInputKind('integer', 'is_not_null')).toBeNull();
  });

  it('takes a list for in and not_in', () => {
    expect(valueInputKind('integer', 'in')).toBe('list');
    expect(valueInputKind('text', 'not_in')).toBe('list');
  });

  it('takes an input of the field type otherwise', () => {
    expect(valueInputKind('date', '>=')).toBe('date');
    expect(valueInputKind('boolean', '=')).toBe('boolean');
  });
});

describe('parseConditionValue', () => {
  it.each<[FieldType, string, unknown]>([
    ['text', ' DE ', ' DE '],
    ['integer', '42', 42],
    ['integer', '-7', -7],
    ['decimal', '1250.5', 1250.5],
    ['decimal', '-0.25', -0.25],
    ['boolean', 'true', true],
    ['boolean', 'false', false],
    ['date', '2026-02-28', '2026-02-28'],
    ['timestamp', '2026-12-01T09:30', '2026-12-01T09:30:00Z'],
    ['timestamp', '2026-12-01T09:30:15', '2026-12-01T09:30:15Z'],
    ['json', '{"tier":"gold"}', { tier: 'gold' }],
    ['json', '["a"]', ['a']],
  ])('reads %s "%s"', (type, text, expected) => {
    expect(parseConditionValue(type, '=', text)).toEqual({ ok: true, value: expected });
  });

  it.each<[FieldType, string, string]>([
    ['integer', '4.5', '"4.5" is not a whole number.'],
    ['integer', '9007199254740993', 'is not a whole number'],
    ['integer', 'abc', 'is not a whole number'],
    ['decimal', '1,5', '"1,5" is not a number.'],
    ['decimal', 'Infinity', 'is not a number'],
    ['boolean', 'yes', 'Choose true or false.'],
    ['date', '2026-02-30', 'is not a date written YYYY-MM-DD'],
    ['timestamp', '2026-12-01 09:30', 'is not a date and time'],
    ['timestamp', '2026-12-01T25:00', 'is not a date and time'],
    ['json', '"gold"', 'Enter a JSON object or array'],
    ['json', '{tier: gold}', 'Enter valid JSON'],
    ['text', '', 'Enter a value.'],
    ['integer', '  ', 'Enter a value.'],
  ])('rejects %s "%s"', (type, text, problem) => {
    const result = parseConditionValue(type, '=', text);

    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toContain(problem);
  });

  it('reads a list one value per line, skipping blank lines', () => {
    expect(parseConditionValue('integer', 'in', '18\n\n 21 \n30')).toEqual({
      ok: true,
      value: [18, 21, 30],
    });
  });

  it('keeps spaces inside text list values', () => {
    expect(parseConditionValue('text', 'not_in', 'New York\nLos Angeles')).toEqual({
      ok: true,
      value: ['New York', 'Los Angeles'],
    });
  });

  it('names the line of a bad list value', () => {
    expect(parseConditionValue('date', 'in', '2026-01-01\n2026-13-01')).toEqual({
      ok: false,
      problem: 'Line 2: "2026-13-01" is not a date written YYYY-MM-DD.',
    });
  });

  it('rejects an empty list', () => {
    expect(parseConditionValue('text', 'in', '\n  \n').ok).toBe(false);
  });

  it('gives no value for null checks, whatever the input holds', () => {
    expect(parseConditionValue('integer', 'is_null', 'leftover')).toEqual({
      ok: true,
      value: undefined,
    });
  });
});

describe('buildConditionsPayload', () => {
  it('builds typed conditions and leaves out value for null checks', () => {
    const result = buildConditionsPayload(
      [
        draft(),
        draft({ field: 'age', operator: '>=', valueText: '18' }),
        draft({ field: 'vip', operator: '=', valueText: 'true' }),
        draft({ field: 'balance', operator: 'in', valueText: '10\n20.5' }),
        draft({ field: 'joined_on', operator: 'is_not_null', valueText: '' }),
      ],
      FIELDS,
    );

    expect(result).toEqual({
      ok: true,
      conditions: [
        { field: 'country', operator: '=', value: 'DE' },
        { field: 'age', operator: '>=', value: 18 },
        { field: 'vip', operator: '=', value: true },
        { field: 'balance', operator: 'in', value: [10, 20.5] },
        { field: 'joined_on', operator: 'is_not_null' },
      ],
    });
    const nullCheck = result.ok ? result.conditions[4] : undefined;
    expect(nullCheck).toBeDefined();
    expect(Object.keys(nullCheck ?? {})).not.toContain('value');
  });

  it('reports each bad condition by its index', () => {
    const result = buildConditionsPayload(
      [
        draft(),
        draft({ field: '', operator: '', valueText: '' }),
        draft({ field: 'age', operator: 'contains', valueText: '1' }),
        draft({ field: 'age', operator: '=', valueText: 'old' }),
      ],
      FIELDS,
    );

    expect(result.ok).toBe(false);
    const problems = result.ok ? new Map() : result.problems;
    expect(problems.has(0)).toBe(false);
    expect(problems.get(1)).toBe('Choose a field.');
    expect(problems.get(2)).toBe('Choose an operator allowed for the integer field age.');
    expect(problems.get(3)).toBe('"old" is not a whole number.');
  });

  it('accepts no conditions (every customer of the schema)', () => {
    expect(buildConditionsPayload([], FIELDS)).toEqual({ ok: true, conditions: [] });
  });
});

describe('draft editing', () => {
  it('keeps an operator the new field allows and clears the value', () => {
    const next = changeDraftField(draft({ operator: '>=', valueText: 'M' }), 'age', FIELDS);

    expect(next).toEqual({ field: 'age', operator: '>=', valueText: '' });
  });

  it('picks the first allowed operator when the old one does not fit', () => {
    const next = changeDraftField(draft({ operator: '>=' }), 'attributes', FIELDS);

    expect(next.operator).toBe('contains');
  });

  it('keeps the first list value when switching to a single-value operator', () => {
    const next = changeDraftOperator(draft({ operator: 'in', valueText: '\nDE\nFR' }), '=');

    expect(next).toEqual({ field: 'country', operator: '=', valueText: 'DE' });
  });

  it('clears the value for a null check', () => {
    expect(changeDraftOperator(draft(), 'is_null').valueText).toBe('');
  });

  it('round-trips stored conditions through the form', () => {
    const stored = [
      { field: 'age', operator: 'in' as const, value: [18, 21] },
      { field: 'last_seen_at', operator: '<' as const, value: '2026-12-01T09:30:00.000Z' },
      { field: 'attributes', operator: 'contains' as const, value: { tier: 'gold' } },
      { field: 'vip', operator: 'is_null' as const },
    ];

    const drafts = stored.map((condition) => conditionToDraft(condition, FIELDS));

    expect(drafts.map((item) => item.valueText)).toEqual([
      '18\n21',
      '2026-12-01T09:30',
      '{"tier":"gold"}',
      '',
    ]);
    expect(buildConditionsPayload(drafts, FIELDS)).toEqual({
      ok: true,
      conditions: [
        { field: 'age', operator: 'in', value: [18, 21] },
        { field: 'last_seen_at', operator: '<', value: '2026-12-01T09:30:00Z' },
        { field: 'attributes', operator: 'contains', value: { tier: 'gold' } },
        { field: 'vip', operator: 'is_null' },
      ],
    });
  });
});

describe('sortServerProblems', () => {
  it('puts condition problems next to their condition and the rest by field', () => {
    const problems = sortServerProblems([
      {
        field: 'conditions[1].value',
        value: 'x',
        reason: 'must be an integer for integer field age',
      },
      { field: 'conditions[1].operator', value: 'contains', reason: 'must be one of =, !=' },
      { field: 'conditions[3]', value: 7, reason: 'must be an object {field, operator, value}' },
      { field: 'key', value: 'Bad Key', reason: 'must match ^[a-z0-9]' },
    ]);

    expect(problems.byCondition.get(1)).toEqual([
      'value must be an integer for integer field age',
      'operator must be one of =, !=',
    ]);
    expect(problems.byCondition.get(3)).toEqual(['must be an object {field, operator, value}']);
    expect(problems.byCondition.has(0)).toBe(false);
    expect(problems.byField.get('key')).toEqual(['must match ^[a-z0-9]']);
  });
});
