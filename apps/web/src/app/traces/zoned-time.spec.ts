import { instantToZonedLocal, zonedLocalToInstant } from './zoned-time';

describe('zoned time conversions', () => {
  it.each([
    ['2026-12-04T10:15', 'UTC', '2026-12-04T10:15:00Z'],
    ['2026-12-04T10:15', 'Europe/Berlin', '2026-12-04T09:15:00Z'],
    ['2026-07-04T10:15', 'Europe/Berlin', '2026-07-04T08:15:00Z'],
    ['2026-12-04T00:30', 'America/New_York', '2026-12-04T05:30:00Z'],
    ['2026-12-04T10:15', 'Asia/Kolkata', '2026-12-04T04:45:00Z'],
  ])('reads %s in %s as %s', (local, zone, instant) => {
    expect(zonedLocalToInstant(local, zone)).toBe(instant);
    expect(instantToZonedLocal(instant, zone)).toBe(local);
  });

  it('keeps seconds given in the local time', () => {
    expect(zonedLocalToInstant('2026-12-04T10:15:30', 'UTC')).toBe('2026-12-04T10:15:30Z');
  });

  it('resolves the hour after the autumn change to its second offset', () => {
    // 2026-10-25 03:30 in Berlin is after the clocks went back at 03:00 CEST: UTC+1.
    expect(zonedLocalToInstant('2026-10-25T03:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00Z');
  });

  it.each(['', '2026-12-04', 'yesterday', '2026-12-04 10:15'])('rejects %p', (value) => {
    expect(zonedLocalToInstant(value, 'UTC')).toBeNull();
  });

  it('shows an invalid instant as an empty field', () => {
    expect(instantToZonedLocal('not a time', 'UTC')).toBe('');
  });
});
