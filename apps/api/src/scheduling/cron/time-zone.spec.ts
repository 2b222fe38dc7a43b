import { InvalidTimeZoneError, isValidTimeZone, scheduleZone } from './time-zone.js';

describe('isValidTimeZone', () => {
  it.each([
    'UTC',
    'utc',
    'Etc/UTC',
    'Europe/Berlin',
    'europe/berlin',
    'America/New_York',
    'America/Argentina/Buenos_Aires',
    'America/Port-au-Prince',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Etc/GMT+2',
    'Europe/Kyiv',
  ])('accepts %s', (name) => {
    expect(isValidTimeZone(name)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['offset', '+02:00'],
    ['UTC offset', 'UTC+2'],
    ['Z', 'Z'],
    ['abbreviation CET', 'CET'],
    ['abbreviation EST', 'EST'],
    ['abbreviation GMT', 'GMT'],
    ['POSIX-style EST5EDT', 'EST5EDT'],
    ['unknown location', 'Mars/Olympus_Mons'],
    ['unknown Etc name', 'Etc/Unknown'],
    ['surrounding space', ' Europe/Berlin'],
    ['trailing space', 'Europe/Berlin '],
    ['double slash', 'Europe//Berlin'],
    ['server-local keyword', 'local'],
  ])('rejects %s', (_case, name) => {
    expect(isValidTimeZone(name)).toBe(false);
  });

  it('rejects a non-string at run time', () => {
    expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
    expect(isValidTimeZone(2 as unknown as string)).toBe(false);
  });
});

describe('scheduleZone', () => {
  it('returns the zone with its offset rules', () => {
    const zone = scheduleZone('Europe/Berlin');

    expect(zone.offset(Date.parse('2026-01-15T12:00:00Z'))).toBe(60);
    expect(zone.offset(Date.parse('2026-07-15T12:00:00Z'))).toBe(120);
  });

  it('throws a typed error naming the field and value', () => {
    let caught: unknown;
    try {
      scheduleZone('CET');
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(InvalidTimeZoneError);
    const error = caught as InvalidTimeZoneError;
    expect(error.field).toBe('timeZone');
    expect(error.value).toBe('CET');
    expect(error.message).toBe(
      'time zone "CET" is not a valid IANA time zone; use a name such as "UTC", ' +
        '"Europe/Berlin" or "America/New_York"',
    );
  });
});
