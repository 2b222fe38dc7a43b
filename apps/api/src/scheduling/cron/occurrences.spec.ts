import { CronExpressionError, parseCronExpression } from './cron-expression.js';
import {
  MAX_MISSED_OCCURRENCES,
  nextOccurrences,
  occurrencesBetween,
  planDue,
} from './occurrences.js';
import { InvalidTimeZoneError } from './time-zone.js';

// Expected instants below are worked out by hand from each zone's rules, noted beside them.
// Jest cannot change the process time zone from inside a test, so check independence from the
// server zone by running this file with another TZ, for example TZ=Asia/Tokyo.

function iso(dates: Date[]): string[] {
  return dates.map((date) => date.toISOString());
}

function next(expression: string, timeZone: string, after: string, count: number): string[] {
  return iso(nextOccurrences({ expression, timeZone, after: new Date(after), count }));
}

function between(expression: string, timeZone: string, from: string, to: string): string[] {
  return iso(
    occurrencesBetween({
      expression,
      timeZone,
      from: new Date(from),
      to: new Date(to),
      max: 10_000,
    }),
  );
}

function plan(expression: string, timeZone: string, lastScheduledFor: string, now: string) {
  const result = planDue({
    expression,
    timeZone,
    lastScheduledFor: new Date(lastScheduledFor),
    now: new Date(now),
    createdAt: new Date('2020-01-01T00:00:00Z'),
  });

  return { ...result, due: result.due?.toISOString() ?? null, missed: iso(result.missed) };
}

function isStrictlyAscending(values: string[]): boolean {
  return values.every((value, index) => index === 0 || values[index - 1] < value);
}

describe('nextOccurrences in Europe/Berlin', () => {
  // CET is +01, CEST +02. 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00Z).
  // 2026-10-25: 03:00 CEST goes back to 02:00 CET (01:00Z), so 02:00-02:59 occurs twice.
  it('runs daily 02:30 across the spring change', () => {
    expect(next('30 2 * * *', 'Europe/Berlin', '2026-03-26T12:00:00Z', 5)).toEqual([
      '2026-03-27T01:30:00.000Z',
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z', // 02:30 does not exist; runs at 03:30 CEST
      '2026-03-30T00:30:00.000Z',
      '2026-03-31T00:30:00.000Z',
    ]);
  });

  it('runs daily 02:30 across the autumn change', () => {
    expect(
      between('30 2 * * *', 'Europe/Berlin', '2026-10-22T12:00:00Z', '2026-10-27T12:00:00Z'),
    ).toEqual([
      '2026-10-23T00:30:00.000Z',
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z', // first 02:30 (CEST) only, not 01:30Z
      '2026-10-26T01:30:00.000Z',
      '2026-10-27T01:30:00.000Z',
    ]);
  });

  it('keeps every 15 minutes unique across the gap', () => {
    // 02:00-02:45 CET do not exist and shift onto 03:00-03:45 CEST, which run anyway.
    expect(next('*/15 * * * *', 'Europe/Berlin', '2026-03-29T00:40:00Z', 7)).toEqual([
      '2026-03-29T00:45:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:15:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-29T01:45:00.000Z',
      '2026-03-29T02:00:00.000Z',
      '2026-03-29T02:15:00.000Z',
    ]);
  });

  it('counts 92 quarter hours on the spring day', () => {
    // Local day 2026-03-29 runs from 23:00Z to 22:00Z: 23 hours, the four 02:xx slots merged.
    const instants = between(
      '*/15 * * * *',
      'Europe/Berlin',
      '2026-03-28T22:59:00Z',
      '2026-03-29T21:59:00Z',
    );

    expect(instants).toHaveLength(92);
    expect(new Set(instants).size).toBe(92);
    expect(isStrictlyAscending(instants)).toBe(true);
    expect(instants[0]).toBe('2026-03-28T23:00:00.000Z');
    expect(instants[91]).toBe('2026-03-29T21:45:00.000Z');
  });

  it('runs each repeated quarter hour once in autumn', () => {
    const instants = between(
      '*/15 * * * *',
      'Europe/Berlin',
      '2026-10-24T21:59:00Z',
      '2026-10-25T22:59:00Z',
    );

    expect(instants).toHaveLength(96);
    expect(isStrictlyAscending(instants)).toBe(true);
    expect(instants.filter((instant) => instant.startsWith('2026-10-25T01:'))).toEqual([]);
    const afterFirstPass = instants.indexOf('2026-10-25T00:45:00.000Z');
    expect(instants[afterFirstPass + 1]).toBe('2026-10-25T02:00:00.000Z');
  });

  it('runs hourly once per local hour in autumn', () => {
    expect(next('0 * * * *', 'Europe/Berlin', '2026-10-24T22:30:00Z', 4)).toEqual([
      '2026-10-24T23:00:00.000Z', // 01:00 CEST
      '2026-10-25T00:00:00.000Z', // first 02:00 (CEST)
      '2026-10-25T02:00:00.000Z', // 03:00 CET
      '2026-10-25T03:00:00.000Z',
    ]);
  });

  it('returns only instants strictly after `after`', () => {
    expect(next('30 2 * * *', 'Europe/Berlin', '2026-03-27T01:30:00Z', 1)).toEqual([
      '2026-03-28T01:30:00.000Z',
    ]);
    expect(next('30 2 * * *', 'Europe/Berlin', '2026-03-27T01:29:59.999Z', 1)).toEqual([
      '2026-03-27T01:30:00.000Z',
    ]);
  });
});

