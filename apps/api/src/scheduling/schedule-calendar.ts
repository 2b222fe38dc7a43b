import { UnprocessableError } from '../common/errors/domain-errors.js';
import {
  CronExpressionError,
  InvalidTimeZoneError,
  nextOccurrences,
  parseCronExpression,
  scheduleZone,
} from './cron/index.js';

/** A cron schedule as an API body carries it, with the body's field names for errors. */
export interface ScheduleFields {
  cron: string;
  timeZone: string;
  /** Field name of the expression in the request; default `cron`. */
  cronField?: string;
  /** Field name of the time zone in the request; default `timeZone`. */
  timeZoneField?: string;
}

/**
 * Checks a cron expression and IANA time zone. Throws a 422 whose message and details name
 * the request field, its value and what is wrong, such as
 * `cron minute "61" is out of range 0-59`.
 */
export function validateSchedule(fields: ScheduleFields): void {
  const cronField = fields.cronField ?? 'cron';
  const timeZoneField = fields.timeZoneField ?? 'timeZone';
  try {
    parseCronExpression(fields.cron);
  } catch (error) {
    throw toUnprocessable(error, cronField, fields.cron);
  }
  try {
    scheduleZone(fields.timeZone);
  } catch (error) {
    throw toUnprocessable(error, timeZoneField, fields.timeZone);
  }
}

/**
 * Computes the next `count` (1-10,000) run times strictly after `after`, in the schedule's time
 * zone with its daylight-saving rules. Throws the 422 of `validateSchedule` for an invalid
 * expression or zone.
 */
export function nextRunTimes(fields: ScheduleFields & { after: Date; count: number }): Date[] {
  validateSchedule(fields);
  return nextOccurrences({
    expression: fields.cron,
    timeZone: fields.timeZone,
    after: fields.after,
    count: fields.count,
  });
}

function toUnprocessable(error: unknown, field: string, value: string): unknown {
  if (error instanceof CronExpressionError || error instanceof InvalidTimeZoneError) {
    return new UnprocessableError(`${field} is invalid: ${error.message}`, [
      { field, value, reason: error.message },
    ]);
  }
  return error;
}
