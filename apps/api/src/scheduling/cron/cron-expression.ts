import { CronExpressionError } from './cron-expression-error.js';
import { FIELD_SPECS, parseField } from './cron-field.js';

export { type CronField, CronExpressionError } from './cron-expression-error.js';

/** A parsed cron expression: the matching values of each field, sorted ascending. */
export interface CronExpression {
  /** The expression as given, trimmed. */
  readonly source: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly number[];
  /** Months 1-12. */
  readonly months: readonly number[];
  /** Days of the week 0-6, Sunday is 0 (a 7 in the expression is stored as 0). */
  readonly daysOfWeek: readonly number[];
  /** False when the day-of-month field starts with `*`, as in Vixie cron. */
  readonly dayOfMonthRestricted: boolean;
  /** False when the day-of-week field starts with `*`, as in Vixie cron. */
  readonly dayOfWeekRestricted: boolean;
}

const FIELD_ORDER = 'minute hour day-of-month month day-of-week';

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Days in each month of a leap year: a day-of-month above this never occurs in that month. */
const MAX_DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses a standard 5-field cron expression (minute hour day-of-month month day-of-week) or one
 * of the macros @yearly, @annually, @monthly, @weekly, @daily, @midnight and @hourly.
 *
 * Fields accept `*`, numbers, lists (`1,15`), ranges (`1-5`), steps (`*\/15`, `1-10/2`, and
 * `5/20`, which means `5-59/20`) and, in month and day-of-week, English three-letter names in
 * any case (`JAN`, `mon`). 0 and 7 are both Sunday.
 *
 * @throws CronExpressionError naming the field and value at fault, including for a 6-field
 *   expression with seconds and for a day-of-month that never occurs in the selected months.
 */
export function parseCronExpression(expression: string): CronExpression {
  const source = expression.trim();
  const parts = expandMacro(source).split(/\s+/);

  if (parts.length !== 5) {
    throw fieldCountError(source, parts.length);
  }

  const [minutes, hours, daysOfMonth, months, daysOfWeek] = FIELD_SPECS.map((spec, index) =>
    parseField(parts[index], spec),
  );
  const parsed: CronExpression = {
    source,
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    dayOfMonthRestricted: !parts[2].startsWith('*'),
    dayOfWeekRestricted: !parts[4].startsWith('*'),
  };
  rejectImpossibleDays(parsed, parts[2]);

  return parsed;
}

/**
 * Returns whether the calendar day (month 1-12) matches the day-of-month, month and
 * day-of-week fields. When both day fields are restricted, a day matches if either does.
 */
export function matchesCalendarDay(
  cron: CronExpression,
  year: number,
  month: number,
  day: number,
): boolean {
  if (!cron.months.includes(month)) {
    return false;
  }

  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const dayOfMonthMatches = cron.daysOfMonth.includes(day);
  const dayOfWeekMatches = cron.daysOfWeek.includes(weekday);
  if (cron.dayOfMonthRestricted && cron.dayOfWeekRestricted) {
    return dayOfMonthMatches || dayOfWeekMatches;
  }

  return dayOfMonthMatches && dayOfWeekMatches;
}

function expandMacro(source: string): string {
  if (source === '') {
    throw new CronExpressionError(
      'expression',
      source,
      `cron expression is empty; expected 5 fields: ${FIELD_ORDER}`,
    );
  }
  if (!source.startsWith('@')) {
    return source;
  }

  const expanded = MACROS[source.toLowerCase()];
  if (expanded === undefined) {
    const known = Object.keys(MACROS).join(', ');
    throw new CronExpressionError(
      'expression',
      source,
      `cron macro "${source}" is not supported; use one of ${known} or 5 fields: ${FIELD_ORDER}`,
    );
  }

  return expanded;
}

function fieldCountError(source: string, count: number): CronExpressionError {
  const seconds = count === 6 ? ' (a leading seconds field is not supported)' : '';
  return new CronExpressionError(
    'expression',
    source,
    `cron expression "${source}" has ${count} fields${seconds}; expected 5: ${FIELD_ORDER}`,
  );
}

/** Rejects expressions such as `0 0 30 2 *` that can never run. */
function rejectImpossibleDays(cron: CronExpression, dayOfMonthText: string): void {
  if (cron.dayOfWeekRestricted && cron.dayOfMonthRestricted) {
    return;
  }

  const possible = cron.months.some((month) =>
    cron.daysOfMonth.some((day) => day <= MAX_DAYS_IN_MONTH[month - 1]),
  );
  if (!possible) {
    throw new CronExpressionError(
      'day-of-month',
      dayOfMonthText,
      `day-of-month "${dayOfMonthText}" never occurs in month "${cron.months.join(',')}"`,
    );
  }
}
