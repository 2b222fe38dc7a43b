import { InvalidParameterError } from '../common/errors/domain-errors.js';
import { type DayWindow, resolveDayWindow } from '../common/time/window.js';
import type { DashboardFilters } from '../panels/panel.types.js';
import { isValidTimeZone } from '../scheduling/index.js';

/** Filters as stored on a template and passed to providers: absent fields are left out. */
export interface ReportFilters {
  days?: number;
  from?: string;
  to?: string;
  segmentId?: string;
  windowHours?: number;
}

type FilterInput = { [K in keyof ReportFilters]?: ReportFilters[K] | null };

/** Drops null and undefined fields, so `{days: 30, from: null}` becomes `{days: 30}`. */
export function normaliseFilters(input: FilterInput | null | undefined): ReportFilters {
  const filters: ReportFilters = {};
  if (!input) {
    return filters;
  }
  if (input.days !== null && input.days !== undefined) {
    filters.days = input.days;
  }
  if (input.from !== null && input.from !== undefined) {
    filters.from = input.from;
  }
  if (input.to !== null && input.to !== undefined) {
    filters.to = input.to;
  }
  if (input.segmentId !== null && input.segmentId !== undefined) {
    filters.segmentId = input.segmentId.toLowerCase();
  }
  if (input.windowHours !== null && input.windowHours !== undefined) {
    filters.windowHours = input.windowHours;
  }
  return filters;
}

/**
 * Resolves the day window of the filters at `now`, as dashboards do (7 days by default).
 * Errors name the field under `filters.`, e.g. `filters.to`.
 */
export function resolveReportWindow(filters: ReportFilters, now: Date): DayWindow {
  try {
    return resolveDayWindow(filters, now);
  } catch (error) {
    if (error instanceof InvalidParameterError) {
      const details = error.details.map((detail) => ({
        ...detail,
        field: detail.field ? `filters.${detail.field}` : detail.field,
      }));
      const first = details[0];
      const message = first?.field ? `${first.field} ${first.reason}` : error.message;
      throw new InvalidParameterError(message, details);
    }
    throw error;
  }
}

/** Converts the filters to the shape of the panel contract. */
export function toDashboardFilters(filters: ReportFilters): DashboardFilters {
  return { ...filters };
}

/** Checks a report's IANA time zone; `field` is the request field to name in the 400. */
export function requireTimeZone(field: string, value: string): string {
  if (!isValidTimeZone(value)) {
    throw InvalidParameterError.forField(
      field,
      value,
      'must be an IANA time zone such as "UTC", "Europe/Berlin" or "Asia/Kolkata"',
    );
  }
  return value;
}
