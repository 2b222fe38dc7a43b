/** The tenant id of the service's own jobs (partition creation, retention). */
export const SYSTEM_TENANT_ID = '00000000-0000-0000-0000-000000000000';

/** The trigger of a tick: the in-process timer (`schedule`) or `POST /api/cron/tick` (`tick`). */
export type TickTrigger = 'schedule' | 'tick';

/** A schedule that may have occurrences due, as its source lists it. */
export interface DueSchedule {
  tenantId: string;
  /** Unique within the source's kind and tenant. */
  scheduleId: string;
  /** 5-field cron expression. */
  cron: string;
  /** IANA time zone the expression is evaluated in. */
  timeZone: string;
  /** The occurrence the schedule last ran or recorded as missed; null if none yet. */
  lastScheduledFor: Date | null;
  /** When the schedule was created; an occurrence at exactly this instant is not due. */
  createdAt: Date;
}

/** One occurrence of a schedule, claimed or missed. */
export interface ScheduleOccurrence {
  kind: string;
  tenantId: string;
  scheduleId: string;
  /** The instant the cron expression selected. */
  scheduledFor: Date;
  trigger: TickTrigger;
  /** The `now` of the tick that claimed it, which may be later than `scheduledFor`. */
  tickAt: Date;
}

/** The progress of a schedule after a tick planned it. */
export interface ScheduleProgress {
  tenantId: string;
  scheduleId: string;
  /** The occurrence just claimed (by this or another runner). */
  lastScheduledFor: Date;
  /** The next occurrence after the tick, or null when the expression has none. */
  nextRunAt: Date | null;
}

/**
 * A kind of schedule that a module registers with `ScheduleSourceRegistry`. The tick lists
 * the due schedules, claims each due occurrence exactly once across all replicas, and calls
 * `run` only in the replica that claimed it.
 */
export interface ScheduleSource {
  /** Names the source in `schedule_occurrences`, such as `report` or `segment_refresh`. */
  readonly kind: string;
  /**
   * Lists the schedules that may have an occurrence due at `now`, such as those whose
   * `nextRunAt` is at or before it. Listing more is harmless: the tick skips schedules with
   * nothing due.
   */
  listDue(now: Date): Promise<DueSchedule[]>;
  /**
   * Runs a claimed occurrence. It should return once the work is done or handed to the
   * background, because the tick runs occurrences one after another. A thrown error is logged
   * and recorded on the occurrence.
   */
  run(occurrence: ScheduleOccurrence): Promise<void>;
  /**
   * Stores `lastScheduledFor` and `nextRunAt`. Replicas may call it for the same occurrence,
   * possibly out of order, so it must never move `lastScheduledFor` backwards (for example
   * `SET last_scheduled_for = greatest(last_scheduled_for, $1)`).
   */
  saveProgress(progress: ScheduleProgress): Promise<void>;
  /** Optionally records occurrences skipped by downtime, such as report runs with status `missed`. */
  recordMissed?(occurrences: ScheduleOccurrence[]): Promise<void>;
}
