import { Injectable, type OnModuleInit } from '@nestjs/common';

import { logger } from '../../common/logging/logger.js';
import { Clock } from '../../core/clock.js';
import type { Executor } from '../../database/database.types.js';
import { type DeadLetterEvent, DeadLetterService } from '../../dead-letter/index.js';
import { INTERACTION_EVENTS_TOPIC } from '../ingest.constants.js';
import { OutboxWorker } from './outbox-worker.service.js';
import { OutboxRepository } from './outbox.repository.js';
import { parseDeadLetterPayload } from './outcome-event.js';

/** Re-queues dead-lettered outcomes (topic `interaction_events`) into the outbox when an admin retries them. */
@Injectable()
export class OutboxDeadLetterHandler implements OnModuleInit {
  constructor(
    private readonly deadLetters: DeadLetterService,
    private readonly outbox: OutboxRepository,
    private readonly worker: OutboxWorker,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.deadLetters.registerRetryHandler(INTERACTION_EVENTS_TOPIC, (event, executor) =>
      this.requeue(event, executor),
    );
  }

  private async requeue(event: DeadLetterEvent, executor: Executor): Promise<void> {
    const { outboxId, event: outcome } = parseDeadLetterPayload(event.payload);
    await this.outbox.requeue(
      { tenantId: event.tenantId, id: outboxId, event: outcome, availableAt: this.clock.now() },
      executor,
    );
    logger.info(
      { action: 'outbox.requeued', tenantId: event.tenantId, outboxId, deadLetterId: event.id },
      'dead-lettered outcome queued again',
    );
    // The retry commits after this returns; a poll that runs before the commit
    // finds nothing, and the next regular poll applies the row.
    this.worker.nudge();
  }
}
