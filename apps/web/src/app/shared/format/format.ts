import { InjectionToken } from '@angular/core';

/**
 * Number, rate, duration and time formatting for the portal. Every function returns `NO_VALUE`
 * for null, undefined or NaN, so a missing figure never shows as 0.
 */

/** Text shown in place of a missing value. */
export const NO_VALUE = '—';

/** IANA time zone for displayed timestamps: the browser's own zone unless a test pins one. */
export const VIEWER_TIME_ZONE = new InjectionToken<string>('VIEWER_TIME_ZONE', {
  providedIn: 'root',
  factory: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
});

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/** Formats a count or amount with digit grouping, or in "12.3K" style with `compact`. */
export function formatCount(
  value: number | null | undefined,
  locale: string,
  options: { compact?: boolean } = {},
): string {
  if (isMissing(value)) {
    return NO_VALUE;
  }
  const format = options.compact
    ? new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 })
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

  return format.format(value);
}

/**
 * Formats a rate given as a fraction (0.123) as a percentage ("12.3%"). `signed` adds "+" to
 * positive values, for changes against a previous period.
 */
export function formatRate(
  fraction: number | null | undefined,
  locale: string,
  options: { fractionDigits?: number; signed?: boolean } = {},
): string {
  if (isMissing(fraction)) {
    return NO_VALUE;
  }
  const digits = options.fractionDigits ?? 1;

  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(fraction);
}

/**
 * Formats a duration given in milliseconds with a readable unit: "0.4 ms", "88.5 ms", "412 ms",
 * "1.25 s", "2.5 min".
 */
export function formatDurationMs(ms: number | null | undefined, locale: string): string {
  if (isMissing(ms)) {
    return NO_VALUE;
  }
  const magnitude = Math.abs(ms);
  if (magnitude < 1_000) {
    const digits = magnitude < 100 ? 1 : 0;

    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(ms)} ms`;
  }
  if (magnitude < 60_000) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(ms / 1_000)} s`;
  }

  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 60_000)} min`;
}

/** Whether a timestamp shows the date and the time, or the time of day alone. */
export type TimestampStyle = 'datetime' | 'time';

/**
 * Formats an instant in `timeZone` and names the zone: "Dec 4, 2026, 16:01:05 Europe/Berlin", or
 * "16:01:05 Europe/Berlin" with the `time` style. Accepts ISO 8601 strings, epoch milliseconds and
 * Date objects.
 */
export function formatTimestamp(
  value: string | number | Date | null | undefined,
  locale: string,
  timeZone: string,
  style: TimestampStyle = 'datetime',
): string {
  if (value === null || value === undefined) {
    return NO_VALUE;
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return NO_VALUE;
  }
  const dateParts: Intl.DateTimeFormatOptions =
    style === 'datetime' ? { year: 'numeric', month: 'short', day: 'numeric' } : {};
  const text = new Intl.DateTimeFormat(locale, {
    ...dateParts,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);

  return `${text} ${timeZone}`;
}

/** Formats a UTC day bucket ("2026-12-01") and labels it as UTC: "Dec 1, 2026 UTC". */
export function formatUtcDay(day: string | null | undefined, locale: string): string {
  if (day === null || day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return NO_VALUE;
  }
  const text = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${day}T00:00:00Z`));

  return `${text} UTC`;
}
