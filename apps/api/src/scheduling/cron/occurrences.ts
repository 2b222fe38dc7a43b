import { type CronExpression, parseCronExpression } from './cron-expression.js';
import { occurrencesAfter, occurrencesBefore } from './occurrence-iterator.js';
import { scheduleZone } from './time-zone.js';
import { ZoneCalendar } from './zone-calendar.js';

/** Largest `count` or `max` the occurrence functions accept. */
export const MAX_OCCURRENCES = 10_000;

/**
 * Maximum number of missed occurrences `planDue` returns, the most recent kept. It is enough to
 * show an outage in run history without one tick writing thousands of rows.
 */
export const MAX_MISSED_OCCURRENCES = 100;

/** A cron schedule: its expression (text or parsed) and the IANA zone it is evaluated in. */
export interface ScheduleSpec {
  readonly expression: string | CronExpression;
  readonly timeZone: string;
}

/** The plan for one schedule at a scheduler tick: the occurrence to run and those missed. */
export interface DuePlan {
  /** The most recent occurrence in the window, to run once; null when none is due. */
  readonly due: Date | null;
  /** Earlier occurrences in the window, ascending, to record as missed and not run. */
  readonly missed: Date[];
  /** True when more than `MAX_MISSED_OCCURRENCES` were missed and the oldest were left out. */
  readonly missedTruncated: boolean;
}

/**
 * Computes the next `count` occurrences strictly after `after`, ascending.
 *
 * Times are evaluated as wall-clock times in `timeZone`. A wall time skipped by a
 * daylight-saving change runs at the offset in force before the change, so it lands as far
 * after the gap as it was into it (02:30 becomes 03:30). A wall time that occurs twice runs
 * once, at its first occurrence. Instants that coincide are returned once. Only occurrences
 * from 1970 to 9999 are produced, so fewer than `count` come back near the end of year 9999.
 *
 * @throws CronExpressionError for an invalid expression.
 * @throws InvalidTimeZoneError for a time zone that `isValidTimeZone` rejects.
 * @throws RangeError for an invalid date or a `count` outside 1-10000.
 */
export function nextOccurrences(
  params: ScheduleSpec & { readonly after: Date; readonly count: number },
): Date[] {
  const { cron, calendar } = prepare(params);
  checkLimit('count', params.count);

  const results: Date[] = [];
  const afterMs = instantOf('after', params.after);
  for (const instant of occurrencesAfter(cron, calendar, afterMs, Number.POSITIVE_INFINITY)) {
    results.push(new Date(instant));
    if (results.length === params.count) {
      break;
    }
  }

  return results;
}

/**
 * Computes the occurrences after `from` (exclusive) and up to `to` (inclusive), ascending, with
 * the same time zone rules as `nextOccurrences`. When there are more than `max`, it returns the
 * earliest `max`.
 *
 * @throws CronExpressionError for an invalid expression.
 * @throws InvalidTimeZoneError for a time zone that `isValidTimeZone` rejects.
 * @throws RangeError for an invalid date or a `max` outside 1-10000.
 */
export function occurrencesBetween(
  params: ScheduleSpec & { readonly from: Date; readonly to: Date; readonly max: number },
): Date[] {
  const { cron, calendar } = prepare(params);
  checkLimit('max', params.max);

  const results: Date[] = [];
  const fromMs = instantOf('from', params.from);
  const toMs = instantOf('to', params.to);
  for (const instant of occurrencesAfter(cron, calendar, fromMs, toMs)) {
    results.push(new Date(instant));
    if (results.length === params.max) {
      break;
    }
  }

  return results;
}

/**
 * Plans a scheduler tick: finds the occurrences in (`lastScheduledFor ?? createdAt`, `now`].
 * The most recent one is `due` and runs once; the earlier ones are `missed`, for example after
 * downtime. At most `MAX_MISSED_OCCURRENCES` missed ones are returned, the most recent kept.
 *
 * @param params.lastScheduledFor the occurrence last run or recorded, or null if none.
 * @param params.createdAt when the schedule was created. An occurrence at exactly this instant
 *   is not due.
 * @throws CronExpressionError for an invalid expression.
 * @throws InvalidTimeZoneError for a time zone that `isValidTimeZone` rejects.
 * @throws RangeError for an invalid date.
 */
export function planDue(
  params: ScheduleSpec & {
    readonly lastScheduledFor: Date | null;
    readonly now: Date;
    readonly createdAt: Date;
  },
): DuePlan {
  const { cron, calendar } = prepare(params);
  const nowMs = instantOf('now', params.now);
  const sinceMs =
    params.lastScheduledFor === null
      ? instantOf('createdAt', params.createdAt)
      : instantOf('lastScheduledFor', params.lastScheduledFor);

  if (sinceMs >= nowMs) {
    return { due: null, missed: [], missedTruncated: false };
  }

  // Walk back from `now` so a long outage of a frequent schedule costs only what is returned.
  const recentFirst: Date[] = [];
  for (const instant of occurrencesBefore(cron, calendar, nowMs, sinceMs)) {
    recentFirst.push(new Date(instant));
    if (recentFirst.length > MAX_MISSED_OCCURRENCES + 1) {
      break;
    }
  }

  const missedTruncated = recentFirst.length > MAX_MISSED_OCCURRENCES + 1;
  const [due = null, ...missed] = recentFirst.slice(0, MAX_MISSED_OCCURRENCES + 1);

  return { due, missed: missed.reverse(), missedTruncated };
}

function prepare(spec: ScheduleSpec): { cron: CronExpression; calendar: ZoneCalendar } {
  const cron =
    typeof spec.expression === 'string' ? parseCronExpression(spec.expression) : spec.expression;

  return { cron, calendar: new ZoneCalendar(scheduleZone(spec.timeZone)) };
}

function instantOf(name: string, date: Date): number {
  const epochMs = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(epochMs)) {
    throw new RangeError(`${name} must be a valid Date, got ${String(date)}`);
  }

  return epochMs;
}

function checkLimit(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_OCCURRENCES) {
    throw new RangeError(`${name} ${value} is out of range 1-${MAX_OCCURRENCES}`);
  }
}
