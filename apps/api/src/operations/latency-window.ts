import { type DayWindow, dayStart } from '../common/time/window.js';

const HOUR_MS = 3_600_000;

/** Length of the latency trend, in hours (7 days). */
export const LATENCY_TREND_HOURS = 168;

/** Source of latency figures: raw runs (exact percentiles) or hourly rollups (approximate). */
export type LatencySource = 'raw' | 'rollups';

/** Instants of a day window: midnight UTC of `from` to midnight UTC of `to`. */
export function windowInstants(window: Pick<DayWindow, 'from' | 'to'>): { from: Date; to: Date } {
  return { from: dayStart(window.from), to: dayStart(window.to) };
}

/**
 * Picks raw runs for a range that starts at or after `rawFrom`, the first instant the raw
 * retention still holds. An older start needs the rollups, which keep every run.
 */
export function latencySource(rangeFrom: Date, rawFrom: Date): LatencySource {
  return rangeFrom.getTime() >= rawFrom.getTime() ? 'raw' : 'rollups';
}

/**
 * Returns the hours of the latency trend: the 7 UTC days that end with the window's last day, cut at
 * the end of the current hour so no future hours are listed.
 */
export function latencyTrendRange(
  window: Pick<DayWindow, 'to'>,
  now: Date,
): { from: Date; to: Date } {
  const windowEnd = dayStart(window.to).getTime();
  const currentHourEnd = (Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS;
  const to = Math.max(
    Math.min(windowEnd, currentHourEnd),
    windowEnd - LATENCY_TREND_HOURS * HOUR_MS,
  );
  return { from: new Date(windowEnd - LATENCY_TREND_HOURS * HOUR_MS), to: new Date(to) };
}

/** Lists every hour start of `[from, to)` as ISO instants. */
export function hoursOf(range: { from: Date; to: Date }): string[] {
  const hours: string[] = [];
  for (let hour = range.from.getTime(); hour < range.to.getTime(); hour += HOUR_MS) {
    hours.push(new Date(hour).toISOString());
  }
  return hours;
}
