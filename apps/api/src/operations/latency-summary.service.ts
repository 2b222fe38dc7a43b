import { Inject, Injectable } from '@nestjs/common';

import { AnnotationsService } from '../annotations/index.js';
import { type DayWindow, MAX_WINDOW_DAYS, resolveDayWindow } from '../common/time/window.js';
import { type AppConfig, CONFIG } from '../config/app-config.js';
import { Clock } from '../core/clock.js';
import { ratio } from '../database/mapper.js';
import {
  addLatencyHistograms,
  emptyLatencyHistogram,
  estimateLatencyPercentile,
  LATENCY_PERCENTILE_RELATIVE_ERROR,
} from '../ingest-decisions/index.js';
import { retentionCutoff } from '../scheduling/index.js';
import {
  DecisionRunStatsRepository,
  type HourlyPercentiles,
  type TenantRange,
} from './decision-run-stats.repository.js';
import type {
  LatencyTrendDto,
  OperationsKpisDto,
  OperationsSummaryDto,
  TrendAnnotationDto,
} from './dto/operations-summary.dto.js';
import {
  hoursOf,
  latencySource,
  latencyTrendRange,
  type LatencySource,
  windowInstants,
} from './latency-window.js';
import { parseIntegerQuery } from './query-integers.js';

/** Runs shown in the latency distribution. */
export const RECENT_RUNS_LIMIT = 100;
/** Most annotations drawn on the latency trend; the newest beyond this are left out. */
export const MAX_TREND_ANNOTATIONS = 1_000;
const ANNOTATION_PAGE = 200;

/** The window parameters of the summary, as sent. */
export interface SummaryWindowQuery {
  days?: unknown;
  from?: string;
  to?: string;
}

/**
 * The latency side of the Operations dashboard: KPI cards, the latency distribution of recent
 * runs and the hourly P50/P99 trend. Percentiles are PostgreSQL `percentile_cont` over raw runs
 * while the raw retention covers the range, and histogram estimates from the hourly rollups
 * (marked approximate) when it does not.
 */
@Injectable()
export class LatencySummaryService {
  constructor(
    private readonly repository: DecisionRunStatsRepository,
    private readonly annotations: AnnotationsService,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Resolves `days` or `from`/`to` (400 naming the parameter when invalid). */
  resolveWindow(query: SummaryWindowQuery, now: Date): DayWindow {
    const days =
      query.days === undefined
        ? undefined
        : parseIntegerQuery({ field: 'days', value: query.days, min: 1, max: MAX_WINDOW_DAYS });
    return resolveDayWindow({ days, from: query.from, to: query.to }, now);
  }

  async summary(params: { tenantId: string; window: DayWindow }): Promise<OperationsSummaryDto> {
    const now = this.clock.now();
    const range = { tenantId: params.tenantId, ...windowInstants(params.window) };
    const source = latencySource(range.from, this.rawFrom(now));
    const [kpis, runs, latencyTrend] = await Promise.all([
      this.kpis(range, source),
      this.repository.recentRuns({ ...range, limit: RECENT_RUNS_LIMIT }),
      this.trend(params.tenantId, params.window, now),
    ]);

    return {
      window: params.window,
      source,
      approximate: source === 'rollups',
      relativeErrorBound: errorBound(source),
      kpis,
      latencyDistribution: { p95LatencyMs: kpis.p95LatencyMs, runs },
      latencyTrend,
    };
  }

  /** Returns the first instant the raw runs still cover. */
  private rawFrom(now: Date): Date {
    return retentionCutoff(now, this.config.retention.decisionRuns);
  }

  private async kpis(range: TenantRange, source: LatencySource): Promise<OperationsKpisDto> {
    if (source === 'raw') {
      const stats = await this.repository.rawStats(range);
      return toKpis(stats, stats.avgLatencyMs, stats.p95LatencyMs);
    }
    const [stats, histogram] = await Promise.all([
      this.repository.rollupStats(range),
      this.repository.rollupHistogram(range),
    ]);
    const total = stats.completed + stats.failed;
    const p95 = estimateLatencyPercentile({
      histogram,
      maxMs: stats.latencyMaxMs ?? 0,
      quantile: 0.95,
    });
    return toKpis(stats, ratio(stats.latencySumMs, total), p95);
  }

  private async trend(tenantId: string, window: DayWindow, now: Date): Promise<LatencyTrendDto> {
    const range = { tenantId, ...latencyTrendRange(window, now) };
    const source = latencySource(range.from, this.rawFrom(now));
    const [measured, annotations] = await Promise.all([
      source === 'raw'
        ? this.repository.rawHourlyPercentiles(range)
        : this.rollupHourlyPercentiles(range),
      this.trendAnnotations(range),
    ]);
    const byHour = new Map(measured.map((point) => [point.hour, point]));
    const points = hoursOf(range).map(
      (hour) => byHour.get(hour) ?? { hour, runs: 0, p50: null, p99: null },
    );

    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      approximate: source === 'rollups',
      relativeErrorBound: errorBound(source),
      coverageFrom: points.find((point) => point.runs > 0)?.hour ?? null,
      points,
      annotations,
    };
  }

  /** P50 and P99 per hour estimated from the hour's rollup histograms, added over flows and channels. */
  private async rollupHourlyPercentiles(range: TenantRange): Promise<HourlyPercentiles[]> {
    const hours = new Map<string, { histogram: number[]; maxMs: number }>();
    for (const row of await this.repository.rollupHistogramsByHour(range)) {
      const hour = hours.get(row.hour) ?? { histogram: emptyLatencyHistogram(), maxMs: 0 };
      addLatencyHistograms(hour.histogram, row.histogram);
      hour.maxMs = Math.max(hour.maxMs, row.latencyMaxMs);
      hours.set(row.hour, hour);
    }
    return [...hours.entries()].map(([hour, { histogram, maxMs }]) => ({
      hour,
      runs: histogram.reduce((sum, count) => sum + count, 0),
      p50: estimateLatencyPercentile({ histogram, maxMs, quantile: 0.5 }),
      p99: estimateLatencyPercentile({ histogram, maxMs, quantile: 0.99 }),
    }));
  }

  /** Annotations of the trend's range, oldest first, at most MAX_TREND_ANNOTATIONS. */
  private async trendAnnotations(range: TenantRange): Promise<TrendAnnotationDto[]> {
    const annotations: TrendAnnotationDto[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.annotations.list({
        tenantId: range.tenantId,
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        limit: ANNOTATION_PAGE,
        cursor,
      });
      for (const row of page.data) {
        const { id, kind, title, source } = row;
        annotations.push({ id, occurredAt: row.occurredAt.toISOString(), kind, title, source });
      }
      cursor = page.page.nextCursor ?? undefined;
    } while (cursor && annotations.length < MAX_TREND_ANNOTATIONS);
    return annotations.slice(0, MAX_TREND_ANNOTATIONS);
  }
}

function toKpis(
  stats: { completed: number; failed: number },
  avgLatencyMs: number | null,
  p95LatencyMs: number | null,
): OperationsKpisDto {
  const totalRuns = stats.completed + stats.failed;
  return {
    totalRuns,
    completed: stats.completed,
    failed: stats.failed,
    avgLatencyMs,
    p95LatencyMs,
    successRate: ratio(stats.completed, totalRuns),
  };
}

function errorBound(source: LatencySource): number | null {
  return source === 'rollups' ? LATENCY_PERCENTILE_RELATIVE_ERROR : null;
}
