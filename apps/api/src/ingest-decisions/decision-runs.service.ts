import { Inject, Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';

import { logger } from '../common/logging/logger.js';
import { type AppConfig, CONFIG } from '../config/app-config.js';
import { Clock } from '../core/clock.js';
import { DATABASE, type Database } from '../database/database.types.js';
import { PartitionService, utcDay } from '../database/partitions.js';
import { retentionCutoff } from '../scheduling/index.js';
import { IdempotencyRepository } from '../write/idempotency.repository.js';
import type { BatchResult, IndexedItem, Rejection } from '../write/write-body.js';
import { buildRunRollupDeltas, type NewDecisionRun } from './decision-run-rollups.js';
import { DecisionRunsRepository } from './decision-runs.repository.js';
import type { DecisionRunCreateDto, DecisionRunDto } from './dto/decision-run.dto.js';
import {
  checkOccurredAt,
  chunk,
  type Preparation,
  type PreparedItem,
  prepareAll,
  preparedOrThrow,
  selectFresh,
} from './telemetry-write.js';

export const DECISION_RUN_KIND = 'decision_run';

/** Rows per insert statement: 7 columns each stays far below 65,535 parameters. */
const RUN_CHUNK_ROWS = 2_000;

interface WriteOutcome {
  fresh: PreparedItem<NewDecisionRun>[];
  duplicates: PreparedItem<NewDecisionRun>[];
  /** Raw row id by batch index, for the runs inside the raw retention. */
  rawIds: Map<number, string>;
}

/**
 * Records decision runs: raw rows while they are inside the raw retention, and every run in the
 * hourly rollups, in one transaction with the idempotency keys.
 */
@Injectable()
export class DecisionRunsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly repository: DecisionRunsRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly partitions: PartitionService,
    private readonly clock: Clock,
    @InjectMetric('kaireon_ingest_events_total') private readonly ingestEvents: Counter<string>,
  ) {}

  /** Records one run; throws a 400 when it fails a check. */
  async recordOne(tenantId: string, item: DecisionRunCreateDto): Promise<DecisionRunDto> {
    const now = this.clock.now();
    const preparation = this.prepare(item, 0, now);
    if ('rejection' in preparation) {
      this.ingestEvents.inc({ kind: DECISION_RUN_KIND, result: 'rejected' });
    }
    const prepared = preparedOrThrow(preparation);
    const outcome = await this.write(tenantId, [prepared], now);
    const duplicate = outcome.duplicates.length > 0;
    const id = outcome.rawIds.get(0) ?? null;
    return toDecisionRunDto(prepared.value, { id, rawStored: id !== null, duplicate });
  }

  /** Records the valid items of a batch; `rejected` contains the items that failed validation. */
  async recordBatch(
    tenantId: string,
    items: IndexedItem<DecisionRunCreateDto>[],
    rejected: Rejection[],
  ): Promise<BatchResult> {
    const now = this.clock.now();
    const checked = prepareAll(items, (item, index) => this.prepare(item, index, now));
    const allRejected = [...rejected, ...checked.rejected];
    const rejectedItems = new Set(allRejected.map((rejection) => rejection.index)).size;
    this.ingestEvents.inc({ kind: DECISION_RUN_KIND, result: 'rejected' }, rejectedItems);
    const outcome = await this.write(tenantId, checked.prepared, now);
    return { accepted: outcome.fresh.length + outcome.duplicates.length, rejected: allRejected };
  }

  private prepare(
    item: DecisionRunCreateDto,
    index: number,
    now: Date,
  ): Preparation<NewDecisionRun> {
    const occurredAt = checkOccurredAt({
      value: item.occurredAt,
      now,
      earliest: retentionCutoff(now, this.config.retention.rollups),
      earliestReason: `must be within the rollup retention of ${this.config.retention.rollups} days`,
    });
    if (typeof occurredAt === 'string') {
      return {
        rejection: { index, field: 'occurredAt', value: item.occurredAt, reason: occurredAt },
      };
    }
    const run: NewDecisionRun = {
      flowKey: item.flowKey,
      channelKey: item.channelKey ?? '',
      status: item.status,
      latencyMs: item.latencyMs,
      occurredAt,
      requestId: item.requestId ?? null,
    };
    return { item: { index, idempotencyKey: item.idempotencyKey ?? null, value: run } };
  }

  private async write(
    tenantId: string,
    items: PreparedItem<NewDecisionRun>[],
    now: Date,
  ): Promise<WriteOutcome> {
    if (items.length === 0) {
      return { fresh: [], duplicates: [], rawIds: new Map() };
    }
    const rawFrom = retentionCutoff(now, this.config.retention.decisionRuns);
    const isRaw = (item: PreparedItem<NewDecisionRun>) => item.value.occurredAt >= rawFrom;
    // Partitions are created before the transaction: PGlite has one connection, and the
    // partition service runs its own transaction.
    await this.partitions.ensureDays(
      'decision_runs',
      items.filter(isRaw).map((item) => utcDay(item.value.occurredAt)),
    );

    const outcome = await this.db.transaction(async (tx) => {
      const keys = items.flatMap((item) => (item.idempotencyKey ? [item.idempotencyKey] : []));
      const claimed = await this.idempotency.claim(tenantId, DECISION_RUN_KIND, keys, tx);
      const { fresh, duplicates } = selectFresh(items, claimed);
      const raw = fresh.filter(isRaw);
      const rawIds = new Map<number, string>();
      for (const rows of chunk(raw, RUN_CHUNK_ROWS)) {
        const ids = await this.repository.insertRuns(
          tenantId,
          rows.map((row) => row.value),
          tx,
        );
        rows.forEach((row, position) => rawIds.set(row.index, ids[position]));
      }
      for (const deltas of chunk(
        buildRunRollupDeltas(fresh.map((item) => item.value)),
        RUN_CHUNK_ROWS,
      )) {
        await this.repository.addToRollups(tenantId, deltas, tx);
      }
      return { fresh, duplicates, rawIds };
    });

    this.ingestEvents.inc({ kind: DECISION_RUN_KIND, result: 'accepted' }, outcome.fresh.length);
    this.ingestEvents.inc(
      { kind: DECISION_RUN_KIND, result: 'duplicate' },
      outcome.duplicates.length,
    );
    logger.debug(
      {
        action: 'decision-runs.recorded',
        tenantId,
        recorded: outcome.fresh.length,
        raw: outcome.rawIds.size,
        duplicates: outcome.duplicates.length,
      },
      'decision runs recorded',
    );
    return outcome;
  }
}

function toDecisionRunDto(
  run: NewDecisionRun,
  stored: { id: string | null; rawStored: boolean; duplicate: boolean },
): DecisionRunDto {
  return {
    id: stored.id,
    flowKey: run.flowKey,
    channelKey: run.channelKey === '' ? null : run.channelKey,
    status: run.status,
    latencyMs: run.latencyMs,
    occurredAt: run.occurredAt.toISOString(),
    requestId: run.requestId,
    rawStored: stored.rawStored,
    duplicate: stored.duplicate,
  };
}
