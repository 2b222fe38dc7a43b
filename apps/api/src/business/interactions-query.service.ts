import type { Writable } from 'node:stream';

import { Injectable } from '@nestjs/common';

import { CsvOutputClosedError, CsvStreamWriter } from '../common/csv/csv-stream.js';
import type { CsvValue } from '../common/csv/csv-writer.js';
import { InvalidParameterError } from '../common/errors/domain-errors.js';
import { logger } from '../common/logging/logger.js';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor.js';
import { DEFAULT_PAGE_LIMIT } from '../common/pagination/page.js';
import { type DayWindow, resolveDayWindow } from '../common/time/window.js';
import { isUuid } from '../common/validation/uuid-pipe.js';
import { Clock } from '../core/clock.js';
import { toIsoInstant, toNumberOrNull } from '../database/mapper.js';
import { SegmentsService } from '../segments/index.js';
import type { SegmentWarning } from './business-data.types.js';
import type {
  InteractionListDto,
  InteractionQueryDto,
  InteractionListItemDto,
} from './dto/interaction-query.dto.js';
import {
  type InteractionFilter,
  type InteractionKeyset,
  type InteractionRow,
  InteractionsQueryRepository,
} from './interactions-query.repository.js';

/** Rows read per query while streaming a CSV download. */
const CSV_BATCH_ROWS = 1000;

const CSV_HEADER = [
  'occurredAt',
  'id',
  'kind',
  'customerId',
  'offerKey',
  'channelKey',
  'creativeKey',
  'outcomeKey',
  'direction',
  'conversionValue',
  'recommendationId',
  'rank',
  'modelKey',
  'score',
  'context',
];

const KEYSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The filter to run, or the warning that replaces the rows when the segment cannot be applied. */
type PreparedQuery = { window: DayWindow } & (
  { filter: InteractionFilter; warning: null } | { filter: null; warning: SegmentWarning }
);

/** A CSV download whose filters were checked; `write` streams it. */
export interface InteractionsCsv {
  filename: string;
  write(output: Writable): Promise<void>;
}

/** The interactions behind a dashboard figure: a keyset-paged list or a streamed CSV. */
@Injectable()
export class InteractionsQueryService {
  constructor(
    private readonly interactions: InteractionsQueryRepository,
    private readonly segments: SegmentsService,
    private readonly clock: Clock,
  ) {}

  async list(tenantId: string, query: InteractionQueryDto): Promise<InteractionListDto> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = keysetOf(query.cursor);
    const prepared = await this.prepare(tenantId, query);
    if (prepared.filter === null) {
      return { data: [], page: { limit, nextCursor: null, total: 0 }, warning: prepared.warning };
    }
    const [rows, total] = await Promise.all([
      this.interactions.page(prepared.filter, limit + 1, after),
      this.interactions.count(prepared.filter),
    ]);
    const data = rows.slice(0, limit);
    const last = data[data.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ sortValue: last.occurredAtText, id: last.id })
        : null;
    return { data: data.map(toInteractionResponse), page: { limit, nextCursor, total } };
  }

  /** Checks the filters now, so errors come before the first byte; the rows stream later. */
  async csv(tenantId: string, query: InteractionQueryDto): Promise<InteractionsCsv> {
    const prepared = await this.prepare(tenantId, query);
    const filename = `interactions_${prepared.window.from}_${prepared.window.to}.csv`;
    return { filename, write: (output) => this.writeCsv(prepared.filter, output) };
  }

  private async writeCsv(filter: InteractionFilter | null, output: Writable): Promise<void> {
    const writer = new CsvStreamWriter(output);
    let rowCount = 0;
    try {
      await writer.writeHeader(CSV_HEADER);
      let after: InteractionKeyset | null = null;
      while (filter) {
        const rows = await this.interactions.page(filter, CSV_BATCH_ROWS, after);
        await writer.writeRows(rows.map(toCsvRow));
        rowCount += rows.length;
        const last = rows[rows.length - 1];
        if (!last || rows.length < CSV_BATCH_ROWS) {
          break;
        }
        after = { occurredAt: last.occurredAtText, id: last.id };
      }
      writer.end();
      logger.info({ action: 'interactions.csv_sent', rowCount }, 'interactions CSV sent');
    } catch (error) {
      if (!(error instanceof CsvOutputClosedError)) {
        throw error;
      }
      logger.info(
        { action: 'interactions.csv_aborted', rowCount },
        'client closed the CSV download early',
      );
    }
  }

  private async prepare(tenantId: string, query: InteractionQueryDto): Promise<PreparedQuery> {
    const window = resolveDayWindow(query, this.clock.now());
    const filter: InteractionFilter = {
      tenantId,
      from: window.from,
      to: window.to,
      segment: null,
      offerKey: query.offerKey,
      channelKey: query.channelKey,
      kind: query.kind,
      outcome: query.outcome,
      customerId: query.customerId,
      classification: query.classification,
      conversionsOnly: query.conversion === true,
    };
    if (!query.segmentId) {
      return { window, filter, warning: null };
    }
    const resolved = await this.segments.resolve(tenantId, query.segmentId);
    if (resolved.status === 'unknown') {
      return { window, filter: null, warning: 'unknown segmentId' };
    }
    if (resolved.status === 'not_materialized') {
      return { window, filter: null, warning: 'segment view not materialized' };
    }
    return { window, filter: { ...filter, segment: resolved }, warning: null };
  }
}

function keysetOf(cursor: string | undefined): InteractionKeyset | null {
  const decoded = decodeCursor(cursor);
  if (!decoded) {
    return null;
  }
  if (
    typeof decoded.sortValue !== 'string' ||
    !KEYSET_TIME.test(decoded.sortValue) ||
    !isUuid(decoded.id)
  ) {
    throw InvalidParameterError.forField('cursor', cursor, 'is not a cursor returned by this list');
  }
  return { occurredAt: decoded.sortValue, id: decoded.id };
}

function toInteractionResponse(row: InteractionRow): InteractionListItemDto {
  return {
    id: row.id,
    occurredAt: toIsoInstant(row.occurredAtText) ?? row.occurredAtText,
    kind: row.kind,
    customerId: row.customerId,
    offerKey: row.offerKey,
    channelKey: row.channelKey,
    creativeKey: row.creativeKey,
    outcomeKey: row.outcomeKey,
    direction: row.direction,
    conversionValue: toNumberOrNull(row.conversionValue),
    recommendationId: row.recommendationId,
    rank: toNumberOrNull(row.rank),
    modelKey: row.modelKey,
    score: toNumberOrNull(row.score),
    context: row.context ?? null,
  };
}

function toCsvRow(row: InteractionRow): CsvValue[] {
  const item = toInteractionResponse(row);
  return [
    item.occurredAt,
    item.id,
    item.kind,
    item.customerId,
    item.offerKey,
    item.channelKey,
    item.creativeKey,
    item.outcomeKey,
    item.direction,
    item.conversionValue,
    item.recommendationId,
    item.rank,
    item.modelKey,
    item.score,
    item.context === null ? null : JSON.stringify(item.context),
  ];
}
