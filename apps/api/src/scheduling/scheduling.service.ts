import { randomUUID } from 'node:crypto';
import * as os from 'node:os';

import { Injectable } from '@nestjs/common';

import { logger } from '../common/logging/logger.js';
import { Clock } from '../core/clock.js';
import { nextOccurrences, planDue } from './cron/index.js';
import {
  type NewOccurrence,
  type OccurrenceStatus,
  ScheduleOccurrencesRepository,
} from './schedule-occurrences.repository.js';
import type {
  DueSchedule,
  ScheduleOccurrence,
  ScheduleSource,
  TickTrigger,
} from './schedule-source.js';
import { ScheduleSourceRegistry } from './schedule-source.registry.js';

/** Counts of one tick. */
export interface TickResult {
  trigger: TickTrigger;
  now: Date;
  /** Schedules the sources listed as possibly due. */
  schedules: number;
  /** Occurrences this runner claimed and ran. */
  claimed: number;
  /** Occurrences this runner recorded as missed. */
  missed: number;
  succeeded: number;
  failed: number;
  /** Sources or schedules that could not be listed or planned (logged). */
  errors: number;
}

/** Maximum length of the error message stored on a failed occurrence. */
const MAX_ERROR_LENGTH = 2_000;

interface ClaimedRun {
  source: ScheduleSource;
  occurrence: ScheduleOccurrence;
}

/**
 * Runs the scheduler tick. For every registered source it plans each listed schedule with the
 * cron core and inserts the due occurrence into `schedule_occurrences`, whose primary key lets
 * only one runner claim it. Earlier skipped occurrences are recorded as missed, and then this
 * runner runs what it claimed. The in-process timer and `POST /api/cron/tick` both call it, in
 * any number of replicas.
 */
