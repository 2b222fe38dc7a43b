import { type Period, addDays, daysBetween } from '../filters/period';

/** Widest window of `GET /api/v1/dashboards/decision-pipeline`, in hours (7 days). */
export const MAX_PIPELINE_WINDOW_HOURS = 168;

const HOURS_PER_DAY = 24;

/** The pipeline window a period maps to, and what the panel says when it differs. */
export interface PipelineWindow {
  readonly windowHours: number;
  /** Why the panel shows another window than the period, or null when it shows the period. */
  readonly note: string | null;
}

/** Describes a number of hours in words: "24 hours", "7 days", "36 hours". */
export function describeHours(hours: number): string {
  if (hours % HOURS_PER_DAY === 0 && hours > HOURS_PER_DAY) {
    return `${hours / HOURS_PER_DAY} days`;
  }

  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/**
 * Returns the short window label of the panel header: "last 24h", "last 7d", "last 36h". Whole
 * days above one day are shown in days.
 */
export function formatWindowLabel(windowHours: number): string {
  if (windowHours % HOURS_PER_DAY === 0 && windowHours > HOURS_PER_DAY) {
    return `last ${windowHours / HOURS_PER_DAY}d`;
  }

  return `last ${windowHours}h`;
}

/**
 * Maps the dashboard period to the pipeline's `windowHours`: 24 hours per day of the period,
 * capped at 168. The pipeline always covers the hours up to now, so a custom range that ends
 * before today also gets a note. `today` is the current UTC day (YYYY-MM-DD).
 */
export function pipelineWindowForPeriod(period: Period, today: string): PipelineWindow {
  const days = period.kind === 'days' ? period.days : daysBetween(period.from, period.to);
  const requestedHours = days * HOURS_PER_DAY;
  const windowHours = Math.min(requestedHours, MAX_PIPELINE_WINDOW_HOURS);
  const endsToday = period.kind === 'days' || period.to === addDays(today, 1);

  if (!endsToday) {
    return {
      windowHours,
      note:
        `The pipeline always covers the hours up to now, so it shows the last ` +
        `${describeHours(windowHours)}, not the selected range.`,
    };
  }
  if (requestedHours > MAX_PIPELINE_WINDOW_HOURS) {
    return {
      windowHours,
      note: `Showing the last ${describeHours(windowHours)}: the pipeline keeps ${MAX_PIPELINE_WINDOW_HOURS} hours.`,
    };
  }

  return { windowHours, note: null };
}
