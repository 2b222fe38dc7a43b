import { parseIntegerQuery } from './query-integers.js';

const HOUR_MS = 3_600_000;

/** Bounds of the decision pipeline window, in hours (one hour to seven days). */
export const MIN_WINDOW_HOURS = 1;
export const MAX_WINDOW_HOURS = 168;
export const DEFAULT_WINDOW_HOURS = 24;

/** The hours of a decision pipeline request: `[from, to)` ends at the request time. */
export interface PipelineWindow {
  windowHours: number;
  from: Date;
  to: Date;
  /**
   * The hourly removal rollups counted for the top rules: hours starting in `[rollupFrom, to)`.
   * `rollupFrom` is `from` rounded up to the hour, so a partial first hour is left out and no
   * removal before the window is counted. The hour in progress at `to` is counted in full.
   */
  rollupFrom: Date;
}

/** Parses `windowHours` (default 24); anything but an integer from 1 to 168 is a 400. */
export function parseWindowHours(value: unknown): number {
  if (value === undefined) {
    return DEFAULT_WINDOW_HOURS;
  }
  return parseIntegerQuery({
    field: 'windowHours',
    value,
    min: MIN_WINDOW_HOURS,
    max: MAX_WINDOW_HOURS,
  });
}

export function pipelineWindow(windowHours: number, now: Date): PipelineWindow {
  const from = new Date(now.getTime() - windowHours * HOUR_MS);
  const rollupFrom = new Date(Math.ceil(from.getTime() / HOUR_MS) * HOUR_MS);
  return { windowHours, from, to: now, rollupFrom };
}

/** "last 24h", "last 5h", "last 7d": whole days from two days up, hours below. */
export function windowHoursLabel(windowHours: number): string {
  if (windowHours >= 48 && windowHours % 24 === 0) {
    return `last ${windowHours / 24}d`;
  }
  return `last ${windowHours}h`;
}

/**
 * Returns the decision pipeline window for a dashboard period of `days` UTC days: the same
 * number of hours, capped at 168. `capped` is true when the cap applied, for the panel note.
 */
export function windowHoursForPeriod(days: number): { windowHours: number; capped: boolean } {
  const hours = days * 24;
  return { windowHours: Math.min(hours, MAX_WINDOW_HOURS), capped: hours > MAX_WINDOW_HOURS };
}
