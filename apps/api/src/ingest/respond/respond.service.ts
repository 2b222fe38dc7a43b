import { Inject, Injectable } from '@nestjs/common';

import { type AppConfig, CONFIG } from '../../config/app-config.js';
import { Clock } from '../../core/clock.js';
import { DATABASE, type Database } from '../../database/database.types.js';
import { IdempotencyRepository } from '../../write/idempotency.repository.js';
import type { IngestLine, LineRejection } from '../../write/ingest-line-registry.js';
import {
  type BatchResult,
  finishBatch,
  type IndexedItem,
  invalidItemError,
  parseWriteBody,
  type Rejection,
} from '../../write/write-body.js';
import { idForIdempotencyKey } from '../deterministic-id.js';
import { splitByIdempotency } from '../idempotency-split.js';
import { IDEMPOTENCY_KIND } from '../ingest.constants.js';
import { IngestMetrics } from '../ingest-metrics.js';
import { checkOccurredAt } from '../occurred-at.js';
import { OutcomeRulesService } from '../outcome-rules.service.js';
import { OutboxWorker } from '../outbox/outbox-worker.service.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import type { OutcomeEvent } from '../outbox/outcome-event.js';
import type { OutcomeRules } from '../recording/interaction-record.js';
import {
  applyIdempotencyHeader,
  rejectedItemCount,
  toLineRejections,
  validateLines,
} from '../write-request.js';
import { type RespondAcceptedDto } from './dto/respond-accepted.dto.js';
import { RespondCreateDto } from './dto/respond-create.dto.js';
import { RecommendationRepository } from './recommendation.repository.js';
import {
  RECOMMENDATION_LOOKBACK_DAYS,
  type RecommendationRow,
  resolveRespondTarget,
} from './respond-target.js';

const DAY_MS = 86_400_000;

export type RespondWriteResult =
  { mode: 'single'; item: RespondAcceptedDto } | { mode: 'batch'; result: BatchResult };

/** An outcome ready for the outbox: its id (derived from the key) and the resolved event. */
interface QueuedOutcome {
  index: number;
  id: string;
  idempotencyKey: string;
  event: OutcomeEvent;
}

/**
 * The Respond API: validates outcomes, resolves their offer and channel, and
 * queues them in the outbox in the transaction that claims their keys. The
 * outcome worker applies them.
 */
