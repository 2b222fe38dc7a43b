import { Inject, Injectable } from '@nestjs/common';

import { InvalidParameterError, NotFoundError } from '../common/errors/domain-errors.js';
import { logger } from '../common/logging/logger.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { type Page, toPage } from '../common/pagination/page.js';
import { isUuid } from '../common/validation/uuid-pipe.js';
import { Clock } from '../core/clock.js';
import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { IdempotencyRepository } from '../write/idempotency.repository.js';
import type { IngestLine, LineRejection } from '../write/ingest-line-registry.js';
import {
  finishBatch,
  type IndexedItem,
  invalidItemError,
  type Rejection,
  validateItem,
  type WriteBody,
} from '../write/write-body.js';
import type { AnnotationKind } from './annotation-kinds.js';
import {
  annotationFromDto,
  checkAnnotation,
  DEFAULT_SOURCE,
  MAX_FUTURE_MS,
  selectFreshItems,
} from './annotation-rules.js';
import {
  type AnnotationFilter,
  type AnnotationInsert,
  type AnnotationRow,
  AnnotationsRepository,
} from './annotations.repository.js';
import { AnnotationCreateDto } from './dto/annotation.dto.js';
import { itemsWithHeaderKey, type WriteOutcome } from './write-outcome.js';

/** One annotation recorded by another module (catalog changes, deploys, incidents). */
export interface AnnotationRecordInput {
  tenantId: string;
  kind: AnnotationKind;
  /** 1 to 200 characters. */
  title: string;
  /** Defaults to now; at most 1 day in the future. */
  occurredAt?: Date;
  description?: string | null;
  /** Defaults to `api`. */
  source?: string;
  /** At most 16 KB as JSON. */
  details?: Record<string, unknown> | null;
}

export interface AnnotationListParams {
  tenantId: string;
  /**
   * ISO instants. `from` is inclusive and defaults to 30 days before `to`, or
   * before now when `to` is absent. `to` is exclusive and defaults to 1 day
   * ahead, so annotations dated now or announced ahead are included.
   */
  from?: string;
  to?: string;
  /** Comma-separated kinds, already validated. */
  kinds?: string;
  limit: number;
  cursor?: string;
}

const IDEMPOTENCY_KIND = 'annotation';
const DEFAULT_LIST_MS = 30 * 86_400_000;

interface WrittenItems {
  rows: AnnotationRow[];
  repeated: number;
  rejected: Rejection[];
}

