import { splitByIdempotency } from './idempotency-split.js';

describe('splitByIdempotency', () => {
  const item = (name: string, idempotencyKey: string | null) => ({ name, idempotencyKey });

  it('keeps unkeyed items and the first item of each new key', () => {
    const items = [
      item('a', 'k1'),
      item('b', null),
      item('c', 'k1'),
      item('d', 'k2'),
      item('e', null),
    ];
    const result = splitByIdempotency(items, new Set(['k1']));

    expect(result.fresh.map((entry) => entry.name)).toEqual(['a', 'b', 'e']);
    expect([...result.duplicatePositions].sort()).toEqual([2, 3]);
  });

  it('treats every item as fresh when none has a key', () => {
    const result = splitByIdempotency([item('a', null), item('b', null)], new Set());
    expect(result.fresh).toHaveLength(2);
    expect(result.duplicatePositions.size).toBe(0);
  });
});