describe('nextOccurrences in other zones', () => {
  it('applies half-hour and 45-minute offsets', () => {
    // Asia/Kolkata is +05:30 and Asia/Kathmandu +05:45, neither with daylight saving.
    expect(next('0 9 * * *', 'Asia/Kolkata', '2026-06-01T00:00:00Z', 2)).toEqual([
      '2026-06-01T03:30:00.000Z',
      '2026-06-02T03:30:00.000Z',
    ]);
    expect(next('0 9 * * *', 'Asia/Kathmandu', '2026-06-01T00:00:00Z', 2)).toEqual([
      '2026-06-01T03:15:00.000Z',
      '2026-06-02T03:15:00.000Z',
    ]);
  });

  it('shifts by a 30-minute gap on Lord Howe Island', () => {
    // 2026-10-04 02:00 +10:30 jumps to 02:30 +11, so 02:15 runs at 02:45 +11.
    expect(next('15 2 * * *', 'Australia/Lord_Howe', '2026-10-01T12:00:00Z', 4)).toEqual([
      '2026-10-01T15:45:00.000Z',
      '2026-10-02T15:45:00.000Z',
      '2026-10-03T15:45:00.000Z',
      '2026-10-04T15:15:00.000Z',
    ]);
  });

  it('runs weekdays in America/New_York across both changes', () => {
    // EST is -05, EDT -04; 2026-03-06 is a Friday, the change is Sunday 2026-03-08.
    expect(next('30 8 * * MON-FRI', 'America/New_York', '2026-03-05T14:00:00Z', 4)).toEqual([
      '2026-03-06T13:30:00.000Z',
      '2026-03-09T12:30:00.000Z',
      '2026-03-10T12:30:00.000Z',
      '2026-03-11T12:30:00.000Z',
    ]);
    // 2026-10-30 is a Friday; clocks go back on Sunday 2026-11-01.
    expect(next('30 8 * * 1-5', 'America/New_York', '2026-10-30T00:00:00Z', 3)).toEqual([
      '2026-10-30T12:30:00.000Z',
      '2026-11-02T13:30:00.000Z',
      '2026-11-03T13:30:00.000Z',
    ]);
  });

  it('merges the day Samoa skipped into the next', () => {
    // Pacific/Apia went from -10 to +14 after 2011-12-29, so 2011-12-30 never happened.
    expect(next('0 12 * * *', 'Pacific/Apia', '2011-12-29T00:00:00Z', 3)).toEqual([
      '2011-12-29T22:00:00.000Z',
      '2011-12-30T22:00:00.000Z',
      '2011-12-31T22:00:00.000Z',
    ]);
  });

  it('ignores daylight saving in UTC', () => {
    expect(next('0 12 * * *', 'UTC', '2026-03-28T13:00:00Z', 2)).toEqual([
      '2026-03-29T12:00:00.000Z',
      '2026-03-30T12:00:00.000Z',
    ]);
    expect(
      between('*/15 * * * *', 'UTC', '2026-03-28T23:59:00Z', '2026-03-29T23:59:00Z'),
    ).toHaveLength(96);
  });
});

