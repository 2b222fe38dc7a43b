import { Injectable } from '@nestjs/common';

import { logger } from '../common/logging/logger.js';
import { previousWindow } from '../common/time/window.js';
import {
  type MaterializedSegment,
  type SegmentResolution,
  SegmentsService,
} from '../segments/index.js';
import {
  toAcceptanceRateRow,
  toChannelEffectivenessRow,
  toDailyTrendRow,
  toFunnelRows,
  toOfferByCategoryRow,
  toOfferByChannelRow,
  toOfferPerformanceRow,
  toRevenueTrendRow,
  toSummaryRows,
} from './business-data.mappers.js';
import {
  type AcceptanceRateRow,
  type BusinessDataRequest,
  type BusinessDataResult,
  type ChannelEffectivenessRow,
  type DailyTrendRow,
  type FunnelRow,
  type GroupedOfferRow,
  type OfferBySegmentRow,
  type OfferGrouping,
  type OfferPerformanceRow,
  type RevenueTrendRow,
  type SummaryRow,
  TOP_OFFERS_LIMIT,
} from './business-data.types.js';
import {
  BusinessMetricsRepository,
  type MetricScope,
  type RawRow,
} from './business-metrics.repository.js';

/** PostgreSQL's SQLSTATE for a relation that does not exist. */
const UNDEFINED_TABLE = '42P01';

/** A trend request may pin the first day of data coverage; otherwise the tenant's first day is used. */
export interface TrendRequest extends BusinessDataRequest {
  coverageFrom?: string | null;
}

/**
 * The figures of the Business dashboard, one method per data type. The
 * Operations dashboard reuses `acceptanceRate`. Every aggregate is computed in
 * SQL; this service picks the source (rollups, or summaries joined to a
 * segment's view) and turns a segment that cannot be applied into a warning.
 */
@Injectable()
export class BusinessDataService {
  constructor(
    private readonly metrics: BusinessMetricsRepository,
    private readonly segments: SegmentsService,
  ) {}

  /** First UTC day with any interaction of the tenant, or null when it has none. */
  coverageFrom(tenantId: string): Promise<string | null> {
    return this.metrics.coverageStart(tenantId);
  }

  /** Impressions, conversions, conversion rate and revenue, with the previous equal-length window. */
  summary(request: BusinessDataRequest): Promise<BusinessDataResult<SummaryRow>> {
    const span = { from: previousWindow(request.window).from, to: request.window.to };
    return this.withScope(request, span, async (scope) =>
      toSummaryRows(await this.metrics.periodTotals(scope, request.window.from)),
    );
  }

  /** Per offer: impressions, positive, negative and accept rate = positive / impressions. */
  acceptanceRate(request: BusinessDataRequest): Promise<BusinessDataResult<AcceptanceRateRow>> {
    return this.withScope(request, request.window, async (scope) =>
      (await this.metrics.acceptanceByOffer(scope)).map(toAcceptanceRateRow),
    );
  }

  /** Lists the 20 offers with the most impressions. */
  offerPerformance(request: BusinessDataRequest): Promise<BusinessDataResult<OfferPerformanceRow>> {
    return this.withScope(request, request.window, async (scope) =>
      (await this.metrics.topOffers(scope, TOP_OFFERS_LIMIT)).map(toOfferPerformanceRow),
    );
  }

  /** Offer performance per channel, category or segment (within one segment when segmentId is given). */
  offerPerformanceGrouped(
    request: BusinessDataRequest & { groupBy: OfferGrouping },
  ): Promise<BusinessDataResult<GroupedOfferRow>> {
    switch (request.groupBy) {
      case 'channel':
        return this.withScope(request, request.window, async (scope) =>
          (await this.metrics.offersByChannel(scope)).map(toOfferByChannelRow),
        );
      case 'category':
        return this.withScope(request, request.window, async (scope) =>
          (await this.metrics.offersByCategory(scope)).map(toOfferByCategoryRow),
        );
      case 'segment':
        return this.offersBySegment(request);
    }
  }

  /** Per channel: impressions, conversions and effectiveness = conversions / impressions. */
  channelEffectiveness(
    request: BusinessDataRequest,
  ): Promise<BusinessDataResult<ChannelEffectivenessRow>> {
    return this.withScope(request, request.window, async (scope) =>
      (await this.metrics.channelEffectiveness(scope)).map(toChannelEffectivenessRow),
    );
  }

  /** Impressions and conversions per UTC day, zero-filled from the coverage start on. */
  async dailyTrend(request: TrendRequest): Promise<BusinessDataResult<DailyTrendRow>> {
    const coverageFrom = await this.resolveCoverage(request);
    return this.withScope(request, request.window, async (scope) =>
      (await this.metrics.dailyTotals(scope, coverageFrom)).map(toDailyTrendRow),
    );
  }

  /** Revenue per UTC day, zero-filled from the coverage start on. */
  async revenueTrend(request: TrendRequest): Promise<BusinessDataResult<RevenueTrendRow>> {
    const coverageFrom = await this.resolveCoverage(request);
    return this.withScope(request, request.window, async (scope) =>
      (await this.metrics.dailyTotals(scope, coverageFrom)).map(toRevenueTrendRow),
    );
  }

