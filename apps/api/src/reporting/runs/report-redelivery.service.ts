import { Injectable, type OnModuleInit } from '@nestjs/common';

import { logger } from '../../common/logging/logger.js';
import { Clock } from '../../core/clock.js';
import type { Executor } from '../../database/database.types.js';
import { type DeadLetterEvent, DeadLetterService } from '../../dead-letter/index.js';
import { DeliveryService } from '../destinations/delivery.service.js';
import type { StoredDestination } from '../destinations/destination.types.js';
import { ReportTemplatesRepository } from '../templates/report-templates.repository.js';
import {
  type DeliveryDeadLetterPayload,
  REPORT_DELIVERY_TOPIC,
  ReportRunExecutor,
} from './report-run-executor.js';
import type { ReportRunRow, RunDelivery } from './report-run.types.js';
import { ReportRunsRepository } from './report-runs.repository.js';

/** Interval and number of the checks that the DLQ retry has committed before a redelivery. */
const COMMIT_POLL_MS = 250;
const COMMIT_POLL_LIMIT = 120;

/**
 * Retries dead-lettered report deliveries. The dead-letter retry handler runs inside the
 * retry's transaction, which must not stay open while a report renders and a remote server
 * responds. So the handler only checks the event and marks the delivery `retrying`. The
 * redelivery starts once that mark is visible, which means the retry committed. A redelivery
 * that fails every attempt is dead-lettered again.
 */
@Injectable()
export class ReportRedeliveryService implements OnModuleInit {
  constructor(
    private readonly runs: ReportRunsRepository,
    private readonly templates: ReportTemplatesRepository,
    private readonly executor: ReportRunExecutor,
    private readonly delivery: DeliveryService,
    private readonly deadLetters: DeadLetterService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.deadLetters.registerRetryHandler(REPORT_DELIVERY_TOPIC, (event, executor) =>
      this.requeue(event, executor),
    );
  }

  /** The retry handler: throws (keeping the event queued) when the delivery cannot be retried. */
  async requeue(event: DeadLetterEvent, executor: Executor): Promise<void> {
    const payload = parsePayload(event.payload);
    const run = await this.runs.findById(event.tenantId, payload.runId, executor);
    if (!run) {
      throw new Error(`report run ${payload.runId} no longer exists`);
    }
    if (!(await this.templates.findById(event.tenantId, run.templateId, executor))) {
      throw new Error(`report template ${run.templateId} was deleted`);
    }
    const entry: RunDelivery = run.deliveries.find(
      (item) => item.destinationId === payload.destinationId,
    ) ?? {
      destinationId: payload.destinationId,
      type: payload.destinationType as RunDelivery['type'],
      status: 'failed',
      attempts: event.retryCount,
      error: event.error,
    };
    await this.runs.replaceDelivery(
      { tenantId: event.tenantId, id: run.id, delivery: { ...entry, status: 'retrying' } },
      executor,
    );
    this.executor.track(this.redeliverWhenCommitted(event.tenantId, payload));
  }

  private async redeliverWhenCommitted(
    tenantId: string,
    payload: DeliveryDeadLetterPayload,
  ): Promise<void> {
    try {
      for (let poll = 0; poll < COMMIT_POLL_LIMIT; poll++) {
        const run = await this.runs.findById(tenantId, payload.runId);
        const entry = run?.deliveries.find((item) => item.destinationId === payload.destinationId);
        if (run && entry?.status === 'retrying') {
          await this.redeliver(run, entry);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, COMMIT_POLL_MS));
      }
      logger.warn(
        {
          action: 'reporting.redelivery.abandoned',
          tenantId,
          runId: payload.runId,
          destinationId: payload.destinationId,
        },
        'the dead-letter retry did not commit; the delivery was not retried',
      );
    } catch (error) {
      logger.error(
        { action: 'reporting.redelivery.failed', tenantId, runId: payload.runId, err: error },
        'retrying a report delivery failed',
      );
    }
  }

  /** Renders the run's period again and sends it to the one destination. */
  private async redeliver(run: ReportRunRow, entry: RunDelivery): Promise<void> {
    const destination = await this.findDestination(run, entry.destinationId);
    const template = await this.templates.findById(run.tenantId, run.templateId);
    let result: RunDelivery;
    if (!destination || !template) {
      const missing = !template
        ? 'the template was deleted'
        : 'the destination was removed from its schedule';
      result = { ...entry, status: 'failed', error: `not retried: ${missing}` };
    } else {
      const { delivery } = await this.executor.render(run, template, this.clock.now());
      result = await this.delivery.deliver({
        destination,
        delivery,
        previousAttempts: entry.attempts,
      });
    }
    await this.runs.replaceDelivery({ tenantId: run.tenantId, id: run.id, delivery: result });
    if (result.status === 'failed' && destination && template) {
      await this.executor.deadLetter(run, result);
    }
    logger.info(
      {
        action: 'reporting.redelivery.done',
        tenantId: run.tenantId,
        runId: run.id,
        destinationId: entry.destinationId,
        status: result.status,
      },
      'dead-lettered report delivery retried',
    );
  }

  private async findDestination(
    run: ReportRunRow,
    destinationId: string,
  ): Promise<StoredDestination | undefined> {
    const destinations = await this.executor.destinationsOf(run);
    return destinations.find((destination) => destination.id === destinationId);
  }
}

function parsePayload(payload: Record<string, unknown>): DeliveryDeadLetterPayload {
  const { runId, templateId, scheduleId, destinationId, destinationType } = payload;
  if (
    typeof runId !== 'string' ||
    typeof destinationId !== 'string' ||
    typeof templateId !== 'string'
  ) {
    throw new Error('report_delivery payload lacks runId, templateId or destinationId');
  }
  return {
    runId,
    templateId,
    scheduleId: typeof scheduleId === 'string' ? scheduleId : null,
    destinationId,
    destinationType: typeof destinationType === 'string' ? destinationType : 'webhook',
  };
}
