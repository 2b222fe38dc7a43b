import { Module } from '@nestjs/common';

/** Cron schedules in a time zone, exactly-once claiming of due occurrences, the timer and the tick. */
@Module({})
export class SchedulingModule {}
