import { PassThrough, type Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';

import { CsvStreamWriter } from '../common/csv/csv-stream.js';
import { InvalidParameterError, NotFoundError } from '../common/errors/domain-errors.js';
import { logger } from '../common/logging/logger.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { DEFAULT_PAGE_LIMIT, type Page, toPage } from '../common/pagination/page.js';
import { isUuid } from '../common/validation/uuid-pipe.js';
import type { DecisionTraceListQueryDto } from './dto/decision-trace-query.dto.js';
import type { DecisionTraceDetailDto, DecisionTraceSummaryDto } from './dto/decision-trace.dto.js';
import { TRACE_CSV_HEADER, traceCsvRow } from './trace-csv.js';
import {
  type TraceDetailRow,
  TraceExplorerRepository,
  type TraceFilter,
  type TraceKeyset,
  type TraceListRow,
} from './trace-explorer.repository.js';
import {
  buildOfferJourneys,
  buildTimeline,
  readScoringResults,
  readStageResults,
} from './trace-journey.js';

/** Traces read per query while streaming a CSV download. */
const CSV_PAGE_ROWS = 1_000;

/** The Decision Trace explorer: a filtered, newest-first list and one trace's journey. */
@Injectable()
export class TraceExplorerService {
  constructor(private readonly repository: TraceExplorerRepository) {}

  async list(params: {
    tenantId: string;
    query: DecisionTraceListQueryDto;
  }): Promise<Page<DecisionTraceSummaryDto>> {
    const filter = toFilter(params.tenantId, params.query);
    const limit = params.query.limit ?? DEFAULT_PAGE_LIMIT;
    const after = readCursor(params.query.cursor);
    const [rows, total] = await Promise.all([
      this.repository.list(filter, limit, after),
      this.repository.count(filter),
    ]);
    return toPage(rows.map(toSummary), limit, total, (row) => row.occurredAt);
  }

  /** Returns one trace. Another tenant's id is a 404, like a missing one. */
  async detail(params: { tenantId: string; id: string }): Promise<DecisionTraceDetailDto> {
    const row = await this.repository.findById(params.tenantId, params.id);
    if (!row) {
      throw new NotFoundError('Decision trace', params.id);
    }
    return toDetail(row);
  }

  /**
   * Streams every trace that matches the filters as CSV, newest first, reading one page at a
   * time. The first page is read before returning, so an invalid filter still gives a 400.
   */
  async csv(params: { tenantId: string; query: DecisionTraceListQueryDto }): Promise<Readable> {
    const filter = toFilter(params.tenantId, params.query);
    const first = await this.repository.list(filter, CSV_PAGE_ROWS, null);
    const output = new PassThrough();
    this.writeCsv(filter, first, output).catch((error: unknown) => {
      logger.error(
        { action: 'decision_traces.csv_failed', tenantId: params.tenantId, err: error },
        'streaming the decision trace CSV failed; the download is cut short',
      );
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return output;
  }

  private async writeCsv(filter: TraceFilter, first: TraceListRow[], output: PassThrough) {
    const writer = new CsvStreamWriter(output);
    await writer.writeHeader(TRACE_CSV_HEADER);
    let rows = first;
    let written = 0;
    for (;;) {
      const page = rows.slice(0, CSV_PAGE_ROWS);
      await writer.writeRows(page.map((row) => traceCsvRow(toSummary(row))));
      written += page.length;
      const last = page[page.length - 1];
      if (rows.length <= CSV_PAGE_ROWS || !last) {
        break;
      }
      rows = await this.repository.list(filter, CSV_PAGE_ROWS, last);
    }
    writer.end();
    logger.info(
      { action: 'decision_traces.csv_exported', tenantId: filter.tenantId, rows: written },
      'decision trace CSV exported',
    );
  }
}

function toFilter(tenantId: string, query: DecisionTraceListQueryDto): TraceFilter {
  const from = query.from === undefined ? undefined : new Date(query.from);
  const to = query.to === undefined ? undefined : new Date(query.to);
  if (from && to && from.getTime() >= to.getTime()) {
    throw InvalidParameterError.forField('to', query.to, `must be after from (${query.from})`);
  }
  return {
    tenantId,
    customerId: query.customerId,
    requestId: query.requestId,
    offerKey: query.offerKey,
    stage: query.stage,
    ruleId: query.ruleId,
    from,
    to,
  };
}

function readCursor(cursor: string | undefined): TraceKeyset | null {
  const decoded = decodeCursor(cursor);
  if (!decoded) {
    return null;
  }
  const occurredAt = new Date(String(decoded.sortValue));
  if (Number.isNaN(occurredAt.getTime()) || !isUuid(decoded.id)) {
    throw InvalidParameterError.forField('cursor', cursor, 'is not a cursor returned by this list');
  }
  return { occurredAt, id: decoded.id };
}

function toSummary(row: TraceListRow): DecisionTraceSummaryDto & { occurredAt: string } {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
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
    selectedOffers: row.selectedOffers,
    degradedScoring: row.degradedScoring,
    removalTags: row.removalTags,
  };
}

function toDetail(row: TraceDetailRow): DecisionTraceDetailDto {
  const summary = toSummary(row);
  const stageResults = readStageResults(row.stageResults);
  const scoringResults = readScoringResults(row.scoringResults);
  return {
    ...summary,
    timeline: buildTimeline({
      funnel: summary.funnel,
      stageResults,
      degradedScoring: row.degradedScoring,
    }),
    offers: buildOfferJourneys({
      stageResults,
      scoringResults,
      selectedOffers: row.selectedOffers,
    }),
    scoringResults,
    experiment: readExperiment(row.experiment),
  };
}

function readExperiment(
  value: Record<string, unknown> | null,
): DecisionTraceDetailDto['experiment'] {
  if (!value || typeof value.key !== 'string' || typeof value.variant !== 'string') {
    return null;
  }
  return { key: value.key, variant: value.variant };
}
