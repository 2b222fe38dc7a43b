import { Injectable } from '@nestjs/common';

import { Clock } from '../../core/clock.js';
import { IDEMPOTENCY_KIND } from '../ingest.constants.js';
import { IngestMetrics } from '../ingest-metrics.js';
import { OutcomeRulesService } from '../outcome-rules.service.js';
import { InteractionRecorder } from '../recording/interaction-recorder.service.js';
import { type ClaimedOutcome, OutboxRepository } from './outbox.repository.js';
import { toInteractionRecord } from './outcome-event.js';

/** Builds the key that makes applying an outbox row idempotent: a re-delivered row finds it taken. */
export function applyKey(outboxId: string): string {
  return `outbox:${outboxId}`;
}

/**
 * Applies claimed outbox rows of one tenant: the interaction, its summary and
 * rollup increments, the `outbox:<id>` keys and the rows' applied status, all
 * in one transaction. A row whose key is taken was applied before and is only
 * marked applied.
 */
@Injectable()
export class OutcomeApplier {
  constructor(
    private readonly clock: Clock,
    private readonly rules: OutcomeRulesService,
    private readonly recorder: InteractionRecorder,
    private readonly outbox: OutboxRepository,
    private readonly metrics: IngestMetrics,
  ) {}

  async apply(tenantId: string, rows: ClaimedOutcome[]): Promise<void> {
    const rules = await this.rules.forTenant(tenantId);
    const records = rows.map((row) => ({
      record: toInteractionRecord(row.id, row.payload),
      idempotencyKey: applyKey(row.id),
    }));
    const { duplicatePositions } = await this.recorder.record({
      tenantId,
      records,
      idempotencyKind: IDEMPOTENCY_KIND.outcomeApply,
      rules,
      alsoInTransaction: (tx) =>
        this.outbox.markApplied(
          tenantId,
          rows.map((row) => row.id),
          this.clock.now(),
          tx,
        ),
    });

    records.forEach(({ record }, position) => {
      if (duplicatePositions.has(position)) {
        return;
      }
      const outcomeKey = record.outcomeKey ?? 'unknown';
      const classification = rules.outcomeTypes.get(outcomeKey)?.classification ?? 'unknown';
      this.metrics.countAppliedOutcome(outcomeKey, classification);
    });
    this.metrics.countOutboxApply('applied', records.length - duplicatePositions.size);
    this.metrics.countOutboxApply('duplicate', duplicatePositions.size);
  }
}
