import { type ReportFiltersDto } from '@kaireon/api-client';

import { type DashboardKey } from '../dashboards/dashboard-catalog';
import { type Period, addDays, isIsoDay, periodLabel } from '../dashboards/filters/period';

/** Query parameter of the Operations page's decision pipeline window, in hours. */
export const WINDOW_HOURS_QUERY_PARAM = 'windowHours';

/** Widest decision pipeline window the API accepts, in hours. */
const MAX_WINDOW_HOURS = 168;

/** The dashboard state an export or a saved report starts from. */
export interface DashboardView {
  readonly dashboard: DashboardKey;
  /** Period in effect on the page (the URL's, or the default). */
  readonly period: Period;
  /** Segment filter, or null for all customers. */
  readonly segmentId: string | null;
  /** Whether this dashboard applies the segment filter to its data. */
  readonly segmentsSupported: boolean;
  /** Raw `windowHours` query parameter, or null when the URL has none. */
  readonly windowHoursParam: string | null;
}

/**
 * Returns the `filters` of an export or template for what the page shows.
 *
 * - The period goes as `days` (relative: a saved report covers the N days up to each run) or as a
 *   fixed `from`/`to` range.
 * - `segmentId` goes only where the page applies it, so the file shows what the page shows.
 * - `windowHours` goes only for Operations and only when the URL sets it. Without it the API
 *   derives the pipeline window from the period (24 hours per day, at most 168), as the page does.
 */
export function buildReportFilters(view: DashboardView): ReportFiltersDto {
  const filters: ReportFiltersDto =
    view.period.kind === 'days'
      ? { days: view.period.days }
      : { from: view.period.from, to: view.period.to };

  if (view.segmentsSupported && view.segmentId !== null) {
    filters.segmentId = view.segmentId;
  }
  const windowHours = parseWindowHours(view.windowHoursParam);
  if (view.dashboard === 'operations' && windowHours !== null) {
    filters.windowHours = windowHours;
  }

  return filters;
}

/** Returns the window in hours for a valid `windowHours` value (1-168), else null. */
export function parseWindowHours(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) {
    return null;
  }
  const hours = Number(value);

  return hours >= 1 && hours <= MAX_WINDOW_HOURS ? hours : null;
}

/** Describes the period of saved filters: "Last 7 days, relative to each run". */
export function describeFilterPeriod(filters: ReportFiltersDto, locale: string): string {
  if (typeof filters.from === 'string' && typeof filters.to === 'string') {
    return `${describeRange(filters.from, filters.to, locale)}, fixed`;
  }
  const days = typeof filters.days === 'number' ? filters.days : null;
  const label = days === null ? 'Last 7 days (default)' : periodLabel({ kind: 'days', days });

  return `${label}, relative to each run`;
}

/**
 * Describes saved filters in words: "Last 30 days, relative to each run · Segment: High value ·
 * Pipeline window: 48 hours". `segmentName` maps a segment id to its name when known.
 */
export function describeReportFilters(
  filters: ReportFiltersDto,
  locale: string,
  segmentName: (id: string) => string | undefined = () => undefined,
): string {
  const parts = [describeFilterPeriod(filters, locale)];
  if (typeof filters.segmentId === 'string') {
    parts.push(`Segment: ${segmentName(filters.segmentId) ?? filters.segmentId}`);
  }
  if (typeof filters.windowHours === 'number') {
    const hours = filters.windowHours;
    parts.push(`Pipeline window: ${hours === 1 ? '1 hour' : `${hours} hours`}`);
  }

  return parts.join(' · ');
}

/** "Nov 1, 2026 – Nov 30, 2026 (UTC)", with `to` exclusive as in the API. */
function describeRange(from: string, to: string, locale: string): string {
  if (!isIsoDay(from) || !isIsoDay(to)) {
    return `${from} to ${to} (UTC)`;
  }
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const last = addDays(to, -1);
  const firstText = format.format(Date.parse(`${from}T00:00:00Z`));
  if (last === from) {
    return `${firstText} (UTC)`;
  }

  return `${firstText} – ${format.format(Date.parse(`${last}T00:00:00Z`))} (UTC)`;
}
