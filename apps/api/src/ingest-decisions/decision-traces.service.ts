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
import {
  buildRemovalDeltas,
  findTraceProblem,
  traceOfferKeys,
  traceRemovalTags,
} from './decision-trace-rules.js';
import { DecisionTracesRepository, type NewDecisionTrace } from './decision-traces.repository.js';
import type { DecisionTraceCreateDto, DecisionTraceDto } from './dto/decision-trace.dto.js';
import {
  checkOccurredAt,
  chunk,
  type Preparation,
  type PreparedItem,
  prepareAll,
  preparedOrThrow,
  selectFresh,
} from './telemetry-write.js';

export const DECISION_TRACE_KIND = 'decision_trace';

/** Traces per insert statement: 20 columns each stays far below 65,535 parameters. */
const TRACE_CHUNK_ROWS = 500;
/** Removal rollup rows per upsert statement (6 columns each). */
const REMOVAL_CHUNK_ROWS = 5_000;

interface PreparedTrace {
  trace: DecisionTraceCreateDto;
  row: NewDecisionTrace;
}

/**
 * Records sampled decision traces with their offer keys and removal tags, and counts their
 * removals into the hourly rollups, in one transaction with the idempotency keys.
 */
@Injectable()
export class DecisionTracesService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly repository: DecisionTracesRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly partitions: PartitionService,
    private readonly clock: Clock,
    @InjectMetric('kaireon_ingest_events_total') private readonly ingestEvents: Counter<string>,
  ) {}

  /** Records one trace; throws a 400 when it fails a check. */
  async recordOne(tenantId: string, item: DecisionTraceCreateDto): Promise<DecisionTraceDto> {
    const preparation = this.prepare(item, 0, this.clock.now());
    if ('rejection' in preparation) {
      this.ingestEvents.inc({ kind: DECISION_TRACE_KIND, result: 'rejected' });
    }
    const prepared = preparedOrThrow(preparation);
    const outcome = await this.write(tenantId, [prepared]);
    return toDecisionTraceDto(prepared.value.row, outcome.ids.get(0) ?? null);
  }

  /** Records the valid items of a batch; `rejected` contains the items that failed validation. */
  async recordBatch(
    tenantId: string,
    items: IndexedItem<DecisionTraceCreateDto>[],
    rejected: Rejection[],
  ): Promise<BatchResult> {
    const now = this.clock.now();
    const checked = prepareAll(items, (item, index) => this.prepare(item, index, now));
    const allRejected = [...rejected, ...checked.rejected];
    const rejectedItems = new Set(allRejected.map((rejection) => rejection.index)).size;
    this.ingestEvents.inc({ kind: DECISION_TRACE_KIND, result: 'rejected' }, rejectedItems);
    const outcome = await this.write(tenantId, checked.prepared);
    return { accepted: outcome.recorded + outcome.duplicates, rejected: allRejected };
  }

  private prepare(
    trace: DecisionTraceCreateDto,
    index: number,
    now: Date,
  ): Preparation<PreparedTrace> {
    const retentionDays = this.config.retention.decisionTraces;
    const occurredAt = checkOccurredAt({
      value: trace.occurredAt,
      now,
      earliest: retentionCutoff(now, retentionDays),
      earliestReason: `must be within the decision trace retention of ${retentionDays} days`,
    });
    if (typeof occurredAt === 'string') {
      return {
        rejection: { index, field: 'occurredAt', value: trace.occurredAt, reason: occurredAt },
      };
    }
    const problem = findTraceProblem(trace);
    if (problem) {
      return { rejection: { index, ...problem } };
    }
    const row = toTraceRow(trace, occurredAt);
    return { item: { index, idempotencyKey: trace.idempotencyKey ?? null, value: { trace, row } } };
  }

  private async write(
    tenantId: string,
    items: PreparedItem<PreparedTrace>[],
  ): Promise<{ ids: Map<number, string>; recorded: number; duplicates: number }> {
    if (items.length === 0) {
      return { ids: new Map(), recorded: 0, duplicates: 0 };
    }
    // Before the transaction: PGlite has one connection and partition creation runs its own.
    await this.partitions.ensureDays(
      'decision_traces',
      items.map((item) => utcDay(item.value.row.occurredAt)),
    );

    const outcome = await this.db.transaction(async (tx) => {
      const keys = items.flatMap((item) => (item.idempotencyKey ? [item.idempotencyKey] : []));
      const claimed = await this.idempotency.claim(tenantId, DECISION_TRACE_KIND, keys, tx);
      const { fresh, duplicates } = selectFresh(items, claimed);
      const ids = new Map<number, string>();
      for (const rows of chunk(fresh, TRACE_CHUNK_ROWS)) {
        const inserted = await this.repository.insertTraces(
          tenantId,
          rows.map((row) => row.value.row),
          tx,
        );
        rows.forEach((row, position) => ids.set(row.index, inserted[position]));
      }
      const deltas = buildRemovalDeltas(
        fresh.map(({ value }) => ({ occurredAt: value.row.occurredAt, trace: value.trace })),
      );
      for (const rows of chunk(deltas, REMOVAL_CHUNK_ROWS)) {
        await this.repository.addToRemovalRollups(tenantId, rows, tx);
      }
      return { ids, recorded: fresh.length, duplicates: duplicates.length };
    });

    this.ingestEvents.inc({ kind: DECISION_TRACE_KIND, result: 'accepted' }, outcome.recorded);
    this.ingestEvents.inc({ kind: DECISION_TRACE_KIND, result: 'duplicate' }, outcome.duplicates);
    logger.debug(
      {
        action: 'decision-traces.recorded',
        tenantId,
        recorded: outcome.recorded,
        duplicates: outcome.duplicates,
      },
      'decision traces recorded',
    );
    return outcome;
  }
}