describe('nextOccurrences day and field rules', () => {
  it('matches day-of-month or day-of-week when both are set', () => {
    // 2026-01-01 is a Thursday; Friday 2026-02-13 matches both fields and runs once.
    expect(next('0 0 13 * 5', 'UTC', '2026-01-01T00:00:00Z', 5)).toEqual([
      '2026-01-02T00:00:00.000Z',
      '2026-01-09T00:00:00.000Z',
      '2026-01-13T00:00:00.000Z',
      '2026-01-16T00:00:00.000Z',
      '2026-01-23T00:00:00.000Z',
    ]);
    expect(next('0 0 13 * FRI', 'UTC', '2026-02-01T00:00:00Z', 5)).toEqual([
      '2026-02-06T00:00:00.000Z',
      '2026-02-13T00:00:00.000Z',
      '2026-02-20T00:00:00.000Z',
      '2026-02-27T00:00:00.000Z',
      '2026-03-06T00:00:00.000Z',
    ]);
  });

  it('needs both day fields when one starts with a star', () => {
    // Odd days of the month that are Mondays.
    expect(next('0 0 */2 * 1', 'UTC', '2026-01-01T00:00:00Z', 4)).toEqual([
      '2026-01-05T00:00:00.000Z',
      '2026-01-19T00:00:00.000Z',
      '2026-02-09T00:00:00.000Z',
      '2026-02-23T00:00:00.000Z',
    ]);
  });

  it('combines steps, ranges and lists', () => {
    // 2026-01-02 is a Friday.
    expect(next('0 9-17/4 * * MON-FRI', 'UTC', '2026-01-02T10:00:00Z', 5)).toEqual([
      '2026-01-02T13:00:00.000Z',
      '2026-01-02T17:00:00.000Z',
      '2026-01-05T09:00:00.000Z',
      '2026-01-05T13:00:00.000Z',
      '2026-01-05T17:00:00.000Z',
    ]);
    expect(next('0 0 1 JAN,JUL *', 'UTC', '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-07-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
      '2027-07-01T00:00:00.000Z',
    ]);
  });

  it('finds leap days years apart', () => {
    expect(next('0 0 29 2 *', 'UTC', '2026-03-01T00:00:00Z', 3)).toEqual([
      '2028-02-29T00:00:00.000Z',
      '2032-02-29T00:00:00.000Z',
      '2036-02-29T00:00:00.000Z',
    ]);
    // 2100 is not a leap year.
    expect(next('0 0 29 2 *', 'UTC', '2096-03-01T00:00:00Z', 1)).toEqual([
      '2104-02-29T00:00:00.000Z',
    ]);
  });

  it('stops at the end of year 9999', () => {
    expect(next('@yearly', 'UTC', '9998-06-01T00:00:00Z', 5)).toEqual(['9999-01-01T00:00:00.000Z']);
  });

  it('accepts a parsed expression', () => {
    const expression = parseCronExpression('30 2 * * *');

    expect(
      iso(
        nextOccurrences({
          expression,
          timeZone: 'UTC',
          after: new Date('2026-01-01T00:00:00Z'),
          count: 1,
        }),
      ),
    ).toEqual(['2026-01-01T02:30:00.000Z']);
  });
});

