import {
  NO_VALUE,
  formatCount,
  formatDurationMs,
  formatRate,
  formatTimestamp,
  formatUtcDay,
} from './format';

const LOCALE = 'en-US';

describe('formatCount', () => {
  it('groups digits', () => {
    expect(formatCount(1234567, LOCALE)).toBe('1,234,567');
  });

  it('shortens in compact style', () => {
    expect(formatCount(12_345, LOCALE, { compact: true })).toBe('12.3K');
  });

  it.each([null, undefined, Number.NaN])('shows %p as a dash', (value) => {
    expect(formatCount(value, LOCALE)).toBe(NO_VALUE);
  });

  it('shows zero as zero', () => {
    expect(formatCount(0, LOCALE)).toBe('0');
  });
});

describe('formatRate', () => {
  it('turns a fraction into a percentage', () => {
    expect(formatRate(0.1234, LOCALE)).toBe('12.3%');
    expect(formatRate(1, LOCALE)).toBe('100.0%');
    expect(formatRate(0, LOCALE)).toBe('0.0%');
  });

  it('takes the number of decimals', () => {
    expect(formatRate(0.03, LOCALE, { fractionDigits: 0 })).toBe('3%');
  });

  it('signs changes', () => {
    expect(formatRate(0.05, LOCALE, { signed: true })).toBe('+5.0%');
    expect(formatRate(-0.05, LOCALE, { signed: true })).toBe('-5.0%');
  });

  it('shows a rate with no denominator (null) as a dash', () => {
    expect(formatRate(null, LOCALE)).toBe(NO_VALUE);
  });
});

describe('formatDurationMs', () => {
  it.each([
    [0.42, '0.4 ms'],
    [88.54, '88.5 ms'],
    [412.4, '412 ms'],
    [1250, '1.25 s'],
    [150_000, '2.5 min'],
  ])('formats %p ms as %p', (ms, expected) => {
    expect(formatDurationMs(ms, LOCALE)).toBe(expected);
  });

  it('shows null as a dash', () => {
    expect(formatDurationMs(null, LOCALE)).toBe(NO_VALUE);
  });
});

describe('formatTimestamp', () => {
  const instant = '2026-12-04T15:01:05Z';

  it('shows the time in the viewer zone and names the zone', () => {
    expect(formatTimestamp(instant, LOCALE, 'Europe/Berlin')).toBe(
      'Dec 4, 2026, 16:01:05 Europe/Berlin',
    );
    expect(formatTimestamp(instant, LOCALE, 'America/New_York')).toBe(
      'Dec 4, 2026, 10:01:05 America/New_York',
    );
  });

  it('shows the time of day alone in the time style', () => {
    expect(formatTimestamp(Date.parse(instant), LOCALE, 'UTC', 'time')).toBe('15:01:05 UTC');
  });

  it.each([null, 'not a date'])('shows %p as a dash', (value) => {
    expect(formatTimestamp(value, LOCALE, 'UTC')).toBe(NO_VALUE);
  });
});

describe('formatUtcDay', () => {
  it('labels a day bucket as UTC', () => {
    expect(formatUtcDay('2026-12-01', LOCALE)).toBe('Dec 1, 2026 UTC');
  });

  it('does not shift the day in a zone west of UTC', () => {
    const original = process.env['TZ'];
    process.env['TZ'] = 'America/Los_Angeles';
    try {
      expect(formatUtcDay('2026-12-01', LOCALE)).toBe('Dec 1, 2026 UTC');
    } finally {
      process.env['TZ'] = original;
    }
  });
});
