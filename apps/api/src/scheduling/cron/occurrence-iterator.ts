import { type CronExpression, matchesCalendarDay } from './cron-expression.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, type ZoneCalendar } from './zone-calendar.js';

/** Local day number of 1970-01-01; iteration stops before it. */
const FIRST_DAY = 0;
/** Local day number of 9999-12-31; iteration stops after it. */
const LAST_DAY = Math.floor(Date.UTC(9999, 11, 31) / DAY_MS);

/**
 * Returns the instants of all occurrences on one local day, unsorted and possibly repeated,
 * because wall times in a daylight-saving gap map onto the instants of wall times after it.
 */
function occurrencesOnDay(
  cron: CronExpression,
  calendar: ZoneCalendar,
  dayNumber: number,
): number[] {
  const date = new Date(dayNumber * DAY_MS);
  if (!matchesCalendarDay(cron, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())) {
    return [];
  }

  const toInstant = calendar.converterForDay(dayNumber);
  const instants: number[] = [];
  for (const hour of cron.hours) {
    for (const minute of cron.minutes) {
      instants.push(toInstant(dayNumber * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS));
    }
  }

  return instants;
}

/**
 * Returns `dayNumber` when the expression selects its month, else the nearest day of a selected
 * month in `direction`: the first day of that month going forward, the last going back.
 */
function skipToSelectedMonth(cron: CronExpression, dayNumber: number, direction: 1 | -1): number {
  const date = new Date(dayNumber * DAY_MS);
  let monthIndex = date.getUTCMonth();
  if (cron.months.includes(monthIndex + 1)) {
    return dayNumber;
  }

  do {
    monthIndex += direction;
  } while (!cron.months.includes((((monthIndex % 12) + 12) % 12) + 1));

  // Date.UTC carries month indexes outside 0-11 into the neighbouring years.
  const year = date.getUTCFullYear();
  if (direction === 1) {
    return Date.UTC(year, monthIndex, 1) / DAY_MS;
  }

  return Date.UTC(year, monthIndex + 1, 1) / DAY_MS - 1;
}

/**
 * Yields the occurrence instants strictly after `afterMs` and at or before `untilMs`, ascending
 * and without repeats.
 *
 * Days are visited in order and their instants held back until no later day can produce an
 * earlier one, because a wall time in a gap is shifted forward, possibly past wall times of the
 * next day.
 */
export function* occurrencesAfter(
  cron: CronExpression,
  calendar: ZoneCalendar,
  afterMs: number,
  untilMs: number,
): Generator<number> {
  let pending: number[] = [];
  let lastYielded = afterMs;
  // The day before may have wall times in a gap that were shifted past `afterMs`.
  let day = Math.max(calendar.dayOf(afterMs) - 1, FIRST_DAY);
  for (;;) {
    day = skipToSelectedMonth(cron, day, 1);
    const pastLastDay = day > LAST_DAY;
    if (!pastLastDay) {
      pending.push(...occurrencesOnDay(cron, calendar, day));
    }
    // Later days produce instants at or after this bound. While nothing is held back, the
    // cheaper `day * DAY_MS` will do, because UTC offsets stay within ±14 hours.
    const laterDaysStart = pending.length === 0 ? day * DAY_MS : calendar.lowerBoundOfDay(day + 1);
    const finished = pastLastDay || day === LAST_DAY || laterDaysStart > untilMs;

    pending.sort((a, b) => a - b);
    const heldBack: number[] = [];
    for (const instant of pending) {
      if (!finished && instant >= laterDaysStart) {
        heldBack.push(instant);
      } else if (instant > lastYielded && instant <= untilMs) {
        lastYielded = instant;
        yield instant;
      }
    }
    pending = heldBack;
    if (finished) {
      return;
    }
    day++;
  }
}

/**
 * Yields the occurrence instants at or before `atOrBeforeMs` and strictly after `afterMs`,
 * descending and without repeats.
 */
export function* occurrencesBefore(
  cron: CronExpression,
  calendar: ZoneCalendar,
  atOrBeforeMs: number,
  afterMs: number,
): Generator<number> {
  let pending: number[] = [];
  let lastYielded = atOrBeforeMs + 1;
  // Start one day late: where clocks go back across midnight, an instant whose local date is the
  // next day can come before `atOrBeforeMs`.
  let day = Math.min(calendar.dayOf(atOrBeforeMs) + 1, LAST_DAY);
  for (;;) {
    day = skipToSelectedMonth(cron, day, -1);
    const beforeFirstDay = day < FIRST_DAY;
    if (!beforeFirstDay) {
      pending.push(...occurrencesOnDay(cron, calendar, day));
    }
    // Earlier days produce instants below this bound, so anything at or above it is final.
    const earlierDaysEnd =
      pending.length === 0 ? (day + 1) * DAY_MS : calendar.upperBoundOfDay(day - 1);
    const finished = beforeFirstDay || day === FIRST_DAY || earlierDaysEnd <= afterMs;

    pending.sort((a, b) => b - a);
    const heldBack: number[] = [];
    for (const instant of pending) {
      if (!finished && instant < earlierDaysEnd) {
        heldBack.push(instant);
      } else if (instant < lastYielded && instant > afterMs) {
        lastYielded = instant;
        yield instant;
      }
    }
    pending = heldBack;
    if (finished) {
      return;
    }
    day--;
  }
}
