import { InvalidParameterError } from '../../common/errors/domain-errors.js';
import type { SchemaField } from './schema-fields.js';
import { chunk, lastRowPerKey, parseRows, toRowResponse } from './schema-rows.js';

const fields: SchemaField[] = [
  { name: 'id', type: 'text', nullable: false },
  { name: 'seen', type: 'timestamp', nullable: true },
];

describe('parseRows', () => {
  it('treats an object as a single row', () => {
    expect(parseRows(fields, { id: 'a' })).toEqual({
      mode: 'single',
      rows: [{ id: 'a', seen: null }],
      rejected: [],
    });
  });

  it('keeps valid rows of a batch and lists the others', () => {
    const parsed = parseRows(fields, [{ id: 'a' }, { id: 1 }, { id: 'b', seen: 'soon' }]);
    expect(parsed.mode).toBe('batch');
    expect(parsed.rows).toEqual([{ id: 'a', seen: null }]);
    expect(parsed.rejected.map((rejection) => [rejection.index, rejection.field])).toEqual([
      [1, 'id'],
      [2, 'seen'],
    ]);
  });

  it('rejects an empty or oversized batch and a scalar body', () => {
    expect(() => parseRows(fields, [])).toThrow(InvalidParameterError);
    expect(() => parseRows(fields, new Array(10_001).fill({ id: 'a' }))).toThrow(/1 to 10000 rows/);
    expect(() => parseRows(fields, 'row')).toThrow(InvalidParameterError);
  });
});

describe('lastRowPerKey', () => {
  it('keeps the last row of each key in first-seen order', () => {
    const rows = [
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
      { id: 'a', v: 3 },
    ];
    expect(lastRowPerKey(rows, 'id')).toEqual([
      { id: 'a', v: 3 },
      { id: 'b', v: 2 },
    ]);
  });
});

describe('chunk', () => {
  it('splits into parts of at most the given size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
  });
});

describe('toRowResponse', () => {
  it('normalises timestamps to UTC ISO and fills missing fields with null', () => {
    expect(toRowResponse(fields, { seen: '2026-12-04T10:00:00+00:00' })).toEqual({
      id: null,
      seen: '2026-12-04T10:00:00.000Z',
    });
  });
});