/** Annotations drawn on trend charts: policy changes, catalog changes, deploys, incidents, notes. */
@Injectable()
export class AnnotationsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly repository: AnnotationsRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Records one annotation for another module, in the caller's transaction
   * when `executor` is one. Throws InvalidParameterError when a rule is broken.
   */
  async record(input: AnnotationRecordInput, executor?: Executor): Promise<AnnotationRow> {
    const now = this.clock.now();
    const value: AnnotationInsert = {
      occurredAt: input.occurredAt ?? now,
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      source: input.source ?? DEFAULT_SOURCE,
      details: input.details ?? null,
      createdAt: now,
    };
    const problem = checkAnnotation(value, now);
    if (problem) {
      throw InvalidParameterError.forField(problem.field, problem.value, problem.reason);
    }
    const [row] = await this.repository.insertMany(input.tenantId, [value], executor);
    if (!row) {
      throw new Error('Inserting the annotation returned no row');
    }
    return row;
  }

  /** Serves POST /annotations: one object or a batch, with idempotency keys. */
  async create(params: {
    tenantId: string;
    body: WriteBody<AnnotationCreateDto>;
    idempotencyKey?: string;
  }): Promise<WriteOutcome<AnnotationRow>> {
    const items = itemsWithHeaderKey(params.body, params.idempotencyKey);
    const written = await this.write(params.tenantId, items);
    if (params.body.mode === 'single') {
      if (written.rejected.length > 0) {
        throw invalidItemError(written.rejected);
      }
      const row = written.rows[0];
      return row ? { mode: 'created', row } : { mode: 'repeated' };
    }
    const rejected = [...params.body.rejected, ...written.rejected];
    return { mode: 'batch', result: finishBatch(written.rows.length + written.repeated, rejected) };
  }

  /** Records NDJSON lines of type `annotation` with the same rules as the endpoint. */
  async recordLines(
    tenantId: string,
    lines: IngestLine[],
  ): Promise<{ accepted: number; rejected: LineRejection[] }> {
    const items: IndexedItem<AnnotationCreateDto>[] = [];
    const rejected: Rejection[] = [];
    for (const [index, line] of lines.entries()) {
      const result = await validateItem(AnnotationCreateDto, line.data, index);
      if (result.item) {
        items.push({ index, item: result.item });
      } else {
        rejected.push(...result.rejections);
      }
    }
    const written = await this.write(tenantId, items);
    const lineRejections = [...rejected, ...written.rejected]
      .sort((a, b) => a.index - b.index)
      .map((rejection) => ({
        line: lines[rejection.index]?.line ?? rejection.index + 1,
        field: rejection.field === 'item' ? 'data' : `data.${rejection.field}`,
        value: rejection.value,
        reason: rejection.reason,
      }));
    return { accepted: written.rows.length + written.repeated, rejected: lineRejections };
  }

  async list(params: AnnotationListParams): Promise<Page<AnnotationRow>> {
    const filter = this.resolveFilter(params);
    const decoded = decodeCursor(params.cursor);
    const afterTime = decoded ? new Date(String(decoded.sortValue)) : null;
    if (decoded && (!afterTime || Number.isNaN(afterTime.getTime()) || !isUuid(decoded.id))) {
      throw InvalidParameterError.forField(
        'cursor',
        params.cursor,
        'is not a cursor returned by this list',
      );
    }
    const after = decoded && afterTime ? { occurredAt: afterTime, id: decoded.id } : null;
    const [rows, total] = await Promise.all([
      this.repository.list(params.tenantId, filter, params.limit, after),
      this.repository.count(params.tenantId, filter),
    ]);
    return toPage(rows, params.limit, total, (row) => row.occurredAt.toISOString());
  }

  async delete(tenantId: string, id: string): Promise<void> {
    if (!(await this.repository.delete(tenantId, id))) {
      throw new NotFoundError('Annotation', id);
    }
    logger.info({ action: 'annotation.deleted', annotationId: id }, 'annotation deleted');
  }

  /** Checks items against the clock-dependent rules, then stores those whose idempotency key is new. */
  private async write(
    tenantId: string,
    items: IndexedItem<AnnotationCreateDto>[],
  ): Promise<WrittenItems> {
    const now = this.clock.now();
    const rejected: Rejection[] = [];
    const valid: { idempotencyKey?: string; value: AnnotationInsert }[] = [];
    for (const { index, item } of items) {
      const value = annotationFromDto(item, now);
      const problem = checkAnnotation(value, now);
      if (problem) {
        rejected.push({ index, ...problem });
      } else {
        valid.push({ idempotencyKey: item.idempotencyKey, value });
      }
    }
    if (valid.length === 0) {
      return { rows: [], repeated: 0, rejected };
    }
    const rows = await this.db.transaction(async (tx) => {
      const keys = valid.flatMap((entry) => (entry.idempotencyKey ? [entry.idempotencyKey] : []));
      const claimed = await this.idempotency.claim(tenantId, IDEMPOTENCY_KIND, keys, tx);
      const fresh = selectFreshItems(valid, claimed);
      return this.repository.insertMany(
        tenantId,
        fresh.map((entry) => entry.value),
        tx,
      );
    });
    logger.info(
      {
        action: 'annotations.recorded',
        recorded: rows.length,
        repeated: valid.length - rows.length,
      },
      'annotations recorded',
    );
    return { rows, repeated: valid.length - rows.length, rejected };
  }

  private resolveFilter(params: AnnotationListParams): AnnotationFilter {
    const now = this.clock.now().getTime();
    // Without `to` the window ends just after the latest instant an annotation may be dated.
    const to = params.to ? new Date(params.to) : new Date(now + MAX_FUTURE_MS + 1);
    const end = params.to ? to.getTime() : now;
    const from = params.from ? new Date(params.from) : new Date(end - DEFAULT_LIST_MS);
    if (from.getTime() >= to.getTime()) {
      throw InvalidParameterError.forField(
        'from',
        params.from ?? from.toISOString(),
        `must be before to (${to.toISOString()})`,
      );
    }
    const kinds = params.kinds ? ([...new Set(params.kinds.split(','))] as AnnotationKind[]) : null;
    return { from, to, kinds };
  }
}
