import { Injectable, type OnModuleInit } from '@nestjs/common';

import { logger } from '../../common/logging/logger.js';
import {
  type DueSchedule,
  type ScheduleOccurrence,
  type ScheduleProgress,
  type ScheduleSource,
  ScheduleSourceRegistry,
} from '../../scheduling/index.js';
import { ReportRunExecutor } from '../runs/report-run-executor.js';
import { ReportRunsRepository } from '../runs/report-runs.repository.js';
import { pendingDelivery } from '../runs/run-files.js';
import { ReportSchedulesRepository } from './report-schedules.repository.js';

/** Schedule kind of report schedules in `schedule_occurrences`. */
export const REPORT_SCHEDULE_KIND = 'report';

/** Most schedules one tick takes from this source; the rest are due on the next tick. */
const MAX_DUE_PER_TICK = 1_000;

/**
 * Report schedules as a source of the scheduling module. The module claims each due occurrence
 * once across replicas and triggers. `run` then inserts the run and starts it in the
 * background. The unique (tenant, schedule, scheduled_for) index of runs is a second guard.
 */
@Injectable()
export class ReportScheduleSource implements ScheduleSource, OnModuleInit {
  readonly kind = REPORT_SCHEDULE_KIND;

  constructor(
    private readonly registry: ScheduleSourceRegistry,
    private readonly schedules: ReportSchedulesRepository,
    private readonly runs: ReportRunsRepository,
    private readonly executor: ReportRunExecutor,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async listDue(now: Date): Promise<DueSchedule[]> {
    const rows = await this.schedules.listDue(now, MAX_DUE_PER_TICK);
    return rows.map((row) => ({
      tenantId: row.tenantId,
      scheduleId: row.id,
      cron: row.cron,
      timeZone: row.timeZone,
      lastScheduledFor: row.lastScheduledFor,
      createdAt: row.createdAt,
    }));
  }

  async run(occurrence: ScheduleOccurrence): Promise<void> {
    const schedule = await this.schedules.findById(occurrence.tenantId, occurrence.scheduleId);
    if (!schedule) {
      logger.warn(
        {
          action: 'reporting.schedule.gone',
          tenantId: occurrence.tenantId,
          scheduleId: occurrence.scheduleId,
        },
        'a claimed report schedule was deleted before its run was created',
      );
      return;
    }
    const run = await this.runs.insert({
      tenantId: schedule.tenantId,
      templateId: schedule.templateId,
      scheduleId: schedule.id,
      trigger: occurrence.trigger,
      scheduledFor: occurrence.scheduledFor,
      status: 'queued',
      deliveries: schedule.destinations.map(pendingDelivery),
      createdAt: occurrence.tickAt,
    });
    if (!run) {
      logger.warn(
        {
          action: 'reporting.schedule.duplicate',
          tenantId: occurrence.tenantId,
          scheduleId: occurrence.scheduleId,
          scheduledFor: occurrence.scheduledFor.toISOString(),
        },
        'a run for this occurrence exists already; not starting another',
      );
      return;
    }
    this.executor.startInBackground(run.tenantId, run.id);
  }

  async saveProgress(progress: ScheduleProgress): Promise<void> {
    await this.schedules.advance({
      tenantId: progress.tenantId,
      id: progress.scheduleId,
      scheduledFor: progress.lastScheduledFor,
      nextRunAt: progress.nextRunAt,
    });
  }

  /** Records occurrences skipped by downtime as runs with status `missed`. */
  async recordMissed(occurrences: ScheduleOccurrence[]): Promise<void> {
    for (const occurrence of occurrences) {
      const schedule = await this.schedules.findById(occurrence.tenantId, occurrence.scheduleId);
      if (!schedule) {
        continue;
      }
      const run = await this.runs.insert({
        tenantId: schedule.tenantId,
        templateId: schedule.templateId,
        scheduleId: schedule.id,
        trigger: occurrence.trigger,
        scheduledFor: occurrence.scheduledFor,
        status: 'missed',
        deliveries: [],
        createdAt: occurrence.tickAt,
      });
      if (run) {
        this.executor.countMissed();
      }
    }
  }
}
