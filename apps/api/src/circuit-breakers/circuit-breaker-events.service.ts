import { Inject, Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';

import { InvalidParameterError } from '../common/errors/domain-errors.js';
import { logger } from '../common/logging/logger.js';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor.js';
import { DEFAULT_PAGE_LIMIT, type Page } from '../common/pagination/page.js';
import { type AppConfig, CONFIG } from '../config/app-config.js';
import { Clock } from '../core/clock.js';
import { DATABASE, type Database } from '../database/database.types.js';
import {
  checkOccurredAt,
  chunk,
  type Preparation,
  type PreparedItem,
  prepareAll,
  preparedOrThrow,
  selectFresh,
} from '../ingest-decisions/index.js';
import { retentionCutoff } from '../scheduling/index.js';
import { IdempotencyRepository } from '../write/idempotency.repository.js';
import type { BatchResult, IndexedItem, Rejection } from '../write/write-body.js';
import type { BreakerSnapshot, BreakerTransition } from './circuit-breaker.js';
import {
  type BreakerEventRow,
  CircuitBreakerEventsRepository,
  type NewBreakerEvent,
} from './circuit-breaker-events.repository.js';
import {
  type BreakerEventCreateDto,
  type BreakerEventDto,
  type BreakerEventRecordedDto,
  type BreakerHistoryQueryDto,
  type BreakerStateDto,
  toBreakerEventDto,
  toBreakerStateDto,
} from './dto/breaker-event.dto.js';

export const BREAKER_EVENT_KIND = 'breaker_event';

/** Events per insert statement: 7 columns each stays far below 65,535 parameters. */
const EVENT_CHUNK_ROWS = 2_000;

/** Records breaker transitions, from the platform and from this service's own breakers, and reads them. */
@Injectable()
export class CircuitBreakerEventsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly repository: CircuitBreakerEventsRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly clock: Clock,
    @InjectMetric('kaireon_circuit_breaker_state_change_total')
    private readonly stateChanges: Counter<string>,
    @InjectMetric('kaireon_ingest_events_total') private readonly ingestEvents: Counter<string>,
  ) {}

  /** Records one platform transition; throws a 400 when it fails a check. */
  async recordOne(tenantId: string, item: BreakerEventCreateDto): Promise<BreakerEventRecordedDto> {
    const preparation = this.prepare(item, 0, this.clock.now());
    if ('rejection' in preparation) {
      this.ingestEvents.inc({ kind: BREAKER_EVENT_KIND, result: 'rejected' });
    }
    const prepared = preparedOrThrow(preparation);
    const stored = await this.write(tenantId, [prepared]);
    const row = stored.get(0);
    if (row) {
      return { ...row, duplicate: false };
    }
    return {
      ...toBreakerEventDto({ ...prepared.value, id: '', seq: 0 }),
      id: null,
      duplicate: true,
    };
  }

  /** Records the valid items of a batch; `rejected` contains the items that failed validation. */
  async recordBatch(
    tenantId: string,
    items: IndexedItem<BreakerEventCreateDto>[],
    rejected: Rejection[],
  ): Promise<BatchResult> {
    const checked = prepareAll(items, (item, index) => this.prepare(item, index, this.clock.now()));
    const allRejected = [...rejected, ...checked.rejected];
    const rejectedItems = new Set(allRejected.map((rejection) => rejection.index)).size;
    this.ingestEvents.inc({ kind: BREAKER_EVENT_KIND, result: 'rejected' }, rejectedItems);
    await this.write(tenantId, checked.prepared);
    return { accepted: checked.prepared.length, rejected: allRejected };
  }

  /** Records a transition of one of this service's breakers; logs and swallows storage errors. */
  async recordInternal(tenantId: string, transition: BreakerTransition): Promise<void> {
    this.stateChanges.inc({ name: transition.name, from: transition.from, to: transition.to });
    const event: NewBreakerEvent = {
      name: transition.name,
      fromState: transition.from,
      toState: transition.to,
      reason: transition.reason,
      source: 'internal',
      occurredAt: transition.at,
    };
    logger.warn(
      {
        action: 'circuit-breaker.transition',
        tenantId,
        breaker: transition.name,
        from: transition.from,
        to: transition.to,
      },
      `circuit breaker ${transition.name} went from ${transition.from} to ${transition.to}: ${transition.reason}`,
    );
    try {
      await this.repository.insert(tenantId, [event]);
    } catch (error) {
      logger.error(
        { action: 'circuit-breaker.record-failed', tenantId, breaker: transition.name, err: error },
        'failed to record a circuit breaker transition',
      );
    }
  }

  /** Returns the last transition this service recorded for one of its own breakers, or null. */
  async latestInternalSnapshot(tenantId: string, name: string): Promise<BreakerSnapshot | null> {
    const row = await this.repository.latestOf(tenantId, name, 'internal');
    return row ? { state: row.toState, since: row.occurredAt } : null;
  }

  /** Lists every breaker of the tenant with its latest transition, by name. */
  async currentStates(tenantId: string): Promise<BreakerStateDto[]> {
    const rows = await this.repository.latestPerBreaker(tenantId);
    return rows.map(toBreakerStateDto);
  }

  /** Lists one page of the tenant's transitions, newest first. */
  async history(tenantId: string, query: BreakerHistoryQueryDto): Promise<Page<BreakerEventDto>> {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from.getTime() >= to.getTime()) {
      throw InvalidParameterError.forField('to', query.to, `must be after from (${query.from})`);
    }
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const filter = { tenantId, name: query.name, from, to };
    const [rows, total] = await Promise.all([
      this.repository.history(filter, limit, decodeHistoryCursor(query.cursor)),
      this.repository.countHistory(filter),
    ]);
    const data = rows.slice(0, limit);
    const last = data[data.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ sortValue: last.occurredAt.toISOString(), id: String(last.seq) })
        : null;
    return { data: data.map(toBreakerEventDto), page: { limit, nextCursor, total } };
  }

  /** Counts platform breakers, across tenants, whose latest transition ended open. */
  countOpenPlatformBreakers(): Promise<number> {
    return this.repository.countOpenPlatformBreakers();
  }

  private prepare(
    item: BreakerEventCreateDto,
    index: number,
    now: Date,
  ): Preparation<NewBreakerEvent> {
    if (item.fromState === item.toState) {
      const reason = `must differ from fromState (${item.fromState}): a transition changes the state`;
      return { rejection: { index, field: 'toState', value: item.toState, reason } };
    }
    const occurredAt = checkOccurredAt({
      value: item.occurredAt,
      now,
      earliest: retentionCutoff(now, this.config.retention.rollups),
      earliestReason: `must be within the last ${this.config.retention.rollups} days`,
    });
    if (typeof occurredAt === 'string') {
      return {
        rejection: { index, field: 'occurredAt', value: item.occurredAt, reason: occurredAt },
      };
    }
    const event: NewBreakerEvent = {
      name: item.name,
      fromState: item.fromState,
      toState: item.toState,
      reason: item.reason ?? null,
      source: 'platform',
      occurredAt,
    };
    return { item: { index, idempotencyKey: item.idempotencyKey ?? null, value: event } };
  }

  /** Stores the fresh items in one transaction with their idempotency keys; returns them by batch index. */
  private async write(
    tenantId: string,
    items: PreparedItem<NewBreakerEvent>[],
  ): Promise<Map<number, BreakerEventDto>> {
    if (items.length === 0) {
      return new Map();
    }
    const outcome = await this.db.transaction(async (tx) => {
      const keys = items.flatMap((item) => (item.idempotencyKey ? [item.idempotencyKey] : []));
      const claimed = await this.idempotency.claim(tenantId, BREAKER_EVENT_KIND, keys, tx);
      const { fresh, duplicates } = selectFresh(items, claimed);
      const rows: BreakerEventRow[] = [];
      for (const events of chunk(fresh, EVENT_CHUNK_ROWS)) {
        rows.push(
          ...(await this.repository.insert(
            tenantId,
            events.map((item) => item.value),
            tx,
          )),
        );
      }
      return { fresh, rows, duplicates: duplicates.length };
    });

    const stored = new Map<number, BreakerEventDto>();
    outcome.fresh.forEach((item, position) =>
      stored.set(item.index, toBreakerEventDto(outcome.rows[position])),
    );
    for (const row of outcome.rows) {
      this.stateChanges.inc({ name: row.name, from: row.fromState, to: row.toState });
    }
    this.ingestEvents.inc({ kind: BREAKER_EVENT_KIND, result: 'accepted' }, outcome.rows.length);
    this.ingestEvents.inc({ kind: BREAKER_EVENT_KIND, result: 'duplicate' }, outcome.duplicates);
    return stored;
  }
}

/** Reads a history cursor: the last row's `occurredAt` and insertion order. */
function decodeHistoryCursor(value: string | undefined): { occurredAt: Date; seq: number } | null {
  const cursor = decodeCursor(value);
  if (cursor === null) {
    return null;
  }
  const occurredAt = new Date(String(cursor.sortValue));
  const seq = Number(cursor.id);
  if (Number.isNaN(occurredAt.getTime()) || !Number.isSafeInteger(seq)) {
    throw InvalidParameterError.forField('cursor', value, 'is not a cursor returned by this list');
  }
  return { occurredAt, seq };
}