function toTraceRow(trace: DecisionTraceCreateDto, occurredAt: Date): NewDecisionTrace {
  return {
    occurredAt,
    requestId: trace.requestId,
    customerId: trace.customerId,
    flowKey: trace.flowKey,
    channelKey: trace.channelKey ?? '',
    totalLatencyMs: trace.totalLatencyMs,
    initialCount: trace.funnel.initial,
    afterQualification: trace.funnel.afterQualification,
    afterSuppression: trace.funnel.afterSuppression,
    afterContactPolicy: trace.funnel.afterContactPolicy,
    afterScoring: trace.funnel.afterScoring,
    finalCount: trace.funnel.final,
    stageResults: trace.stageResults.map((result) => ({
      stage: result.stage,
      offerKey: result.offerKey,
      passed: result.passed,
      ruleId: result.ruleId ?? null,
      reason: result.reason ?? null,
    })),
    scoringResults: (trace.scoringResults ?? []).map((result) => ({
      offerKey: result.offerKey,
      modelKey: result.modelKey,
      score: result.score,
      contributions: result.contributions ?? null,
    })),
    selectedOffers: trace.selectedOffers ?? [],
    experiment: trace.experiment
      ? { key: trace.experiment.key, variant: trace.experiment.variant }
      : null,
    degradedScoring: trace.degradedScoring ?? false,
    offerKeys: traceOfferKeys(trace),
    removalTags: traceRemovalTags(trace),
  };
}

function toDecisionTraceDto(row: NewDecisionTrace, id: string | null): DecisionTraceDto {
  return {
    id,
    requestId: row.requestId,
    customerId: row.customerId,
    flowKey: row.flowKey,
    channelKey: row.channelKey === '' ? null : row.channelKey,
    totalLatencyMs: row.totalLatencyMs,
    funnel: {
      initial: row.initialCount,
      afterQualification: row.afterQualification,
      afterSuppression: row.afterSuppression,
      afterContactPolicy: row.afterContactPolicy,
      afterScoring: row.afterScoring,
      final: row.finalCount,
    },
    stageResults: row.stageResults as DecisionTraceDto['stageResults'],
    scoringResults: row.scoringResults as DecisionTraceDto['scoringResults'],
    selectedOffers: row.selectedOffers,
    experiment: row.experiment as DecisionTraceDto['experiment'],
    degradedScoring: row.degradedScoring,
    occurredAt: row.occurredAt.toISOString(),
    offerKeys: row.offerKeys,
    removalTags: row.removalTags,
    duplicate: id === null,
  };
}