describe('occurrence limits and errors', () => {
  it('returns 10,000 runs through the gap', () => {
    const instants = next('* * * * *', 'Europe/Berlin', '2026-03-28T00:00:00Z', 10_000);

    expect(instants).toHaveLength(10_000);
    expect(isStrictlyAscending(instants)).toBe(true);
    // The local 02:xx minutes coincide with 03:xx, so real time advances one minute per run.
    expect(instants[0]).toBe('2026-03-28T00:01:00.000Z');
    expect(instants[9_999]).toBe('2026-04-03T22:40:00.000Z');
  });

  it('caps occurrencesBetween at max, earliest first', () => {
    const instants = occurrencesBetween({
      expression: '0 * * * *',
      timeZone: 'UTC',
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
      max: 3,
    });

    expect(iso(instants)).toEqual([
      '2026-01-01T01:00:00.000Z',
      '2026-01-01T02:00:00.000Z',
      '2026-01-01T03:00:00.000Z',
    ]);
  });

  it('treats from as exclusive and to as inclusive', () => {
    expect(
      between('30 2 * * *', 'Europe/Berlin', '2026-10-23T00:30:00Z', '2026-10-26T01:30:00Z'),
    ).toEqual(['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    expect(between('30 2 * * *', 'UTC', '2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z')).toEqual(
      [],
    );
  });

  it.each([0, -1, 1.5, 10_001, Number.NaN])('rejects count %s', (count) => {
    const call = () =>
      nextOccurrences({ expression: '@daily', timeZone: 'UTC', after: new Date(0), count });

    expect(call).toThrow(RangeError);
    expect(call).toThrow(`count ${count} is out of range 1-10000`);
  });

  it('rejects max above 10,000', () => {
    const call = () =>
      occurrencesBetween({
        expression: '@daily',
        timeZone: 'UTC',
        from: new Date(0),
        to: new Date(1e12),
        max: 10_001,
      });

    expect(call).toThrow('max 10001 is out of range 1-10000');
  });

  it('rejects an invalid date', () => {
    const call = () =>
      nextOccurrences({ expression: '@daily', timeZone: 'UTC', after: new Date('soon'), count: 1 });

    expect(call).toThrow('after must be a valid Date, got Invalid Date');
  });

  it('rejects an invalid expression with its field', () => {
    const call = () =>
      nextOccurrences({ expression: '0 25 * * *', timeZone: 'UTC', after: new Date(0), count: 1 });

    expect(call).toThrow(CronExpressionError);
    expect(call).toThrow('hour "25" is out of range 0-23');
  });

  it('rejects an invalid time zone', () => {
    const call = () =>
      planDue({
        expression: '@daily',
        timeZone: '+02:00',
        lastScheduledFor: null,
        now: new Date(),
        createdAt: new Date(0),
      });

    expect(call).toThrow(InvalidTimeZoneError);
    expect(call).toThrow('time zone "+02:00" is not a valid IANA time zone');
  });
});

describe('planDue', () => {
  it('runs the most recent of five missed daily runs', () => {
    // Daily 09:00 CEST is 07:00Z; the last run was on 2026-06-01.
    expect(
      plan('0 9 * * *', 'Europe/Berlin', '2026-06-01T07:00:00Z', '2026-06-06T07:30:00Z'),
    ).toEqual({
      due: '2026-06-06T07:00:00.000Z',
      missed: [
        '2026-06-02T07:00:00.000Z',
        '2026-06-03T07:00:00.000Z',
        '2026-06-04T07:00:00.000Z',
        '2026-06-05T07:00:00.000Z',
      ],
      missedTruncated: false,
    });
  });

  it('runs an occurrence at exactly now', () => {
    expect(plan('0 9 * * *', 'UTC', '2026-06-01T09:00:00Z', '2026-06-02T09:00:00Z')).toEqual({
      due: '2026-06-02T09:00:00.000Z',
      missed: [],
      missedTruncated: false,
    });
  });

  it('returns nothing before the next occurrence', () => {
    expect(plan('0 9 * * *', 'UTC', '2026-06-01T09:00:00Z', '2026-06-02T08:59:59Z')).toEqual({
      due: null,
      missed: [],
      missedTruncated: false,
    });
  });

  it('does not rerun a repeated wall time', () => {
    // The first 02:30 ran at 00:30Z; the second 02:30 CET (01:30Z) passes without a run.
    expect(
      plan('30 2 * * *', 'Europe/Berlin', '2026-10-25T00:30:00Z', '2026-10-25T01:45:00Z').due,
    ).toBeNull();
  });

  it('walks back through the spring gap', () => {
    expect(
      plan('*/15 * * * *', 'Europe/Berlin', '2026-03-29T00:40:00Z', '2026-03-29T02:00:00Z'),
    ).toEqual({
      due: '2026-03-29T02:00:00.000Z',
      missed: [
        '2026-03-29T00:45:00.000Z',
        '2026-03-29T01:00:00.000Z',
        '2026-03-29T01:15:00.000Z',
        '2026-03-29T01:30:00.000Z',
        '2026-03-29T01:45:00.000Z',
      ],
      missedTruncated: false,
    });
  });

  it('walks back through the autumn change', () => {
    expect(
      plan('*/15 * * * *', 'Europe/Berlin', '2026-10-25T00:10:00Z', '2026-10-25T02:20:00Z'),
    ).toEqual({
      due: '2026-10-25T02:15:00.000Z',
      missed: [
        '2026-10-25T00:15:00.000Z',
        '2026-10-25T00:30:00.000Z',
        '2026-10-25T00:45:00.000Z',
        '2026-10-25T02:00:00.000Z',
      ],
      missedTruncated: false,
    });
  });

  it('walks back over the day Samoa skipped', () => {
    expect(
      plan('0 12 * * *', 'Pacific/Apia', '2011-12-28T22:00:00Z', '2011-12-31T23:00:00Z'),
    ).toEqual({
      due: '2011-12-31T22:00:00.000Z',
      missed: ['2011-12-29T22:00:00.000Z', '2011-12-30T22:00:00.000Z'],
      missedTruncated: false,
    });
  });

  it('keeps the most recent missed runs after a long outage', () => {
    // 300 minutes of an every-minute schedule: 1 due, 299 missed, 100 returned.
    const result = plan('* * * * *', 'UTC', '2026-06-01T00:00:00Z', '2026-06-01T05:00:00Z');

    expect(result.due).toBe('2026-06-01T05:00:00.000Z');
    expect(result.missed).toHaveLength(MAX_MISSED_OCCURRENCES);
    expect(result.missed[0]).toBe('2026-06-01T03:20:00.000Z');
    expect(result.missed[99]).toBe('2026-06-01T04:59:00.000Z');
    expect(result.missedTruncated).toBe(true);
  });

  it('does not truncate exactly 100 missed runs', () => {
    const result = plan('* * * * *', 'UTC', '2026-06-01T00:00:00Z', '2026-06-01T01:41:00Z');

    expect(result.missed).toHaveLength(100);
    expect(result.missed[0]).toBe('2026-06-01T00:01:00.000Z');
    expect(result.missedTruncated).toBe(false);
  });

  it('counts from createdAt, exclusive, when never run', () => {
    const base = { expression: '0 9 * * *', timeZone: 'UTC', lastScheduledFor: null };
    const createdAt = new Date('2026-06-01T09:00:00Z');

    const sameDay = planDue({ ...base, createdAt, now: new Date('2026-06-01T10:00:00Z') });
    const nextDay = planDue({ ...base, createdAt, now: new Date('2026-06-02T10:00:00Z') });

    expect(sameDay.due).toBeNull();
    expect(nextDay.due?.toISOString()).toBe('2026-06-02T09:00:00.000Z');
    expect(nextDay.missed).toEqual([]);
  });

  it('skips unselected months going back', () => {
    expect(plan('0 0 1 JAN,JUL *', 'UTC', '2025-01-01T00:00:00Z', '2026-03-01T00:00:00Z')).toEqual({
      due: '2026-01-01T00:00:00.000Z',
      missed: ['2025-07-01T00:00:00.000Z'],
      missedTruncated: false,
    });
    expect(plan('0 0 15 DEC *', 'UTC', '2023-12-15T00:00:00Z', '2026-12-01T00:00:00Z')).toEqual({
      due: '2025-12-15T00:00:00.000Z',
      missed: ['2024-12-15T00:00:00.000Z'],
      missedTruncated: false,
    });
  });

  it('returns nothing when the window is empty', () => {
    expect(plan('* * * * *', 'UTC', '2026-06-01T05:00:00Z', '2026-06-01T04:00:00Z').due).toBeNull();
  });

  it.each([
    ['*/30 * * * *', 'Europe/Berlin', '2026-03-28T12:00:00Z', '2026-03-30T00:00:00Z'],
    ['0,45 2,3 * * *', 'Europe/Berlin', '2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z'],
    ['*/30 * * * *', 'Europe/Berlin', '2026-10-24T12:00:00Z', '2026-10-26T00:00:00Z'],
    ['10,40 0,23 * * *', 'America/Santiago', '2026-04-02T00:00:00Z', '2026-04-07T00:00:00Z'],
    ['10,40 0,23 * * *', 'America/Santiago', '2026-09-04T00:00:00Z', '2026-09-09T00:00:00Z'],
    ['0 6 1-3 JAN,DEC *', 'America/New_York', '2024-11-01T00:00:00Z', '2027-02-01T00:00:00Z'],
  ])('agrees with occurrencesBetween for "%s" in %s', (expression, timeZone, from, to) => {
    const forward = between(expression, timeZone, from, to);
    const backward = plan(expression, timeZone, from, to);

    expect(forward.length).toBeGreaterThan(1);
    expect(forward.length).toBeLessThanOrEqual(MAX_MISSED_OCCURRENCES + 1);
    expect([...backward.missed, backward.due]).toEqual(forward);
  });
});
