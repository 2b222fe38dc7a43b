import { Injectable } from '@nestjs/common';

import { PartitionService } from '../../database/partitions.js';
import { ScheduleOccurrencesRepository } from '../schedule-occurrences.repository.js';
import {
  type DueSchedule,
  type ScheduleOccurrence,
  type ScheduleSource,
  SYSTEM_TENANT_ID,
} from '../schedule-source.js';
import { RetentionService } from './retention.service.js';

/** Days of day partitions kept ready ahead of today. */
export const PARTITION_DAYS_AHEAD = 7;

const DAY_MS = 86_400_000;

/** The service's own daily jobs, in UTC; retention runs after partition creation. */
export const SYSTEM_JOBS = [
  { id: 'partitions', cron: '5 0 * * *' },
  { id: 'retention', cron: '20 0 * * *' },
] as const;
export type SystemJobId = (typeof SYSTEM_JOBS)[number]['id'];

/**
 * The schedule source of the system jobs, under the nil tenant id. Their progress is the latest
 * row in `schedule_occurrences`, so they need no table of their own. A job that never ran
 * counts from one day ago, so a new installation runs each job on its first tick.
 */
@Injectable()
export class SystemJobsSource implements ScheduleSource {
  readonly kind = 'system';

  constructor(
    private readonly occurrences: ScheduleOccurrencesRepository,
    private readonly partitions: PartitionService,
    private readonly retention: RetentionService,
  ) {}

  async listDue(now: Date): Promise<DueSchedule[]> {
    const schedules: DueSchedule[] = [];
    for (const job of SYSTEM_JOBS) {
      schedules.push({
        tenantId: SYSTEM_TENANT_ID,
        scheduleId: job.id,
        cron: job.cron,
        timeZone: 'UTC',
        lastScheduledFor: await this.occurrences.latestScheduledFor(
          SYSTEM_TENANT_ID,
          this.kind,
          job.id,
        ),
        createdAt: new Date(now.getTime() - DAY_MS),
      });
    }
    return schedules;
  }

  async run(occurrence: ScheduleOccurrence): Promise<void> {
    const job = occurrence.scheduleId as SystemJobId;
    switch (job) {
      case 'partitions':
        await this.partitions.ensureRange(occurrence.tickAt, PARTITION_DAYS_AHEAD);
        return;
      case 'retention':
        await this.retention.run(occurrence.tickAt);
        return;
      default:
        throw new Error(`Unknown system job ${String(occurrence.scheduleId)}`);
    }
  }

  /** Progress is read back from `schedule_occurrences`, so there is nothing to store. */
  async saveProgress(): Promise<void> {}
}
