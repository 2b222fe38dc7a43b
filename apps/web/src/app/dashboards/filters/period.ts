/**
 * Dashboard periods and their URL form.
 *
 * A period is either the last N UTC days ending with today (`?days=30`) or a custom range of UTC
 * days (`?from=2026-11-01&to=2026-12-01`). As in the API, `to` is exclusive in the URL, but the
 * portal shows the user the inclusive last day (the day before).
 */

/** Widest window the API accepts, in days, for both `days` and `from`/`to`. */
export const MAX_PERIOD_DAYS = 365;

/** Window used when the URL names no period. */
export const DEFAULT_PERIOD_DAYS = 7;

const MS_PER_DAY = 86_400_000;
const ISO_DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A preset of the period selector. */
export interface PeriodPreset {
  readonly id: 'today' | '7d' | '14d' | '30d' | '90d' | '365d';
  readonly days: number;
  readonly label: string;
}

/** Presets of the period selector, in menu order. */
export const PERIOD_PRESETS: readonly PeriodPreset[] = [
  { id: 'today', days: 1, label: 'Today' },
  { id: '7d', days: 7, label: 'Last 7 days' },
  { id: '14d', days: 14, label: 'Last 14 days' },
  { id: '30d', days: 30, label: 'Last 30 days' },
  { id: '90d', days: 90, label: 'Last 90 days' },
  { id: '365d', days: 365, label: 'Last 365 days' },
];

/**
 * A dashboard window: the last `days` UTC days, or the UTC days from `from` (inclusive) to `to`
 * (exclusive).
 */
export type Period =
  | { readonly kind: 'days'; readonly days: number }
  | { readonly kind: 'range'; readonly from: string; readonly to: string };

/** Period query parameters. A `null` value removes the parameter when merged into the URL. */
export interface PeriodQueryParams {
  days: string | null;
  from: string | null;
  to: string | null;
}

/** Period parameters in the form the dashboard endpoints take. */
export type PeriodApiParams = { days: number } | { from: string; to: string };

/** Outcome of reading the URL: the period to show, and why the URL's period was ignored, if so. */
export interface PeriodParseResult {
  readonly period: Period;
  readonly problem: string | null;
}

/** Outcome of checking a custom range typed by the user. */
export type CustomRangeResult =
  { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly problem: string };

export const DEFAULT_PERIOD: Period = { kind: 'days', days: DEFAULT_PERIOD_DAYS };

/** Returns true for a real calendar day written as YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  const match = ISO_DAY_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));

  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Adds `count` days (negative to subtract) to a YYYY-MM-DD day. */
export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** Returns the UTC day containing the instant `nowMs`, as YYYY-MM-DD. */
export function utcDay(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

/**
 * Reads the period from URL query parameters. Anything the API would reject (as a 400) falls back
 * to the default period, and `problem` describes what was wrong.
 */
export function parsePeriodParams(params: Partial<PeriodQueryParams>): PeriodParseResult {
  const days = params.days ?? null;
  const from = params.from ?? null;
  const to = params.to ?? null;

  if (days === null && from === null && to === null) {
    return { period: DEFAULT_PERIOD, problem: null };
  }
  const problem = findPeriodProblem(days, from, to);
  if (problem !== null) {
    return {
      period: DEFAULT_PERIOD,
      problem: `${problem} Showing the last ${DEFAULT_PERIOD_DAYS} days instead.`,
    };
  }

  return days !== null
    ? { period: { kind: 'days', days: Number(days) }, problem: null }
    : { period: { kind: 'range', from: from as string, to: to as string }, problem: null };
}

function findPeriodProblem(
  days: string | null,
  from: string | null,
  to: string | null,
): string | null {
  if (days !== null && (from !== null || to !== null)) {
    return 'The link sets both days and from/to. Use one or the other.';
  }
  if (days !== null) {
    const count = Number(days);
    const valid = /^\d+$/.test(days) && count >= 1 && count <= MAX_PERIOD_DAYS;

    return valid
      ? null
      : `days must be a whole number from 1 to ${MAX_PERIOD_DAYS} (got "${days}").`;
  }
  if (from === null || to === null) {
    return `A custom range needs both from and to (got only ${from === null ? 'to' : 'from'}).`;
  }
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isIsoDay(value)) {
      return `${name} must be a date written YYYY-MM-DD (got "${value}").`;
    }
  }
  const span = daysBetween(from, to);
  if (span < 1) {
    return `to (exclusive) must be after from (got from ${from}, to ${to}).`;
  }
  if (span > MAX_PERIOD_DAYS) {
    return `A custom range can cover at most ${MAX_PERIOD_DAYS} days (got ${span}).`;
  }

  return null;
}

/**
 * Checks a custom range as the user enters it: both days inclusive, YYYY-MM-DD (what
 * `<input type="date">` produces). On success the period carries the exclusive `to`.
 */
export function validateCustomRange(from: string, toInclusive: string): CustomRangeResult {
  if (from === '' || toInclusive === '') {
    return { ok: false, problem: 'Choose both a start date and an end date.' };
  }
  if (!isIsoDay(from) || !isIsoDay(toInclusive)) {
    return { ok: false, problem: 'Enter the dates as YYYY-MM-DD.' };
  }
  const span = daysBetween(from, toInclusive) + 1;
  if (span < 1) {
    return { ok: false, problem: 'The end date is before the start date.' };
  }
  if (span > MAX_PERIOD_DAYS) {
    return {
      ok: false,
      problem: `A custom range can cover at most ${MAX_PERIOD_DAYS} days, but this one covers ${span}.`,
    };
  }

  return { ok: true, period: { kind: 'range', from, to: addDays(toInclusive, 1) } };
}

/** Returns the query parameters that reproduce `period`, with `null` for the ones to remove. */
export function periodToQueryParams(period: Period): PeriodQueryParams {
  return period.kind === 'days'
    ? { days: String(period.days), from: null, to: null }
    : { days: null, from: period.from, to: period.to };
}

/** Returns the window parameters for the dashboard endpoints. */
export function periodToApiParams(period: Period): PeriodApiParams {
  return period.kind === 'days' ? { days: period.days } : { from: period.from, to: period.to };
}

/** Returns the preset matching `period`, or null for a custom range or an unlisted day count. */
export function findPreset(period: Period): PeriodPreset | null {
  if (period.kind !== 'days') {
    return null;
  }

  return PERIOD_PRESETS.find((preset) => preset.days === period.days) ?? null;
}

/** Returns the first and last UTC day (both inclusive) that `period` covers on the day `today`. */
export function periodDays(period: Period, today: string): { first: string; last: string } {
  if (period.kind === 'days') {
    return { first: addDays(today, 1 - period.days), last: today };
  }

  return { first: period.from, last: addDays(period.to, -1) };
}

/** Returns the short name of a period, such as "Last 30 days" or "Custom range". */
export function periodLabel(period: Period): string {
  if (period.kind === 'range') {
    return 'Custom range';
  }

  return findPreset(period)?.label ?? `Last ${period.days} days`;
}

/**
 * Returns the days a period covers as text, with the last day shown inclusive: for example
 * "Nov 28, 2026 – Dec 4, 2026 (UTC)" in the en-US locale.
 */
export function describePeriodDays(period: Period, today: string, locale: string): string {
  const { first, last } = periodDays(period, today);
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const firstText = format.format(Date.parse(`${first}T00:00:00Z`));
  if (first === last) {
    return `${firstText} (UTC)`;
  }

  return `${firstText} – ${format.format(Date.parse(`${last}T00:00:00Z`))} (UTC)`;
}
