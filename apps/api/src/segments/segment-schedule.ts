import { UnprocessableError } from '../common/errors/domain-errors.js';
import { isValidTimeZone, nextRunTimes } from '../scheduling/index.js';

export interface RefreshSchedule {
  refreshCron: string | null;
  refreshTimeZone: string;
  /** The next occurrence after now, or null without a cron expression. */
  nextRefreshAt: Date | null;
}

/**
 * Validates a segment's refresh schedule (a 5-field cron expression evaluated
 * in an IANA time zone) and computes its next occurrence. Invalid values are a
 * 422 naming refreshCron or refreshTimeZone, like every schedule of the API.
 */
export function resolveRefreshSchedule(params: {
  refreshCron: string | null;
  refreshTimeZone: string;
  now: Date;
}): RefreshSchedule {
  const { refreshTimeZone, now } = params;
  const refreshCron = params.refreshCron?.trim() || null;
  if (refreshCron === null) {
    if (!isValidTimeZone(refreshTimeZone)) {
      throw new UnprocessableError(
        `refreshTimeZone ${refreshTimeZone} is not a valid IANA time zone`,
        [
          {
            field: 'refreshTimeZone',
            value: refreshTimeZone,
            reason: 'must be an IANA time zone such as Europe/Berlin',
          },
        ],
      );
    }
    return { refreshCron: null, refreshTimeZone, nextRefreshAt: null };
  }
  const [next] = nextRunTimes({
    cron: refreshCron,
    timeZone: refreshTimeZone,
    cronField: 'refreshCron',
    timeZoneField: 'refreshTimeZone',
    after: now,
    count: 1,
  });
  return { refreshCron, refreshTimeZone, nextRefreshAt: next ?? null };
}
