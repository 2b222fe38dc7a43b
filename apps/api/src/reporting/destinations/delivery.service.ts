import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';

import { logger } from '../../common/logging/logger.js';
import { Clock } from '../../core/clock.js';
import { ReportingSettings } from '../reporting-settings.js';
import type { RunDelivery } from '../runs/report-run.types.js';
import { DeliveryBreakers } from './delivery-breakers.js';
import type { DeliveryPackage } from './delivery-package.js';
import type { ResolvedDestination, StoredDestination } from './destination.types.js';
import { DestinationVault } from './destination-vault.js';
import { writeToDirectory } from './directory-sender.js';
import { sendEmail } from './email-sender.js';
import { sendSlack } from './slack-sender.js';
import { sendWebhook } from './webhook-sender.js';

const MAX_ERROR_LENGTH = 1_000;

/**
 * Sends a run's files to one destination: each attempt goes through the tenant's
 * `report-<type>` circuit breaker, and failed attempts are retried with exponential backoff
 * (`deliveryBackoffMs`, doubled each time) up to `deliveryAttempts`. It never throws: the
 * result, attempts and last error are returned for the run record.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly vault: DestinationVault,
    private readonly breakers: DeliveryBreakers,
    private readonly settings: ReportingSettings,
    private readonly clock: Clock,
    @InjectMetric('kaireon_report_delivery_total') private readonly deliveries: Counter<string>,
  ) {}

  async deliver(params: {
    destination: StoredDestination;
    delivery: DeliveryPackage;
    /** Attempts already made by earlier deliveries of the same run and destination. */
    previousAttempts?: number;
  }): Promise<RunDelivery> {
    const { destination, delivery } = params;
    const attempts = Math.max(1, this.settings.deliveryAttempts);
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        await sleep(this.settings.deliveryBackoffMs * 2 ** (attempt - 2));
      }
      try {
        await this.attempt(destination, delivery);
        this.deliveries.inc({ destination_type: destination.type, status: 'delivered' });
        logger.info(
          { ...logIds(destination, delivery), action: 'reporting.delivery.delivered', attempt },
          'report delivered',
        );
        return result(destination, 'delivered', (params.previousAttempts ?? 0) + attempt, null);
      } catch (error) {
        lastError = truncate(error instanceof Error ? error.message : String(error));
        const willRetry = attempt < attempts;
        logger.warn(
          {
            ...logIds(destination, delivery),
            action: 'reporting.delivery.attempt_failed',
            attempt,
            willRetry,
            err: lastError,
          },
          willRetry
            ? 'report delivery failed; retrying'
            : 'report delivery failed on its last attempt',
        );
      }
    }
    this.deliveries.inc({ destination_type: destination.type, status: 'failed' });
    return result(destination, 'failed', (params.previousAttempts ?? 0) + attempts, lastError);
  }

  private async attempt(destination: StoredDestination, delivery: DeliveryPackage): Promise<void> {
    const resolved = this.vault.resolve(delivery.tenantId, destination);
    const breakerName = `report-${destination.type}`;
    await this.breakers.execute({
      name: breakerName,
      tenantId: delivery.tenantId,
      work: () => this.send(resolved, delivery),
    });
  }

  private send(destination: ResolvedDestination, delivery: DeliveryPackage): Promise<void> {
    const timeoutMs = this.settings.deliveryTimeoutMs;
    switch (destination.type) {
      case 'email':
        return sendEmail({ destination, delivery, timeoutMs });
      case 'webhook':
        return sendWebhook({ destination, delivery, sentAt: this.clock.now(), timeoutMs });
      case 'slack':
        return sendSlack({ destination, delivery, timeoutMs });
      case 'directory':
        return writeToDirectory({ destination, delivery, reportsRoot: this.vault.reportsRoot });
    }
  }
}

function result(
  destination: StoredDestination,
  status: RunDelivery['status'],
  attempts: number,
  error: string | null,
): RunDelivery {
  return { destinationId: destination.id, type: destination.type, status, attempts, error };
}

function logIds(
  destination: StoredDestination,
  delivery: DeliveryPackage,
): Record<string, unknown> {
  return {
    tenantId: delivery.tenantId,
    runId: delivery.run.id,
    destinationId: destination.id,
    destinationType: destination.type,
  };
}

function truncate(message: string): string {
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
