import {
  DEFAULT_PERIOD,
  PERIOD_PRESETS,
  type Period,
  describePeriodDays,
  parsePeriodParams,
  periodDays,
  periodLabel,
  periodToApiParams,
  periodToQueryParams,
  validateCustomRange,
} from './period';

describe('parsePeriodParams', () => {
  it('uses 7 days when the URL has no period', () => {
    const result = parsePeriodParams({});

    expect(result.period).toEqual({ kind: 'days', days: 7 });
    expect(result.problem).toBeNull();
  });

  it.each(PERIOD_PRESETS.map((preset) => [preset.id, preset.days] as const))(
    'reads preset %s as days=%i',
    (_id, days) => {
      const result = parsePeriodParams({ days: String(days) });

      expect(result.period).toEqual({ kind: 'days', days });
      expect(result.problem).toBeNull();
    },
  );

  it('accepts a day count no preset covers', () => {
    expect(parsePeriodParams({ days: '3' }).period).toEqual({ kind: 'days', days: 3 });
  });

  it('reads a custom range with exclusive to', () => {
    const result = parsePeriodParams({ from: '2026-11-01', to: '2026-12-01' });

    expect(result.period).toEqual({ kind: 'range', from: '2026-11-01', to: '2026-12-01' });
    expect(result.problem).toBeNull();
  });

  it('accepts a range of exactly 365 days', () => {
    const result = parsePeriodParams({ from: '2025-01-01', to: '2026-01-01' });

    expect(result.problem).toBeNull();
    expect(result.period.kind).toBe('range');
  });

  it.each([
    [{ days: '0' }, 'days must be a whole number from 1 to 365 (got "0")'],
    [{ days: '366' }, 'days must be a whole number from 1 to 365 (got "366")'],
    [{ days: 'abc' }, 'days must be a whole number from 1 to 365 (got "abc")'],
    [{ days: '7.5' }, 'days must be a whole number from 1 to 365 (got "7.5")'],
    [{ days: '' }, 'days must be a whole number from 1 to 365 (got "")'],
    [{ days: '7', from: '2026-11-01' }, 'both days and from/to'],
    [{ from: '2026-11-01' }, 'needs both from and to (got only from)'],
    [{ to: '2026-11-01' }, 'needs both from and to (got only to)'],
    [
      { from: '2026-02-30', to: '2026-03-05' },
      'from must be a date written YYYY-MM-DD (got "2026-02-30")',
    ],
    [{ from: '2026-11-01', to: '1 Dec' }, 'to must be a date written YYYY-MM-DD (got "1 Dec")'],
    [{ from: '2026-12-01', to: '2026-12-01' }, 'to (exclusive) must be after from'],
    [{ from: '2026-12-05', to: '2026-12-01' }, 'to (exclusive) must be after from'],
    [{ from: '2025-01-01', to: '2026-01-02' }, 'at most 365 days (got 366)'],
  ])('falls back to the default for %j', (params, expectedProblem) => {
    const result = parsePeriodParams(params);

    expect(result.period).toEqual(DEFAULT_PERIOD);
    expect(result.problem).toContain(expectedProblem);
    expect(result.problem).toContain('Showing the last 7 days instead.');
  });
});

describe('periodToQueryParams', () => {
  it('writes days and removes from and to', () => {
    expect(periodToQueryParams({ kind: 'days', days: 30 })).toEqual({
      days: '30',
      from: null,
      to: null,
    });
  });

  it('writes from and to and removes days', () => {
    expect(periodToQueryParams({ kind: 'range', from: '2026-11-01', to: '2026-12-01' })).toEqual({
      days: null,
      from: '2026-11-01',
      to: '2026-12-01',
    });
  });

  it.each<Period>([
    { kind: 'days', days: 1 },
    { kind: 'days', days: 365 },
    { kind: 'days', days: 3 },
    { kind: 'range', from: '2026-02-28', to: '2026-03-01' },
  ])('round-trips %j through the URL', (period) => {
    const params = periodToQueryParams(period);
    const result = parsePeriodParams(params);

    expect(result.period).toEqual(period);
    expect(result.problem).toBeNull();
  });
});

describe('periodToApiParams', () => {
  it('sends days for a preset', () => {
    expect(periodToApiParams({ kind: 'days', days: 14 })).toEqual({ days: 14 });
  });

  it('sends from and exclusive to for a range', () => {
    expect(periodToApiParams({ kind: 'range', from: '2026-11-01', to: '2026-12-01' })).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
    });
  });
});

describe('validateCustomRange', () => {
  it('turns the inclusive end day into an exclusive to', () => {
    const result = validateCustomRange('2026-11-01', '2026-11-30');

    expect(result).toEqual({
      ok: true,
      period: { kind: 'range', from: '2026-11-01', to: '2026-12-01' },
    });
  });

  it('accepts a single day', () => {
    const result = validateCustomRange('2026-12-31', '2026-12-31');

    expect(result).toEqual({
      ok: true,
      period: { kind: 'range', from: '2026-12-31', to: '2027-01-01' },
    });
  });

  it('accepts 365 days and rejects 366', () => {
    expect(validateCustomRange('2026-01-01', '2026-12-31').ok).toBe(true);

    const tooLong = validateCustomRange('2026-01-01', '2027-01-01');
    expect(tooLong).toEqual({
      ok: false,
      problem: 'A custom range can cover at most 365 days, but this one covers 366.',
    });
  });

  it('rejects an end before the start', () => {
    expect(validateCustomRange('2026-12-02', '2026-12-01')).toEqual({
      ok: false,
      problem: 'The end date is before the start date.',
    });
  });

  it('rejects missing dates', () => {
    expect(validateCustomRange('', '2026-12-01')).toEqual({
      ok: false,
      problem: 'Choose both a start date and an end date.',
    });
  });

  it('rejects a malformed date', () => {
    expect(validateCustomRange('2026-13-01', '2026-12-01')).toEqual({
      ok: false,
      problem: 'Enter the dates as YYYY-MM-DD.',
    });
  });
});

describe('period display', () => {
  it('counts the last N days back from today, today included', () => {
    expect(periodDays({ kind: 'days', days: 7 }, '2026-12-04')).toEqual({
      first: '2026-11-28',
      last: '2026-12-04',
    });
  });

  it('shows a range with its last day inclusive', () => {
    const text = describePeriodDays(
      { kind: 'range', from: '2026-11-01', to: '2026-12-01' },
      '2026-12-04',
      'en-US',
    );

    expect(text).toBe('Nov 1, 2026 – Nov 30, 2026 (UTC)');
  });

  it('shows today as a single day', () => {
    expect(describePeriodDays({ kind: 'days', days: 1 }, '2026-12-04', 'en-US')).toBe(
      'Dec 4, 2026 (UTC)',
    );
  });

  it('names presets, other day counts and ranges', () => {
    expect(periodLabel({ kind: 'days', days: 1 })).toBe('Today');
    expect(periodLabel({ kind: 'days', days: 90 })).toBe('Last 90 days');
    expect(periodLabel({ kind: 'days', days: 3 })).toBe('Last 3 days');
    expect(periodLabel({ kind: 'range', from: '2026-11-01', to: '2026-12-01' })).toBe(
      'Custom range',
    );
  });
});
