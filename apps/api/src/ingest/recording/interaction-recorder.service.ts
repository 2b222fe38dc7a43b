import { Inject, Injectable } from '@nestjs/common';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { PartitionService, utcDay } from '../../database/partitions.js';
import { IdempotencyRepository } from '../../write/idempotency.repository.js';
import { splitByIdempotency } from '../idempotency-split.js';
import { aggregateInteractions } from './interaction-aggregation.js';
import type { InteractionRecord, OutcomeRules } from './interaction-record.js';
import { InteractionWriteRepository } from './interaction-write.repository.js';

export interface KeyedRecord {
  record: InteractionRecord;
  /** Null records the interaction unconditionally. */
  idempotencyKey: string | null;
}

export interface RecordInteractionsRequest {
  tenantId: string;
  records: KeyedRecord[];
  /** The `idempotency_keys.kind` the keys are claimed under. */
  idempotencyKind: string;
  rules: OutcomeRules;
  /** More work for the same transaction, run after the writes (for example marking outbox rows applied). */
  alsoInTransaction?: (executor: Executor) => Promise<void>;
}

export interface RecordInteractionsResult {
  recorded: number;
  /** Positions in `records` of items whose key was seen before (here or in an earlier request). */
  duplicatePositions: Set<number>;
}

/**
 * Records interactions: raw rows in the day-partitioned table and the
 * increments of their summaries and rollups, all in one transaction together
 * with the idempotency keys, so a failure leaves nothing half-written.
 */
@Injectable()
export class InteractionRecorder {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly partitions: PartitionService,
    private readonly idempotency: IdempotencyRepository,
    private readonly writer: InteractionWriteRepository,
  ) {}

  async record(request: RecordInteractionsRequest): Promise<RecordInteractionsResult> {
    const { tenantId, records } = request;
    if (records.length === 0 && !request.alsoInTransaction) {
      return { recorded: 0, duplicatePositions: new Set() };
    }
    // Partitions are created outside the transaction: DDL there would hold
    // locks (and PGlite's only connection) for the whole write.
    await this.partitions.ensureDays(
      'interactions',
      records.map((item) => utcDay(item.record.occurredAt)),
    );

    return this.db.transaction(async (tx) => {
      // Sorted, so concurrent requests sharing keys claim them in the same order.
      const keys = records
        .flatMap((item) => (item.idempotencyKey === null ? [] : [item.idempotencyKey]))
        .sort();
      const claimed = await this.idempotency.claim(tenantId, request.idempotencyKind, keys, tx);
      const split = splitByIdempotency(records, claimed);
      const fresh = split.fresh.map((item) => item.record);
      if (fresh.length > 0) {
        const { summaries, rollups } = aggregateInteractions(fresh, request.rules);
        await this.writer.insertInteractions(tenantId, fresh, tx);
        await this.writer.addToSummaries(tenantId, summaries, tx);
        await this.writer.addToRollups(tenantId, rollups, tx);
      }
      await request.alsoInTransaction?.(tx);
      return { recorded: fresh.length, duplicatePositions: split.duplicatePositions };
    });
  }
}
