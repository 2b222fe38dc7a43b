import { InvalidParameterError } from '../errors/domain-errors.js';

const DAY_MS = 86_400_000;
export const MAX_WINDOW_DAYS = 365;
export const DEFAULT_WINDOW_DAYS = 7;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A window of whole UTC days: `from` inclusive, `to` exclusive. */
export interface DayWindow {
  from: string;
  to: string;
  days: number;
}

export interface WindowQuery {
  days?: number;
  from?: string;
  to?: string;
}

/**
 * Resolves `days` (the N UTC days ending with today, today included) or an
 * explicit `from`/`to` pair into a window; both at once, or a bad range, is a 400.
 */
export function resolveDayWindow(query: WindowQuery, now: Date): DayWindow {
  const hasRange = query.from !== undefined || query.to !== undefined;
  if (query.days !== undefined && hasRange) {
    throw new InvalidParameterError('Give either days or from and to, not both', [
      { field: 'days', value: query.days, reason: 'cannot be combined with from/to' },
    ]);
  }
  if (hasRange) {
    return explicitWindow(query.from, query.to);
  }
  const days = query.days ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_WINDOW_DAYS) {
    throw InvalidParameterError.forField(
      'days',
      days,
      `must be an integer from 1 to ${MAX_WINDOW_DAYS}`,
    );
  }
  const to = shiftDay(utcDayOf(now), 1);
  return { from: shiftDay(to, -days), to, days };
}

/** The window of equal length just before `window`, for period-over-period change. */
export function previousWindow(window: DayWindow): DayWindow {
  return { from: shiftDay(window.from, -window.days), to: window.from, days: window.days };
}

export function utcDayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function shiftDay(day: string, days: number): string {
  return utcDayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Every UTC day of the window, ascending. */
export function daysOf(window: Pick<DayWindow, 'from' | 'to'>): string[] {
  const days: string[] = [];
  for (let day = window.from; day < window.to; day = shiftDay(day, 1)) {
    days.push(day);
  }
  return days;
}

function explicitWindow(from: string | undefined, to: string | undefined): DayWindow {
  const fromDay = requireDay('from', from);
  const toDay = requireDay('to', to);
  const days = Math.round(
    (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS,
  );
  if (days < 1) {
    throw InvalidParameterError.forField(
      'to',
      to,
      `must be after from (${fromDay}); to is exclusive`,
    );
  }
  if (days > MAX_WINDOW_DAYS) {
    throw InvalidParameterError.forField(
      'to',
      to,
      `must be at most ${MAX_WINDOW_DAYS} days after from`,
    );
  }
  return { from: fromDay, to: toDay, days };
}

function requireDay(field: string, value: string | undefined): string {
  if (value === undefined) {
    throw InvalidParameterError.forField(
      field,
      value,
      'is required when from or to is given (YYYY-MM-DD, UTC)',
    );
  }
  if (
    !ISO_DAY.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    utcDayOf(new Date(`${value}T00:00:00Z`)) !== value
  ) {
    throw InvalidParameterError.forField(field, value, 'must be a date YYYY-MM-DD (UTC)');
  }
  return value;
}
