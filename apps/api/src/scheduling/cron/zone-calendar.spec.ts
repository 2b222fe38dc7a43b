import { DateTime, IANAZone, Settings } from 'luxon';

import { DAY_MS, MINUTE_MS, ZoneCalendar } from './zone-calendar.js';

function calendarFor(zone: string): ZoneCalendar {
  return new ZoneCalendar(IANAZone.create(zone));
}

/** Wall milliseconds of a local `YYYY-MM-DDTHH:mm` written without an offset. */
function wall(local: string): number {
  return Date.parse(`${local}:00Z`);
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

describe('ZoneCalendar.toInstant', () => {
  it.each([
    // Berlin, 2026-03-29: clocks jump from 02:00 CET (+01) to 03:00 CEST (+02).
    ['Europe/Berlin', '2026-03-29T01:59', '2026-03-29T00:59:00.000Z'],
    ['Europe/Berlin', '2026-03-29T02:00', '2026-03-29T01:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29T02:30', '2026-03-29T01:30:00.000Z'],
    ['Europe/Berlin', '2026-03-29T02:59', '2026-03-29T01:59:00.000Z'],
    ['Europe/Berlin', '2026-03-29T03:00', '2026-03-29T01:00:00.000Z'],
    // Berlin, 2026-10-25: clocks go back from 03:00 CEST to 02:00 CET, 02:xx occurs twice.
    ['Europe/Berlin', '2026-10-25T01:59', '2026-10-24T23:59:00.000Z'],
    ['Europe/Berlin', '2026-10-25T02:00', '2026-10-25T00:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['Europe/Berlin', '2026-10-25T02:59', '2026-10-25T00:59:00.000Z'],
    ['Europe/Berlin', '2026-10-25T03:00', '2026-10-25T02:00:00.000Z'],
    // New York: 2026-03-08 02:00 EST (-05) to 03:00 EDT; 2026-11-01 02:00 EDT back to 01:00 EST.
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z'],
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z'],
    // Lord Howe moves by 30 minutes: +10:30 to +11 at 02:00, and back at 02:00 to 01:30.
    ['Australia/Lord_Howe', '2026-10-04T02:15', '2026-10-03T15:45:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05T01:45', '2026-04-04T14:45:00.000Z'],
    ['Asia/Kathmandu', '2026-06-01T09:00', '2026-06-01T03:15:00.000Z'],
    // Santiago changes at midnight: from 2026-04-05 00:00 -03 back to 2026-04-04 23:00 -04,
    // and from 2026-09-06 00:00 -04 forward to 01:00 -03.
    ['America/Santiago', '2026-04-04T23:30', '2026-04-05T02:30:00.000Z'],
    ['America/Santiago', '2026-09-06T00:30', '2026-09-06T04:30:00.000Z'],
    // Samoa skipped 2011-12-30 by moving from -10 to +14.
    ['Pacific/Apia', '2011-12-29T12:00', '2011-12-29T22:00:00.000Z'],
    ['Pacific/Apia', '2011-12-30T12:00', '2011-12-30T22:00:00.000Z'],
    ['Pacific/Apia', '2011-12-31T12:00', '2011-12-30T22:00:00.000Z'],
  ])('maps %s %s to %s', (zone, local, expected) => {
    expect(new Date(calendarFor(zone).toInstant(wall(local))).toISOString()).toBe(expected);
  });
});

describe('ZoneCalendar.converterForDay', () => {
  it.each([
    ['Europe/Berlin', '2026-03-29'],
    ['Europe/Berlin', '2026-10-25'],
    ['Europe/Berlin', '2026-06-15'],
    ['Australia/Lord_Howe', '2026-04-05'],
    ['America/Santiago', '2026-09-06'],
    ['Pacific/Apia', '2011-12-30'],
  ])('agrees with toInstant for every minute of %s %s', (zone, date) => {
    const calendar = calendarFor(zone);
    const day = dayNumber(date);
    const convert = calendar.converterForDay(day);
    const mismatches: string[] = [];
    for (let wallMs = day * DAY_MS; wallMs < (day + 1) * DAY_MS; wallMs += MINUTE_MS) {
      if (convert(wallMs) !== calendar.toInstant(wallMs)) {
        mismatches.push(new Date(wallMs).toISOString());
      }
    }

    expect(mismatches).toEqual([]);
  });

  it.each([
    ['Europe/Berlin', '2026-03-28'],
    ['Europe/Berlin', '2026-03-29'],
    ['Europe/Berlin', '2026-10-25'],
    ['America/Santiago', '2026-04-04'],
    ['America/Santiago', '2026-09-06'],
    ['Pacific/Apia', '2011-12-30'],
  ])('keeps %s %s within its day bounds', (zone, date) => {
    const calendar = calendarFor(zone);
    const day = dayNumber(date);
    const convert = calendar.converterForDay(day);
    const lower = calendar.lowerBoundOfDay(day);
    const upper = calendar.upperBoundOfDay(day);
    const outside: string[] = [];
    for (let wallMs = day * DAY_MS; wallMs < (day + 1) * DAY_MS; wallMs += MINUTE_MS) {
      const instant = convert(wallMs);
      if (instant < lower || instant >= upper) {
        outside.push(new Date(wallMs).toISOString());
      }
    }

    expect(outside).toEqual([]);
  });
});

describe('ZoneCalendar.dayOf', () => {
  it('returns the local date of an instant', () => {
    const berlin = calendarFor('Europe/Berlin');

    expect(berlin.dayOf(Date.parse('2026-03-28T23:30:00Z'))).toBe(dayNumber('2026-03-29'));
    expect(berlin.dayOf(Date.parse('2026-03-28T22:59:00Z'))).toBe(dayNumber('2026-03-28'));
    expect(calendarFor('UTC').dayOf(Date.parse('2026-03-28T23:30:00Z'))).toBe(
      dayNumber('2026-03-28'),
    );
  });
});

// Checks the reason ZoneCalendar resolves repeated wall times itself: luxon 3.7.2 seeds its
// offset search with today's offset, so the side of a fold it picks depends on the clock.
describe('luxon fold handling', () => {
  const defaultNow = Settings.now;
  afterEach(() => {
    Settings.now = defaultNow;
  });

  it('depends on the current date in DateTime.fromObject', () => {
    const local = { year: 2026, month: 10, day: 25, hour: 2, minute: 30 };
    Settings.now = () => Date.parse('2026-01-15T12:00:00Z');
    const inWinter = DateTime.fromObject(local, { zone: 'Europe/Berlin' }).toUTC().toISO();
    Settings.now = () => Date.parse('2026-07-15T12:00:00Z');
    const inSummer = DateTime.fromObject(local, { zone: 'Europe/Berlin' }).toUTC().toISO();

    expect(inWinter).toBe('2026-10-25T01:30:00.000Z');
    expect(inSummer).toBe('2026-10-25T00:30:00.000Z');
  });

  it('does not affect ZoneCalendar', () => {
    const results = ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z'].map((now) => {
      Settings.now = () => Date.parse(now);
      return calendarFor('Europe/Berlin').toInstant(wall('2026-10-25T02:30'));
    });

    expect(results.map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
    ]);
  });
});
