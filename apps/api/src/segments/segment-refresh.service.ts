import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';

import { ConflictError, NotFoundError } from '../common/errors/domain-errors.js';
import { logger } from '../common/logging/logger.js';
import { Clock } from '../core/clock.js';
import { type SegmentRow, SegmentsRepository } from './segments.repository.js';
import { describe, SegmentViewsService } from './segment-views.service.js';

export type RefreshTrigger = 'request' | 'schedule';

interface RunState {
  promise: Promise<void>;
  /** Set when another refresh was asked for while this one ran; the loop runs once more. */
  again: boolean;
}

const UNDEFINED_TABLE = '42P01';

/**
 * Refreshes segment views in the background. One refresh per segment runs at
 * a time in this process. A request that arrives meanwhile makes it run once
 * more when it ends, so the view reflects data written after the first start.
 */
@Injectable()
export class SegmentRefreshService implements BeforeApplicationShutdown {
  private readonly running = new Map<string, RunState>();

  constructor(
    private readonly segments: SegmentsRepository,
    private readonly views: SegmentViewsService,
    private readonly clock: Clock,
    @InjectMetric('kaireon_segment_refresh_total') private readonly refreshes: Counter<string>,
    @InjectMetric('kaireon_segment_refresh_duration_seconds')
    private readonly durations: Histogram<string>,
  ) {}

  /** Marks the segment as refreshing and starts the refresh; returns the segment as it is now. */
  async request(tenantId: string, segmentId: string, trigger: RefreshTrigger): Promise<SegmentRow> {
    if (!(await this.segments.markRefreshing(tenantId, segmentId))) {
      const segment = await this.segments.findById(tenantId, segmentId);
      if (!segment) {
        throw new NotFoundError('Segment', segmentId);
      }
      throw new ConflictError(
        `Segment ${segment.key} is a draft and has no view to refresh; activate it first`,
        [{ field: 'status', value: segment.status, reason: 'must be active to refresh' }],
      );
    }
    this.start(tenantId, segmentId, trigger);
    const segment = await this.segments.findById(tenantId, segmentId);
    if (!segment) {
      throw new NotFoundError('Segment', segmentId);
    }
    return segment;
  }

  /** Resolves when every refresh started so far has ended; tests and shutdown wait on it. */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.all([...this.running.values()].map((state) => state.promise));
    }
  }

  /** Runs before any module closes the database, so running refreshes can finish. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  private start(tenantId: string, segmentId: string, trigger: RefreshTrigger): void {
    const key = `${tenantId}/${segmentId}`;
    const current = this.running.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const state: RunState = { promise: Promise.resolve(), again: true };
    state.promise = this.loop(tenantId, segmentId, trigger, state).finally(() =>
      this.running.delete(key),
    );
    this.running.set(key, state);
  }

  private async loop(
    tenantId: string,
    segmentId: string,
    trigger: RefreshTrigger,
    state: RunState,
  ): Promise<void> {
    for (;;) {
      while (state.again) {
        state.again = false;
        await this.runOnce(tenantId, segmentId, trigger);
      }
      await this.clearFlag(tenantId, segmentId);
      // A request that came in while the flag was being cleared still gets its run.
      if (!state.again) {
        return;
      }
      await this.segments.markRefreshing(tenantId, segmentId);
    }
  }

  /** Runs one refresh. A failure is recorded on the segment and logged instead of thrown. */
  private async runOnce(
    tenantId: string,
    segmentId: string,
    trigger: RefreshTrigger,
  ): Promise<void> {
    const startedAt = Date.now();
    logger.info(
      { action: 'segment.refresh_started', tenantId, segmentId, trigger },
      'segment refresh started',
    );
    try {
      const customerCount = await this.views.refresh(tenantId, segmentId);
      const lastRefreshedAt = this.clock.now();
      await this.segments.recordRefresh(tenantId, segmentId, { customerCount, lastRefreshedAt });
      this.record('succeeded', startedAt);
      logger.info(
        {
          action: 'segment.refresh_finished',
          tenantId,
          segmentId,
          customerCount,
          durationMs: Date.now() - startedAt,
        },
        'segment refresh finished',
      );
    } catch (error) {
      await this.recordFailure(tenantId, segmentId, error, startedAt);
    }
  }

  private async recordFailure(
    tenantId: string,
    segmentId: string,
    error: unknown,
    startedAt: number,
  ): Promise<void> {
    const code =
      (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === UNDEFINED_TABLE) {
      // The segment was deleted or set back to draft while the refresh waited.
      logger.info(
        { action: 'segment.refresh_skipped', tenantId, segmentId },
        'segment view no longer exists',
      );
      this.record('skipped', startedAt);
      return;
    }
    logger.error(
      { action: 'segment.refresh_failed', tenantId, segmentId, err: error },
      'segment refresh failed',
    );
    this.record('failed', startedAt);
    try {
      await this.segments.recordRefreshError(tenantId, segmentId, describe(error));
    } catch (recordError) {
      logger.error(
        { action: 'segment.refresh_state_failed', tenantId, segmentId, err: recordError },
        'could not record a segment refresh error',
      );
    }
  }

  private async clearFlag(tenantId: string, segmentId: string): Promise<void> {
    try {
      await this.segments.clearRefreshing(tenantId, segmentId);
    } catch (error) {
      logger.error(
        { action: 'segment.refresh_state_failed', tenantId, segmentId, err: error },
        'could not record the end of a segment refresh',
      );
    }
  }

  private record(result: 'succeeded' | 'failed' | 'skipped', startedAt: number): void {
    this.refreshes.inc({ result });
    this.durations.observe({ result }, (Date.now() - startedAt) / 1000);
  }
}
