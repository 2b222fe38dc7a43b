import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { type AppConfig, CONFIG } from '../../config/app-config.js';
import { Clock } from '../../core/clock.js';
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
import { IDEMPOTENCY_KIND } from '../ingest.constants.js';
import { IngestMetrics } from '../ingest-metrics.js';
import { checkOccurredAt } from '../occurred-at.js';
import { OutcomeRulesService } from '../outcome-rules.service.js';
import type { InteractionRecord, OutcomeRules } from '../recording/interaction-record.js';
import {
  InteractionRecorder,
  type KeyedRecord,
} from '../recording/interaction-recorder.service.js';
import {
  applyIdempotencyHeader,
  rejectedItemCount,
  toLineRejections,
  validateLines,
} from '../write-request.js';
import { InteractionCreateDto } from './dto/interaction-create.dto.js';
import {
  type InteractionResponseDto,
  toInteractionResponse,
} from './dto/interaction-response.dto.js';

export type InteractionWriteResult =
  { mode: 'single'; item: InteractionResponseDto } | { mode: 'batch'; result: BatchResult };

/** The outcome of recording validated items: what was recorded, repeated and rejected. */
export interface RecordedItems {
  recorded: {
    index: number;
    record: InteractionRecord;
    idempotencyKey: string | null;
    duplicate: boolean;
  }[];
  rejected: Rejection[];
}

/** Records recommendations, impressions and responses posted to /interactions or as NDJSON lines. */
@Injectable()
export class InteractionsService {
  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly rules: OutcomeRulesService,
    private readonly recorder: InteractionRecorder,
    private readonly metrics: IngestMetrics,
  ) {}

  /** Records one object (201 or 400) or a batch (200 with rejections; 400 when none is valid). */
  async recordBody(request: {
    tenantId: string;
    body: unknown;
    idempotencyKeyHeader?: string;
  }): Promise<InteractionWriteResult> {
    const body = applyIdempotencyHeader(request.body, request.idempotencyKeyHeader);
    const parsed = await parseWriteBody(InteractionCreateDto, body);
    if (parsed.mode === 'single') {
      const outcome = await this.recordItems(request.tenantId, [{ index: 0, item: parsed.item }]);
      const recorded = outcome.recorded[0];
      if (!recorded) {
        throw invalidItemError(outcome.rejected);
      }
      return { mode: 'single', item: toInteractionResponse(recorded.record, recorded) };
    }

    const outcome = await this.recordItems(request.tenantId, parsed.items, parsed.rejected);
    return { mode: 'batch', result: finishBatch(outcome.recorded.length, outcome.rejected) };
  }

  /** Records `interaction` NDJSON lines with the batch semantics of /interactions. */
  async recordLines(
    tenantId: string,
    lines: IngestLine[],
  ): Promise<{ accepted: number; rejected: LineRejection[] }> {
    const { items, rejected } = await validateLines(InteractionCreateDto, lines);
    const outcome = await this.recordItems(tenantId, items, rejected);
    return { accepted: outcome.recorded.length, rejected: toLineRejections(outcome.rejected) };
  }

  /**
   * Checks validated items against the clock and the tenant's outcome types,
   * then records the rest. `alreadyRejected` are validation failures, counted here.
   */
  async recordItems(
    tenantId: string,
    items: IndexedItem<InteractionCreateDto>[],
    alreadyRejected: Rejection[] = [],
  ): Promise<RecordedItems> {
    const rules = await this.rules.forTenant(tenantId);
    const { prepared, rejected } = this.prepareAll({ tenantId, items, rules });
    rejected.unshift(...alreadyRejected);
    const { duplicatePositions, recorded } = await this.recorder.record({
      tenantId,
      records: prepared,
      idempotencyKind: IDEMPOTENCY_KIND.interaction,
      rules,
    });
    this.metrics.countEvents('interaction', {
      accepted: recorded,
      duplicate: duplicatePositions.size,
      rejected: rejectedItemCount(rejected),
    });
    return {
      recorded: prepared.map((item, position) => ({
        ...item,
        duplicate: duplicatePositions.has(position),
      })),
      rejected,
    };
  }

  private prepareAll(input: {
    tenantId: string;
    items: IndexedItem<InteractionCreateDto>[];
    rules: OutcomeRules;
  }): { prepared: (KeyedRecord & { index: number })[]; rejected: Rejection[] } {
    const prepared: (KeyedRecord & { index: number })[] = [];
    const rejected: Rejection[] = [];
    for (const { index, item } of input.items) {
      const result = this.prepare({ tenantId: input.tenantId, index, item, rules: input.rules });
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
    item: InteractionCreateDto;
    rules: OutcomeRules;
  }): (KeyedRecord & { index: number }) | { rejection: Rejection } {
    const { index, item } = input;
    const time = checkOccurredAt(
      item.occurredAt,
      this.clock.now(),
      this.config.retention.interactions,
    );
    if (!time.ok) {
      return {
        rejection: { index, field: 'occurredAt', value: item.occurredAt, reason: time.reason },
      };
    }
    if (item.outcome !== undefined && !input.rules.outcomeTypes.has(item.outcome)) {
      return {
        rejection: { index, field: 'outcome', value: item.outcome, reason: 'unknown outcome type' },
      };
    }

    const idempotencyKey = item.idempotencyKey ?? null;
    const id =
      idempotencyKey === null
        ? randomUUID()
        : idForIdempotencyKey(input.tenantId, IDEMPOTENCY_KIND.interaction, idempotencyKey);
    const record: InteractionRecord = {
      id,
      kind: item.kind,
      customerId: item.customerId,
      offerKey: item.offerKey,
      channelKey: item.channelKey,
      creativeKey: item.creativeKey ?? null,
      outcomeKey: item.outcome ?? null,
      direction: item.direction ?? (item.kind === 'response' ? 'inbound' : 'outbound'),
      conversionValue: item.conversionValue ?? null,
      recommendationId: item.recommendationId ?? null,
      rank: item.rank ?? null,
      modelKey: item.modelKey ?? null,
      score: item.score ?? null,
      occurredAt: time.occurredAt,
      context: item.context ?? null,
    };
    return { index, record, idempotencyKey };
  }
}
