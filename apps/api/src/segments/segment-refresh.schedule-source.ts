import { Injectable, type OnModuleInit } from '@nestjs/common';

import { ConflictError, NotFoundError } from '../common/errors/domain-errors.js';
import { logger } from '../common/logging/logger.js';
import {
  type DueSchedule,
  type ScheduleOccurrence,
  type ScheduleProgress,
  type ScheduleSource,
  ScheduleSourceRegistry,
} from '../scheduling/index.js';
import { SegmentRefreshService } from './segment-refresh.service.js';
import { SegmentsRepository } from './segments.repository.js';

/** Schedule kind of segment refreshes in `schedule_occurrences`. */
export const SEGMENT_REFRESH_KIND = 'segment_refresh';

/** Most segments one tick takes from this source; the rest are due on the next tick. */
const MAX_DUE_PER_TICK = 1_000;

/**
 * Segment refresh schedules as a source of the scheduling module, which claims
 * each due occurrence once across replicas; `run` starts the background
 * refresh, like `POST /segments/{id}/refresh`.
 */
@Injectable()
export class SegmentRefreshScheduleSource implements ScheduleSource, OnModuleInit {
  readonly kind = SEGMENT_REFRESH_KIND;

  constructor(
    private readonly registry: ScheduleSourceRegistry,
    private readonly segments: SegmentsRepository,
    private readonly refreshes: SegmentRefreshService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async listDue(now: Date): Promise<DueSchedule[]> {
    const rows = await this.segments.listDue(now, MAX_DUE_PER_TICK);
    return rows.flatMap((row) =>
      row.refreshCron === null
        ? []
        : [
            {
              tenantId: row.tenantId,
              scheduleId: row.id,
              cron: row.refreshCron,
              timeZone: row.refreshTimeZone,
              lastScheduledFor: row.lastScheduledFor,
              createdAt: row.createdAt,
            },
          ],
    );
  }

  async run(occurrence: ScheduleOccurrence): Promise<void> {
    try {
      await this.refreshes.request(occurrence.tenantId, occurrence.scheduleId, 'schedule');
    } catch (error) {
      if (!(error instanceof NotFoundError) && !(error instanceof ConflictError)) {
        throw error;
      }
      logger.info(
        {
          action: 'segment.schedule_skipped',
          tenantId: occurrence.tenantId,
          segmentId: occurrence.scheduleId,
        },
        'scheduled refresh skipped: the segment was deleted or is a draft',
      );
    }
  }

  async saveProgress(progress: ScheduleProgress): Promise<void> {
    await this.segments.advanceSchedule({
      tenantId: progress.tenantId,
      id: progress.scheduleId,
      scheduledFor: progress.lastScheduledFor,
      nextRefreshAt: progress.nextRunAt,
    });
  }
}
