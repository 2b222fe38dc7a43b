import { InvalidParameterError } from '../errors/domain-errors.js';
import { daysOf, previousWindow, resolveDayWindow } from './window.js';

const NOW = new Date('2026-12-04T15:30:00Z');

function errorOf(work: () => unknown): InvalidParameterError {
  try {
    work();
  } catch (error) {
    return error as InvalidParameterError;
  }
  throw new Error('expected an error');
}

describe('resolveDayWindow', () => {
  it('defaults to the 7 UTC days ending today', () => {
    expect(resolveDayWindow({}, NOW)).toEqual({ from: '2026-11-28', to: '2026-12-05', days: 7 });
  });

  it('counts today as the last day of a days window', () => {
    expect(resolveDayWindow({ days: 1 }, NOW)).toEqual({
      from: '2026-12-04',
      to: '2026-12-05',
      days: 1,
    });
  });

  it('uses the UTC day just after midnight UTC', () => {
    const justAfter = new Date('2026-12-05T00:00:01Z');
    expect(resolveDayWindow({ days: 1 }, justAfter).from).toBe('2026-12-05');
  });

  it('accepts an explicit range with to exclusive', () => {
    expect(resolveDayWindow({ from: '2026-02-01', to: '2026-03-01' }, NOW)).toEqual({
      from: '2026-02-01',
      to: '2026-03-01',
      days: 28,
    });
  });

  it.each([
    [{ days: 0 }, 'days', /from 1 to 365/],
    [{ days: 366 }, 'days', /from 1 to 365/],
    [{ days: 7, from: '2026-01-01', to: '2026-01-02' }, 'days', /not both/],
    [{ from: '2026-01-01' }, 'to', /is required/],
    [{ from: '2026-02-30', to: '2026-03-02' }, 'from', /YYYY-MM-DD/],
    [{ from: '2026-03-02', to: '2026-03-02' }, 'to', /after from/],
    [{ from: '2025-01-01', to: '2026-01-02' }, 'to', /at most 365 days/],
  ])('rejects %j naming %s', (query, field, message) => {
    const error = errorOf(() => resolveDayWindow(query, NOW));
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.details[0]?.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});

describe('previousWindow', () => {
  it('is the equal-length window just before', () => {
    expect(previousWindow({ from: '2026-11-28', to: '2026-12-05', days: 7 })).toEqual({
      from: '2026-11-21',
      to: '2026-11-28',
      days: 7,
    });
  });
});

describe('daysOf', () => {
  it('lists every UTC day across a month end', () => {
    expect(daysOf({ from: '2026-02-27', to: '2026-03-02' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
  });
});
