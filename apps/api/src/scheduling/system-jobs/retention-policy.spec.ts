import { firstRetainedDay, retentionCutoff } from './retention-policy.js';

describe('firstRetainedDay', () => {
  it('keeps today and the days before it, N in all', () => {
    expect(firstRetainedDay(new Date('2026-12-04T12:00:00Z'), 7)).toBe('2026-11-28');
    expect(firstRetainedDay(new Date('2026-12-04T00:00:00Z'), 1)).toBe('2026-12-04');
    expect(firstRetainedDay(new Date('2026-03-01T23:59:59Z'), 400)).toBe('2025-01-26');
  });

  it('uses UTC days', () => {
    // 00:30 in Berlin on 2026-12-05 is still 2026-12-04 in UTC.
    expect(firstRetainedDay(new Date('2026-12-05T00:30:00+01:00'), 2)).toBe('2026-12-03');
  });

  it('rejects a retention below one day', () => {
    expect(() => firstRetainedDay(new Date(), 0)).toThrow(RangeError);
  });
});

describe('retentionCutoff', () => {
  it('is midnight UTC of the first retained day', () => {
    expect(retentionCutoff(new Date('2026-12-04T12:00:00Z'), 7).toISOString()).toBe(
      '2026-11-28T00:00:00.000Z',
    );
  });
});
