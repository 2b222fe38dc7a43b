import { Module, type OnModuleInit } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { CronTickController } from './cron-tick.controller.js';
import { ScheduleOccurrencesRepository } from './schedule-occurrences.repository.js';
import { ScheduleSourceRegistry } from './schedule-source.registry.js';
import { SchedulerTimer } from './scheduler-timer.js';
import { SchedulingService } from './scheduling.service.js';
import { RetentionRepository } from './system-jobs/retention.repository.js';
import { RetentionService } from './system-jobs/retention.service.js';
import { SystemJobsSource } from './system-jobs/system-jobs.source.js';

/** Cron schedules in a time zone, exactly-once claiming of due occurrences, the timer and the tick. */
@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [CronTickController],
  providers: [
    ScheduleSourceRegistry,
    ScheduleOccurrencesRepository,
    SchedulingService,
    SchedulerTimer,
    RetentionRepository,
    RetentionService,
    SystemJobsSource,
  ],
  exports: [ScheduleSourceRegistry, SchedulingService, RetentionService],
})
export class SchedulingModule implements OnModuleInit {
  constructor(
    private readonly registry: ScheduleSourceRegistry,
    private readonly systemJobs: SystemJobsSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.systemJobs);
  }
}
