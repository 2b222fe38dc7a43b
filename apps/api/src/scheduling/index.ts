export { SchedulingModule } from './scheduling.module.js';
export { ScheduleSourceRegistry } from './schedule-source.registry.js';
export { SchedulingService, type TickResult } from './scheduling.service.js';
export {
  type DueSchedule,
  type ScheduleOccurrence,
  type ScheduleProgress,
  type ScheduleSource,
  SYSTEM_TENANT_ID,
  type TickTrigger,
} from './schedule-source.js';
export { nextRunTimes, type ScheduleFields, validateSchedule } from './schedule-calendar.js';
export { firstRetainedDay, retentionCutoff } from './system-jobs/retention-policy.js';
export { RetentionService, type RetentionSummary } from './system-jobs/retention.service.js';
export { PARTITION_DAYS_AHEAD, SYSTEM_JOBS } from './system-jobs/system-jobs.source.js';
export { isValidTimeZone, MAX_OCCURRENCES } from './cron/index.js';