@Injectable()
export class SchedulingService {
  /** Names this runner in `schedule_occurrences.claimed_by`. */
  readonly runnerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly registry: ScheduleSourceRegistry,
    private readonly occurrences: ScheduleOccurrencesRepository,
    private readonly clock: Clock,
  ) {}

  async tick(params: { trigger: TickTrigger; now: Date }): Promise<TickResult> {
    const startedAt = Date.now();
    const result: TickResult = {
      ...params,
      schedules: 0,
      claimed: 0,
      missed: 0,
      succeeded: 0,
      failed: 0,
      errors: 0,
    };
    const runs: ClaimedRun[] = [];
    for (const source of this.registry.sources()) {
      runs.push(...(await this.claimFromSource(source, params, result)));
    }
    for (const run of runs) {
      const status = await this.runOccurrence(run);
      result[status === 'succeeded' ? 'succeeded' : 'failed'] += 1;
    }
    const { now, ...counts } = result;
    // Most ticks find nothing due; those are logged at debug level to keep the log readable.
    const level = result.claimed + result.missed + result.errors > 0 ? 'info' : 'debug';
    logger[level](
      {
        action: 'scheduling.tick',
        ...counts,
        now: now.toISOString(),
        runner: this.runnerId,
        durationMs: Date.now() - startedAt,
      },
      'scheduler tick done',
    );
    return result;
  }

  private async claimFromSource(
    source: ScheduleSource,
    tick: { trigger: TickTrigger; now: Date },
    result: TickResult,
  ): Promise<ClaimedRun[]> {
    let schedules: DueSchedule[];
    try {
      schedules = await source.listDue(tick.now);
    } catch (error) {
      result.errors += 1;
      logger.error(
        { action: 'scheduling.list-failed', kind: source.kind, err: error },
        'failed to list due schedules',
      );
      return [];
    }
    result.schedules += schedules.length;
    const runs: ClaimedRun[] = [];
    for (const schedule of schedules) {
      try {
        const claimed = await this.claimSchedule(source, schedule, tick, result);
        if (claimed) {
          runs.push({ source, occurrence: claimed });
        }
      } catch (error) {
        result.errors += 1;
        logger.error(
          {
            action: 'scheduling.plan-failed',
            kind: source.kind,
            tenantId: schedule.tenantId,
            scheduleId: schedule.scheduleId,
            err: error,
          },
          'failed to plan or claim a schedule',
        );
      }
    }
    return runs;
  }

  /** Claims the schedule's due occurrence and records missed ones; returns the occurrence if this runner won it. */
  private async claimSchedule(
    source: ScheduleSource,
    schedule: DueSchedule,
    tick: { trigger: TickTrigger; now: Date },
    result: TickResult,
  ): Promise<ScheduleOccurrence | null> {
    const spec = { expression: schedule.cron, timeZone: schedule.timeZone };
    const plan = planDue({
      ...spec,
      lastScheduledFor: schedule.lastScheduledFor,
      createdAt: schedule.createdAt,
      now: tick.now,
    });
    if (plan.due === null) {
      return null;
    }

    const occurrence = (scheduledFor: Date): ScheduleOccurrence => ({
      kind: source.kind,
      tenantId: schedule.tenantId,
      scheduleId: schedule.scheduleId,
      scheduledFor,
      trigger: tick.trigger,
      tickAt: tick.now,
    });
    const inserted = await this.occurrences.claim([
      ...plan.missed.map((scheduledFor) => this.toRow(occurrence(scheduledFor), 'missed')),
      this.toRow(occurrence(plan.due), 'claimed'),
    ]);
    const missed = inserted
      .filter((row) => row.status === 'missed')
      .map((row) => occurrence(new Date(row.scheduledFor)));
    const won = inserted.some((row) => row.status === 'claimed');
    result.missed += missed.length;
    result.claimed += won ? 1 : 0;
    await this.recordMissed(source, missed, plan.missedTruncated);

    const [nextRunAt = null] = nextOccurrences({ ...spec, after: tick.now, count: 1 });
    const ids = { tenantId: schedule.tenantId, scheduleId: schedule.scheduleId };
    await source.saveProgress({ ...ids, lastScheduledFor: plan.due, nextRunAt });
    return won ? occurrence(plan.due) : null;
  }

  private toRow(occurrence: ScheduleOccurrence, status: 'claimed' | 'missed'): NewOccurrence {
    return {
      tenantId: occurrence.tenantId,
      scheduleKind: occurrence.kind,
      scheduleId: occurrence.scheduleId,
      scheduledFor: occurrence.scheduledFor,
      status,
      claimedBy: this.runnerId,
      trigger: occurrence.trigger,
    };
  }

  private async recordMissed(
    source: ScheduleSource,
    missed: ScheduleOccurrence[],
    truncated: boolean,
  ): Promise<void> {
    if (missed.length === 0) {
      return;
    }
    const first = missed[0];
    logger.warn(
      {
        action: 'scheduling.missed',
        kind: source.kind,
        tenantId: first.tenantId,
        scheduleId: first.scheduleId,
        missed: missed.length,
        truncated,
      },
      'occurrences skipped by downtime were recorded as missed; only the most recent one runs',
    );
    await source.recordMissed?.(missed);
  }

  private async runOccurrence({ source, occurrence }: ClaimedRun): Promise<OccurrenceStatus> {
    const startedAt = Date.now();
    const key = {
      tenantId: occurrence.tenantId,
      scheduleKind: occurrence.kind,
      scheduleId: occurrence.scheduleId,
      scheduledFor: occurrence.scheduledFor,
    };
    const ids = { ...key, scheduledFor: occurrence.scheduledFor.toISOString() };
    let error: string | null = null;
    try {
      await source.run(occurrence);
    } catch (caught) {
      error = (caught instanceof Error ? caught.message : String(caught)).slice(
        0,
        MAX_ERROR_LENGTH,
      );
      logger.error(
        { action: 'scheduling.run-failed', ...ids, err: caught },
        'scheduled run failed',
      );
    }
    const status = error === null ? 'succeeded' : 'failed';
    try {
      await this.occurrences.finish(key, { status, finishedAt: this.clock.now(), error });
    } catch (caught) {
      logger.error(
        { action: 'scheduling.finish-failed', ...ids, err: caught },
        'failed to record how a run ended',
      );
    }
    logger.info(
      { action: 'scheduling.run', ...ids, status, durationMs: Date.now() - startedAt },
      'scheduled run ended',
    );
    return status;
  }
}