  /** Recommendations, impressions, positive responses and conversions, each with its rate from the previous stage. */
  funnel(request: BusinessDataRequest): Promise<BusinessDataResult<FunnelRow>> {
    return this.withScope(request, request.window, async (scope) =>
      toFunnelRows(await this.metrics.funnelCounts(scope)),
    );
  }

  private async resolveCoverage(request: TrendRequest): Promise<string | null> {
    return request.coverageFrom ?? (await this.metrics.coverageStart(request.tenantId));
  }

  /**
   * Runs a query on the rollups, or on the segment's customers when a segment
   * is asked for. A segment that is unknown, not materialized, or whose view
   * was dropped while the query ran gives no rows and a warning.
   */
  private async withScope<Row>(
    request: BusinessDataRequest,
    span: { from: string; to: string },
    query: (scope: MetricScope) => Promise<Row[]>,
  ): Promise<BusinessDataResult<Row>> {
    const base = { tenantId: request.tenantId, from: span.from, to: span.to };
    if (!request.segmentId) {
      return { data: await query({ ...base, segment: null }), warning: null, segment: null };
    }
    for (let attempt = 1; ; attempt++) {
      const resolved = await this.segments.resolve(request.tenantId, request.segmentId);
      if (resolved.status !== 'ok') {
        return warningFor(resolved);
      }

      const segment = { segmentId: resolved.segmentId, name: resolved.name };
      try {
        return { data: await query({ ...base, segment: resolved }), warning: null, segment };
      } catch (error) {
        if (!isUndefinedTable(error)) {
          throw error;
        }
        if (attempt >= 2) {
          return viewMissing(segment, error);
        }
        logger.info(
          { action: 'business.segment_view_missing', segmentId: segment.segmentId },
          'segment view vanished during the query; resolving the segment again',
        );
      }
    }
  }

  private async offersBySegment(
    request: BusinessDataRequest,
  ): Promise<BusinessDataResult<OfferBySegmentRow>> {
    for (let attempt = 1; ; attempt++) {
      const listed = await this.segmentsToFanOut(request);
      if ('warning' in listed) {
        return listed.warning;
      }
      const scope = {
        tenantId: request.tenantId,
        from: request.window.from,
        to: request.window.to,
      };
      try {
        const rows = await this.metrics.offersBySegment(scope, listed.segments);
        return { data: bySegmentOrder(rows, listed.segments), warning: null, segment: listed.only };
      } catch (error) {
        if (!isUndefinedTable(error)) {
          throw error;
        }
        if (attempt >= 2) {
          return viewMissing(listed.only, error);
        }
        logger.info(
          { action: 'business.segment_view_missing', segments: listed.segments.length },
          'a segment view vanished during the query; listing the segments again',
        );
      }
    }
  }

  /** Every active materialized segment, or only the requested one. */
  private async segmentsToFanOut(
    request: BusinessDataRequest,
  ): Promise<
    | { segments: MaterializedSegment[]; only: { segmentId: string; name: string } | null }
    | { warning: BusinessDataResult<OfferBySegmentRow> }
  > {
    if (!request.segmentId) {
      return { segments: await this.segments.listMaterialized(request.tenantId), only: null };
    }
    const resolved = await this.segments.resolve(request.tenantId, request.segmentId);
    if (resolved.status !== 'ok') {
      return { warning: warningFor<OfferBySegmentRow>(resolved) };
    }
    return { segments: [resolved], only: { segmentId: resolved.segmentId, name: resolved.name } };
  }
}

/** Rows grouped in the order of the segments (by name), each group keeping the SQL order. */
function bySegmentOrder(rows: RawRow[], segments: MaterializedSegment[]): OfferBySegmentRow[] {
  return segments.flatMap((segment) =>
    rows
      .filter((raw) => raw.segment_id === segment.segmentId)
      .map((raw) => ({
        segmentId: segment.segmentId,
        segmentName: segment.name,
        ...toOfferPerformanceRow(raw),
      })),
  );
}

/**
 * Returns the not-materialized warning for an active segment whose view was
 * missing on both attempts, for example after someone dropped it by hand.
 */
function viewMissing<Row>(
  segment: { segmentId: string; name: string } | null,
  error: unknown,
): BusinessDataResult<Row> {
  logger.error(
    { action: 'business.segment_view_missing', segmentId: segment?.segmentId, err: error },
    'segment view is missing although the segment is active; set it to draft and back to active to rebuild it',
  );
  return { data: [], warning: 'segment view not materialized', segment };
}

function warningFor<Row>(
  resolved: Exclude<SegmentResolution, { status: 'ok' }>,
): BusinessDataResult<Row> {
  if (resolved.status === 'unknown') {
    return { data: [], warning: 'unknown segmentId', segment: null };
  }
  return {
    data: [],
    warning: 'segment view not materialized',
    segment: { segmentId: resolved.segmentId, name: resolved.name },
  };
}

function isUndefinedTable(error: unknown): boolean {
  const code =
    (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  return code === UNDEFINED_TABLE;
}