@Injectable()
export class RespondService {
  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly db: Database,
    private readonly clock: Clock,
    private readonly rules: OutcomeRulesService,
    private readonly recommendations: RecommendationRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly outbox: OutboxRepository,
    private readonly worker: OutboxWorker,
    private readonly metrics: IngestMetrics,
  ) {}

  /** Accepts one outcome (201 or 400) or a batch (200 with rejections; 400 when none is valid). */
  async recordBody(request: {
    tenantId: string;
    body: unknown;
    idempotencyKeyHeader?: string;
  }): Promise<RespondWriteResult> {
    const body = applyIdempotencyHeader(request.body, request.idempotencyKeyHeader);
    const parsed = await parseWriteBody(RespondCreateDto, body);
    if (parsed.mode === 'single') {
      const outcome = await this.acceptItems(request.tenantId, [{ index: 0, item: parsed.item }]);
      const queued = outcome.queued[0];
      if (!queued) {
        throw invalidItemError(outcome.rejected);
      }
      return { mode: 'single', item: toAcceptedResponse(parsed.item, queued) };
    }
    const outcome = await this.acceptItems(request.tenantId, parsed.items, parsed.rejected);
    return { mode: 'batch', result: finishBatch(outcome.queued.length, outcome.rejected) };
  }

  /** Accepts `respond` NDJSON lines with the batch semantics of /respond. */
  async recordLines(
    tenantId: string,
    lines: IngestLine[],
  ): Promise<{ accepted: number; rejected: LineRejection[] }> {
    const { items, rejected } = await validateLines(RespondCreateDto, lines);
    const outcome = await this.acceptItems(tenantId, items, rejected);
    return { accepted: outcome.queued.length, rejected: toLineRejections(outcome.rejected) };
  }

  private async acceptItems(
    tenantId: string,
    items: IndexedItem<RespondCreateDto>[],
    alreadyRejected: Rejection[] = [],
  ): Promise<{ queued: (QueuedOutcome & { duplicate: boolean })[]; rejected: Rejection[] }> {
    const now = this.clock.now();
    const [rules, recommendations] = await Promise.all([
      this.rules.forTenant(tenantId),
      this.loadRecommendations(tenantId, items, now),
    ]);
    const { prepared, rejected } = this.prepareAll({
      tenantId,
      items,
      rules,
      recommendations,
      now,
    });
    rejected.unshift(...alreadyRejected);
    const duplicatePositions = await this.enqueue(tenantId, prepared, now);

    this.metrics.countEvents('respond', {
      accepted: prepared.length - duplicatePositions.size,
      duplicate: duplicatePositions.size,
      rejected: rejectedItemCount(rejected),
    });
    if (prepared.length > duplicatePositions.size) {
      this.worker.nudge();
    }
    return {
      queued: prepared.map((item, position) => ({
        ...item,
        duplicate: duplicatePositions.has(position),
      })),
      rejected,
    };
  }

  /** Claims the keys and queues the fresh outcomes in one transaction; returns the repeats' positions. */
  private async enqueue(
    tenantId: string,
    prepared: QueuedOutcome[],
    now: Date,
  ): Promise<Set<number>> {
    if (prepared.length === 0) {
      return new Set();
    }
    return this.db.transaction(async (tx) => {
      // Sorted, so concurrent requests sharing keys claim them in the same order.
      const keys = prepared.map((item) => item.idempotencyKey).sort();
      const claimed = await this.idempotency.claim(tenantId, IDEMPOTENCY_KIND.respond, keys, tx);
      const { fresh, duplicatePositions } = splitByIdempotency(prepared, claimed);
      await this.outbox.insertPending(
        tenantId,
        fresh.map((item) => ({ id: item.id, event: item.event, availableAt: now })),
        tx,
      );
      return duplicatePositions;
    });
  }

  /** The recorded recommendations of every recommendationId in the items, grouped by id. */
  private async loadRecommendations(
    tenantId: string,
    items: IndexedItem<RespondCreateDto>[],
    now: Date,
  ): Promise<Map<string, RecommendationRow[]>> {
    const earliest = items.reduce((min, { item }) => {
      const time = item.timestamp ? Date.parse(item.timestamp) : now.getTime();
      return Number.isNaN(time) ? min : Math.min(min, time);
    }, now.getTime());
    const rows = await this.recommendations.findByIds({
      tenantId,
      recommendationIds: [...new Set(items.map(({ item }) => item.recommendationId))],
      since: new Date(earliest - RECOMMENDATION_LOOKBACK_DAYS * DAY_MS),
    });
    const byId = new Map<string, RecommendationRow[]>();
    for (const row of rows) {
      const group = byId.get(row.recommendationId);
      if (group) {
        group.push(row);
      } else {
        byId.set(row.recommendationId, [row]);
      }
    }
    return byId;
  }

  private prepareAll(input: {
    tenantId: string;
    items: IndexedItem<RespondCreateDto>[];
    rules: OutcomeRules;
    recommendations: Map<string, RecommendationRow[]>;
    now: Date;
  }): { prepared: QueuedOutcome[]; rejected: Rejection[] } {
    const prepared: QueuedOutcome[] = [];
    const rejected: Rejection[] = [];
    for (const { index, item } of input.items) {
      const result = this.prepare({ ...input, index, item });
      if ('rejection' in result) {
        rejected.push(result.rejection);
      } else {
        prepared.push(result);
      }
    }
    return { prepared, rejected };
  }

  private prepare(input: {
    tenantId: string;
    index: number;
    item: RespondCreateDto;
    rules: OutcomeRules;
    recommendations: Map<string, RecommendationRow[]>;
    now: Date;
  }): QueuedOutcome | { rejection: Rejection } {
    const { index, item } = input;
    const time = checkOccurredAt(item.timestamp, input.now, this.config.retention.interactions);
    if (!time.ok) {
      return {
        rejection: { index, field: 'timestamp', value: item.timestamp, reason: time.reason },
      };
    }
    const outcomeType = input.rules.outcomeTypes.get(item.outcome);
    if (!outcomeType) {
      return {
        rejection: { index, field: 'outcome', value: item.outcome, reason: 'unknown outcome type' },
      };
    }
    const resolution = resolveRespondTarget(
      item,
      input.recommendations.get(item.recommendationId) ?? [],
    );
    if (!resolution.ok) {
      const { field, value, reason } = resolution;
      return { rejection: { index, field, value, reason } };
    }

    const kind = outcomeType.category === 'impression' ? 'impression' : 'response';
    const event: OutcomeEvent = {
      kind,
      customerId: item.customerId,
      ...resolution.target,
      outcomeKey: item.outcome,
      direction: kind === 'impression' ? 'outbound' : 'inbound',
      conversionValue: item.conversionValue ?? null,
      recommendationId: item.recommendationId,
      occurredAt: time.occurredAt.toISOString(),
      context: item.context ?? null,
      idempotencyKey: item.idempotencyKey,
    };
    const id = idForIdempotencyKey(input.tenantId, IDEMPOTENCY_KIND.respond, item.idempotencyKey);
    return { index, id, idempotencyKey: item.idempotencyKey, event };
  }
}

function toAcceptedResponse(
  item: RespondCreateDto,
  queued: QueuedOutcome & { duplicate: boolean },
): RespondAcceptedDto {
  const { event } = queued;
  return {
    id: queued.id,
    status: 'accepted',
    customerId: item.customerId,
    recommendationId: item.recommendationId,
    offerId: event.offerKey,
    channelId: event.channelKey,
    creativeId: event.creativeKey,
    rank: event.rank,
    outcome: item.outcome,
    conversionValue: event.conversionValue,
    timestamp: event.occurredAt,
    idempotencyKey: item.idempotencyKey,
    duplicate: queued.duplicate,
  };
}
