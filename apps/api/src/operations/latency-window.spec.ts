import { hoursOf, latencySource, latencyTrendRange } from './latency-window.js';

describe('latencySource', () => {
  const rawFrom = new Date('2026-11-28T00:00:00Z');

  it('uses raw runs from the retention start on', () => {
    expect(latencySource(new Date('2026-11-28T00:00:00Z'), rawFrom)).toBe('raw');
    expect(latencySource(new Date('2026-12-01T00:00:00Z'), rawFrom)).toBe('raw');
  });

  it('uses rollups for a start before the retention', () => {
    expect(latencySource(new Date('2026-11-27T23:00:00Z'), rawFrom)).toBe('rollups');
  });
});

describe('latencyTrendRange', () => {
  it('covers the 7 days ending with the window, up to the current hour', () => {
    const range = latencyTrendRange({ to: '2026-12-05' }, new Date('2026-12-04T15:30:00Z'));
    expect(range.from.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(range.to.toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('covers whole days for a past window', () => {
    const range = latencyTrendRange({ to: '2026-11-01' }, new Date('2026-12-04T15:30:00Z'));
    expect(range.from.toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(range.to.toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('is empty for a window entirely in the future', () => {
    const range = latencyTrendRange({ to: '2027-02-01' }, new Date('2026-12-04T15:30:00Z'));
    expect(range.to.getTime()).toBe(range.from.getTime());
    expect(hoursOf(range)).toEqual([]);
  });
});

describe('hoursOf', () => {
  it('lists each hour start of the range', () => {
    const hours = hoursOf({
      from: new Date('2026-12-04T22:00:00Z'),
      to: new Date('2026-12-05T01:00:00Z'),
    });
    expect(hours).toEqual([
      '2026-12-04T22:00:00.000Z',
      '2026-12-04T23:00:00.000Z',
      '2026-12-05T00:00:00.000Z',
    ]);
  });
});
