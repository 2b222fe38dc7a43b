import { Module } from '@nestjs/common';
import { makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';

import { AuthModule } from '../auth/auth.module.js';
import { CatalogModule } from '../catalog/index.js';
import { SchedulingModule } from '../scheduling/index.js';
import { SegmentManagementService } from './segment-management.service.js';
import { SegmentRefreshScheduleSource } from './segment-refresh.schedule-source.js';
import { SegmentRefreshService } from './segment-refresh.service.js';
import { SegmentViewsRepository } from './segment-views.repository.js';
import { SegmentViewsService } from './segment-views.service.js';
import { SegmentsController } from './segments.controller.js';
import { SegmentsRepository } from './segments.repository.js';
import { SegmentsService } from './segments.service.js';

/** Segments: materialized views of customer-schema filters, refreshed on demand or on a schedule. */
@Module({
  imports: [AuthModule, CatalogModule, SchedulingModule],
  controllers: [SegmentsController],
  providers: [
    SegmentsRepository,
    SegmentViewsRepository,
    SegmentViewsService,
    SegmentRefreshService,
    SegmentRefreshScheduleSource,
    SegmentManagementService,
    SegmentsService,
    makeCounterProvider({
      name: 'kaireon_segment_refresh_total',
      help: 'Segment view refreshes, by result (succeeded, failed, skipped)',
      labelNames: ['result'],
    }),
    makeHistogramProvider({
      name: 'kaireon_segment_refresh_duration_seconds',
      help: 'Duration of segment view refreshes, by result',
      labelNames: ['result'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    }),
  ],
  exports: [SegmentsService],
})
export class SegmentsModule {}
