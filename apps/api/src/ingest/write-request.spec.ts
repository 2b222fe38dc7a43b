import { InvalidParameterError } from '../common/errors/domain-errors.js';
import { applyIdempotencyHeader, rejectedItemCount, toLineRejections } from './write-request.js';

describe('applyIdempotencyHeader', () => {
  it('leaves the body alone without the header', () => {
    const body = { a: 1 };
    expect(applyIdempotencyHeader(body, undefined)).toBe(body);
  });

  it('adds the header key to a single object', () => {
    expect(applyIdempotencyHeader({ a: 1 }, 'k-1')).toEqual({ a: 1, idempotencyKey: 'k-1' });
  });

  it('accepts a header equal to the body key', () => {
    expect(applyIdempotencyHeader({ idempotencyKey: 'k-1' }, 'k-1')).toEqual({
      idempotencyKey: 'k-1',
    });
  });

  it.each([
    ['a batch', [{ a: 1 }], 'k-1'],
    ['a different body key', { idempotencyKey: 'k-2' }, 'k-1'],
    ['an empty header', { a: 1 }, ''],
  ])('rejects the header on %s', (_case, body, header) => {
    expect(() => applyIdempotencyHeader(body, header)).toThrow(InvalidParameterError);
  });
});

describe('line rejections', () => {
  const rejections = [
    { index: 4, field: 'outcome', value: 'x', reason: 'unknown outcome type' },
    { index: 4, field: 'score', value: 2, reason: 'must be a number from 0 to 1' },
    { index: 9, field: 'item', value: 'x', reason: 'must be a JSON object' },
  ];

  it('names fields under data', () => {
    expect(
      toLineRejections(rejections).map((rejection) => [rejection.line, rejection.field]),
    ).toEqual([
      [4, 'data.outcome'],
      [4, 'data.score'],
      [9, 'data'],
    ]);
  });

  it('counts an item with several failed fields once', () => {
    expect(rejectedItemCount(rejections)).toBe(2);
  });
});
