import { nextRunTimes } from '../../scheduling/index.js';

/** Computes the next run time after `after`; null for a disabled schedule or one that never runs again. */
export function nextRunAt(params: {
  cron: string;
  timeZone: string;
  enabled: boolean;
  after: Date;
}): Date | null {
  if (!params.enabled) {
    return null;
  }
  return (
    nextRunTimes({
      cron: params.cron,
      timeZone: params.timeZone,
      after: params.after,
      count: 1,
    })[0] ?? null
  );
}
