import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';

import { logger } from '../../common/logging/logger.js';
import { Clock } from '../../core/clock.js';
import { DeadLetterService } from '../../dead-letter/index.js';
import { DeliveryService } from '../destinations/delivery.service.js';
import type { DeliveryPackage } from '../destinations/delivery-package.js';
import type { StoredDestination } from '../destinations/destination.types.js';
import { ReportExportService } from '../export/report-export.service.js';
import { ReportSchedulesRepository } from '../schedules/report-schedules.repository.js';
import { ReportTemplatesRepository } from '../templates/report-templates.repository.js';
import type { ReportTemplateRow } from '../templates/report-template.types.js';
import type { ReportRunRow, RunDelivery, RunStatus } from './report-run.types.js';
import { ReportRunsRepository } from './report-runs.repository.js';
import { toArtifacts, toDeliveryPackage } from './run-files.js';

/** Dead-letter topic of deliveries that failed every attempt. */
export const REPORT_DELIVERY_TOPIC = 'report_delivery';

/** Maximum wait at shutdown for runs still in progress. */
const SHUTDOWN_WAIT_MS = 30_000;

/** Payload of a `report_delivery` dead-letter event. */
export interface DeliveryDeadLetterPayload {
  runId: string;
  templateId: string;
  scheduleId: string | null;
  destinationId: string;
  destinationType: string;
}

/**
 * Executes report runs: renders the template's formats from the panel contract, delivers the
 * files to every destination, records artefacts and delivery results, and dead-letters
 * deliveries that failed every attempt.
 */
