import { InvalidParameterError } from '../common/errors/domain-errors.js';
import {
  parseWindowHours,
  pipelineWindow,
  windowHoursForPeriod,
  windowHoursLabel,
} from './pipeline-window.js';

function errorOf(work: () => unknown): InvalidParameterError {
  try {
    work();
  } catch (error) {
    return error as InvalidParameterError;
  }
  throw new Error('expected an error');
}

describe('parseWindowHours', () => {
  it('defaults to 24', () => {
    expect(parseWindowHours(undefined)).toBe(24);
  });

  it.each([
    ['1', 1],
    ['168', 168],
    ['48', 48],
  ])('accepts %p', (value, hours) => {
    expect(parseWindowHours(value)).toBe(hours);
  });

  it.each([
    ['0', 'must be at least 1'],
    ['169', 'must be at most 168'],
    ['-3', 'must be at least 1'],
    ['1.5', 'must be an integer from 1 to 168'],
    ['abc', 'must be an integer from 1 to 168'],
    ['', 'must be an integer from 1 to 168'],
    [['1', '2'], 'must be an integer from 1 to 168'],
  ])('rejects %p naming the field and value', (value, reason) => {
    const error = errorOf(() => parseWindowHours(value));
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.message).toBe('windowHours must be an integer from 1 to 168');
    expect(error.details).toEqual([{ field: 'windowHours', value, reason }]);
  });
});

describe('pipelineWindow', () => {
  it('ends now and rounds the rollup start up to the hour', () => {
    const window = pipelineWindow(24, new Date('2026-12-04T10:20:00Z'));
    expect(window.from.toISOString()).toBe('2026-12-03T10:20:00.000Z');
    expect(window.to.toISOString()).toBe('2026-12-04T10:20:00.000Z');
    expect(window.rollupFrom.toISOString()).toBe('2026-12-03T11:00:00.000Z');
  });

  it('keeps an hour-aligned start', () => {
    const window = pipelineWindow(2, new Date('2026-12-04T10:00:00Z'));
    expect(window.rollupFrom.toISOString()).toBe('2026-12-04T08:00:00.000Z');
  });
});

describe('windowHoursLabel', () => {
  it.each([
    [1, 'last 1h'],
    [24, 'last 24h'],
    [36, 'last 36h'],
    [48, 'last 2d'],
    [168, 'last 7d'],
  ])('labels %i hours as %s', (hours, label) => {
    expect(windowHoursLabel(hours)).toBe(label);
  });
});

describe('windowHoursForPeriod', () => {
  it('uses the period in hours up to 7 days', () => {
    expect(windowHoursForPeriod(1)).toEqual({ windowHours: 24, capped: false });
    expect(windowHoursForPeriod(7)).toEqual({ windowHours: 168, capped: false });
  });

  it('caps longer periods at 168 hours', () => {
    expect(windowHoursForPeriod(30)).toEqual({ windowHours: 168, capped: true });
  });
});
