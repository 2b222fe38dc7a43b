import type { IANAZone } from 'luxon';

import { parseCronExpression } from './cron-expression.js';
import { occurrencesAfter, occurrencesBefore } from './occurrence-iterator.js';
import { ZoneCalendar } from './zone-calendar.js';

// These cases need offset changes that cross local midnight by part of an hour, which real
// zones rarely do, so they use a made-up zone with a single change at `changeAt`.
function syntheticCalendar(changeAt: string, offsetBefore: number, offsetAfter: number) {
  const changeMs = Date.parse(changeAt);
  const zone = {
    offset: (epochMs: number) => (epochMs < changeMs ? offsetBefore : offsetAfter),
  } as unknown as IANAZone;

  return new ZoneCalendar(zone);
}

function collect(instants: Iterable<number>): string[] {
  return [...instants].map((epochMs) => new Date(epochMs).toISOString());
}

describe('occurrence iteration with a gap across midnight', () => {
  // From 2026-01-01T23:00Z the offset goes from +00:00 to +01:30: local 2026-01-01 23:00 jumps
  // to 2026-01-02 00:30, so 23:00-00:29 are skipped and shifted 90 minutes later.
  const calendar = syntheticCalendar('2026-01-01T23:00:00Z', 0, 90);
  const cron = parseCronExpression('0,45 0,23 * * *');
  const expected = [
    '2026-01-01T23:00:00.000Z', // local 01-01 23:00, skipped, runs at 00:30 +01:30
    '2026-01-01T23:15:00.000Z', // local 01-02 00:45 +01:30
    '2026-01-01T23:45:00.000Z', // local 01-01 23:45, skipped, runs at 01:15 +01:30
    '2026-01-02T00:00:00.000Z', // local 01-02 00:00, skipped, runs at 01:30 +01:30
    '2026-01-02T21:30:00.000Z', // local 01-02 23:00 +01:30
    '2026-01-02T22:15:00.000Z', // local 01-02 23:45 +01:30
    '2026-01-02T22:30:00.000Z', // local 01-03 00:00 +01:30
  ];

  it('yields instants ascending across the two days', () => {
    const after = Date.parse('2026-01-01T12:00:00Z');
    const until = Date.parse('2026-01-02T23:00:00Z');

    expect(collect(occurrencesAfter(cron, calendar, after, until))).toEqual(expected);
  });

  it('includes shifted times of the previous local day', () => {
    // 23:20Z is already local 2026-01-02 00:50, but local 01-01 23:45 runs after it.
    const after = Date.parse('2026-01-01T23:20:00Z');
    const until = Date.parse('2026-01-02T12:00:00Z');

    expect(collect(occurrencesAfter(cron, calendar, after, until))).toEqual(expected.slice(2, 4));
  });

  it('yields the same instants descending', () => {
    const atOrBefore = Date.parse('2026-01-02T23:00:00Z');
    const after = Date.parse('2026-01-01T12:00:00Z');

    expect(collect(occurrencesBefore(cron, calendar, atOrBefore, after))).toEqual(
      [...expected].reverse(),
    );
  });
});

describe('occurrence iteration with a fold across midnight', () => {
  // At 2026-01-01T23:30Z the offset goes from +01:00 to +00:00: local 2026-01-02 00:30 goes
  // back to 2026-01-01 23:30, so local 23:30-00:29 occur twice and run at their first
  // occurrence. Local 01-02 00:10 therefore runs before local 01-01 23:45 (second pass).
  const calendar = syntheticCalendar('2026-01-01T23:30:00Z', 60, 0);
  const cron = parseCronExpression('10 0 * * *');

  it('finds a next-day time that precedes the bound', () => {
    const atOrBefore = Date.parse('2026-01-01T23:45:00Z');
    const after = Date.parse('2026-01-01T12:00:00Z');

    expect(collect(occurrencesBefore(cron, calendar, atOrBefore, after))).toEqual([
      '2026-01-01T23:10:00.000Z',
    ]);
  });

  it('yields the first occurrence only going forward', () => {
    const after = Date.parse('2026-01-01T12:00:00Z');
    const until = Date.parse('2026-01-03T01:00:00Z');

    expect(collect(occurrencesAfter(cron, calendar, after, until))).toEqual([
      '2026-01-01T23:10:00.000Z',
      '2026-01-03T00:10:00.000Z',
    ]);
  });
});