@Injectable()
export class ReportRunExecutor implements BeforeApplicationShutdown {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly runs: ReportRunsRepository,
    private readonly templates: ReportTemplatesRepository,
    private readonly schedules: ReportSchedulesRepository,
    private readonly exports: ReportExportService,
    private readonly delivery: DeliveryService,
    private readonly deadLetters: DeadLetterService,
    private readonly clock: Clock,
    @InjectMetric('kaireon_report_runs_total') private readonly runsTotal: Counter<string>,
  ) {}

  /** Starts a queued run without waiting for it; errors are logged and recorded on the run. */
  startInBackground(tenantId: string, runId: string): void {
    this.track(this.execute(tenantId, runId));
  }

  /** Keeps background work in the set that shutdown waits for, and logs it if it fails. */
  track(work: Promise<void>): void {
    const running = work
      .catch((error: unknown) => {
        logger.error(
          { action: 'reporting.background.failed', err: error },
          'background report work failed',
        );
      })
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  /**
   * Runs a queued run to its end. A run that is no longer queued is left alone.
   * NOTE: a run whose process stops midway stays `queued` or `running`; nothing marks it failed.
   */
  async execute(tenantId: string, runId: string): Promise<void> {
    const startedAt = this.clock.now();
    if (!(await this.runs.markRunning({ tenantId, id: runId, startedAt }))) {
      return;
    }
    const run = await this.runs.findById(tenantId, runId);
    if (!run) {
      return;
    }
    logger.info(
      { action: 'reporting.run.started', tenantId, runId, trigger: run.trigger },
      'report run started',
    );
    try {
      const outcome = await this.produce(run, startedAt);
      await this.finish(run, outcome);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(
        { action: 'reporting.run.failed', tenantId, runId, err: error },
        'report run failed',
      );
      await this.finish(run, {
        status: 'failed',
        error: message,
        deliveries: failAll(run.deliveries, message),
      });
    }
  }

  /** Counts a run recorded as missed in kaireon_report_runs_total. */
  countMissed(): void {
    this.runsTotal.inc({ status: 'missed' });
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.inFlight.size === 0) {
      return;
    }
    logger.info(
      { action: 'reporting.run.shutdown_wait', runs: this.inFlight.size },
      'waiting for report runs',
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_WAIT_MS);
    });
    await Promise.race([Promise.allSettled([...this.inFlight]), timeout]);
    clearTimeout(timer);
  }

  /** Loads, renders and delivers; returns the run's outcome. */
  private async produce(
    run: ReportRunRow,
    startedAt: Date,
  ): Promise<{ status: RunStatus; error: string | null; deliveries: RunDelivery[] }> {
    const template = await this.templates.findById(run.tenantId, run.templateId);
    if (!template) {
      throw new Error(`template ${run.templateId} was deleted before the run started`);
    }
    const { delivery, files } = await this.render(run, template, startedAt);
    await this.runs.saveArtifacts({
      tenantId: run.tenantId,
      id: run.id,
      artifacts: toArtifacts(files),
    });

    const destinations = await this.destinationsOf(run);
    const deliveries = await Promise.all(
      destinations.map((destination) => this.deliverOrDeadLetter(run, destination, delivery)),
    );
    const failed = deliveries.filter((entry) => entry.status === 'failed');
    return {
      status: failed.length === 0 ? 'succeeded' : 'failed',
      error:
        failed.length === 0 ? null : `${failed.length} of ${deliveries.length} deliveries failed`,
      deliveries,
    };
  }

  /**
   * Renders the template for a run. Relative periods resolve at the occurrence's instant, so a
   * late or retried run reports the same period as an on-time one.
   */
  async render(
    run: ReportRunRow,
    template: ReportTemplateRow,
    startedAt: Date,
  ): Promise<{ delivery: DeliveryPackage; files: DeliveryPackage['files'] }> {
    const document = await this.exports.loadDocument({
      tenantId: run.tenantId,
      dashboard: template.dashboard,
      filters: template.filters,
      timeZone: template.timeZone,
      asOf: run.scheduledFor ?? run.startedAt ?? startedAt,
      generatedAt: startedAt,
    });
    const files = await this.exports.renderAll(document, template.formats);
    return { delivery: toDeliveryPackage({ run, startedAt, template, document, files }), files };
  }

  /** Returns the destinations of the run's schedule, or of every enabled schedule of the template. */
  async destinationsOf(run: ReportRunRow): Promise<StoredDestination[]> {
    if (run.scheduleId) {
      const schedule = await this.schedules.findById(run.tenantId, run.scheduleId);
      return schedule?.destinations ?? [];
    }
    const schedules = await this.schedules.listByTemplate(run.tenantId, run.templateId);
    return schedules
      .filter((schedule) => schedule.enabled)
      .flatMap((schedule) => schedule.destinations);
  }

  private async deliverOrDeadLetter(
    run: ReportRunRow,
    destination: StoredDestination,
    delivery: DeliveryPackage,
  ): Promise<RunDelivery> {
    const result = await this.delivery.deliver({ destination, delivery });
    if (result.status === 'failed') {
      await this.deadLetter(run, result);
    }
    return result;
  }

  /** Sends a delivery that failed every attempt to the dead-letter queue. */
  async deadLetter(run: ReportRunRow, result: RunDelivery): Promise<void> {
    const payload: DeliveryDeadLetterPayload = {
      runId: run.id,
      templateId: run.templateId,
      scheduleId: run.scheduleId,
      destinationId: result.destinationId,
      destinationType: result.type,
    };
    try {
      await this.deadLetters.record({
        tenantId: run.tenantId,
        topic: REPORT_DELIVERY_TOPIC,
        payload: { ...payload },
        error: result.error ?? 'delivery failed',
        retryCount: result.attempts,
      });
    } catch (error) {
      logger.error(
        {
          action: 'reporting.delivery.dead_letter_failed',
          tenantId: run.tenantId,
          runId: run.id,
          err: error,
        },
        'recording a failed report delivery in the dead-letter queue failed',
      );
    }
  }

  private async finish(
    run: ReportRunRow,
    outcome: { status: RunStatus; error: string | null; deliveries: RunDelivery[] },
  ): Promise<void> {
    const finishedAt = this.clock.now();
    await this.runs.finish({ tenantId: run.tenantId, id: run.id, finishedAt, ...outcome });
    this.runsTotal.inc({ status: outcome.status });
    logger.info(
      {
        action: 'reporting.run.finished',
        tenantId: run.tenantId,
        runId: run.id,
        status: outcome.status,
      },
      'report run finished',
    );
  }
}

function failAll(deliveries: RunDelivery[], message: string): RunDelivery[] {
  return deliveries.map((entry) =>
    entry.status === 'pending'
      ? { ...entry, status: 'failed', error: `run failed: ${message}` }
      : entry,
  );
}
