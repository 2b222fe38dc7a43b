import { ratio, resultRows, toIsoDay, toIsoInstant, toNumber, toNumberOrNull } from './mapper.js';

describe('aggregate mapper', () => {
  it('reads int8 and numeric strings as numbers', () => {
    expect(toNumber('12345678901')).toBe(12345678901);
    expect(toNumber('12.50')).toBe(12.5);
    expect(toNumber(7n)).toBe(7);
  });

  it('reads a missing count as 0 and a missing average as null', () => {
    expect(toNumber(null)).toBe(0);
    expect(toNumberOrNull(null)).toBeNull();
    expect(toNumberOrNull(undefined)).toBeNull();
  });

  it('rejects values that are not numeric', () => {
    expect(() => toNumber({})).toThrow(TypeError);
    expect(toNumberOrNull('abc')).toBeNull();
  });

  it('reads dates from both drivers as the same UTC day', () => {
    expect(toIsoDay('2026-12-04')).toBe('2026-12-04');
    expect(toIsoDay(new Date('2026-12-04T00:00:00Z'))).toBe('2026-12-04');
    expect(toIsoInstant('2026-12-04 10:00:00+00')).toBe('2026-12-04T10:00:00.000Z');
    expect(toIsoInstant(null)).toBeNull();
  });

  it('gives null for a rate over zero', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 12)).toBe(0.25);
  });

  it('reads rows from either result shape', () => {
    expect(resultRows([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(resultRows({ rows: [{ a: 2 }] })).toEqual([{ a: 2 }]);
  });
});
