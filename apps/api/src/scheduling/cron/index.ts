// Pure cron evaluation for schedules: parsing, time zone checks and occurrence planning.
export {
  type CronExpression,
  CronExpressionError,
  type CronField,
  matchesCalendarDay,
  parseCronExpression,
} from './cron-expression.js';
export {
  type DuePlan,
  MAX_MISSED_OCCURRENCES,
  MAX_OCCURRENCES,
  nextOccurrences,
  occurrencesBetween,
  planDue,
  type ScheduleSpec,
} from './occurrences.js';
export { InvalidTimeZoneError, isValidTimeZone, scheduleZone } from './time-zone.js';
