import {
  type LatencyDistributionDto,
  type LatencyTrendDto,
  type RecentRunDto,
} from '@kaireon/api-client';

import { type AnnotationMarker } from '../../shared/charts/annotation-markers.plugin';
import { type ChartSeries } from '../../shared/charts/chart-options';

const MS_PER_HOUR = 3_600_000;

/** One bar of the Latency Distribution chart: a recent run, scaled against the period's P95. */
export interface LatencyBar {
  readonly runId: string;
  readonly latencyMs: number;
  readonly occurredAt: string;
  readonly status: RecentRunDto['status'];
  /** Latency divided by the period's P95: 1 is a run exactly at P95. */
  readonly relativeToP95: number;
  readonly aboveP95: boolean;
}

/**
 * Builds the bars of the Latency Distribution, oldest run first so time runs left to right. Each
 * bar's height is the run's latency relative to the period's P95. Without a positive P95 (no runs,
 * or only zero latencies) the bars are scaled against the slowest run instead.
 */
export function buildLatencyBars(distribution: LatencyDistributionDto): LatencyBar[] {
  const p95 = distribution.p95LatencyMs;
  const slowest = Math.max(0, ...distribution.runs.map((run) => run.latencyMs));
  const scale = p95 !== null && p95 > 0 ? p95 : slowest;

  return [...distribution.runs].reverse().map((run) => ({
    runId: run.id,
    latencyMs: run.latencyMs,
    occurredAt: run.occurredAt,
    status: run.status,
    relativeToP95: scale > 0 ? run.latencyMs / scale : 0,
    aboveP95: p95 !== null && run.latencyMs > p95,
  }));
}

/** An annotation of the latency trend, listed under the chart. */
export interface TrendAnnotationView {
  readonly id: string;
  readonly occurredAt: string;
  readonly kind: string;
  readonly title: string;
}

/** The Latency Trend chart's inputs. */
export interface LatencyTrendView {
  /** Short hour labels for the axis, in the viewer's zone. */
  readonly labels: readonly string[];
  /** Full hour per point for the tooltip, with the zone named. */
  readonly tooltipTitles: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly markers: readonly AnnotationMarker[];
  readonly annotations: readonly TrendAnnotationView[];
}

/**
 * Returns the index of the hourly point an instant falls in, or -1 when it is outside the trend.
 * Points are consecutive UTC hours starting at `points[0].hour`.
 */
export function hourIndex(trend: LatencyTrendDto, instant: string): number {
  const first = trend.points[0];
  const at = Date.parse(instant);
  if (!first || Number.isNaN(at)) {
    return -1;
  }
  const index = Math.floor((at - Date.parse(first.hour)) / MS_PER_HOUR);

  return index >= 0 && index < trend.points.length ? index : -1;
}

/**
 * Builds the Latency Trend chart: P50 and P99 per hour (null in hours without runs, drawn as
 * gaps), hour labels in `timeZone`, and the annotations as markers at their hour.
 */
export function buildLatencyTrend(
  trend: LatencyTrendDto,
  locale: string,
  timeZone: string,
): LatencyTrendView {
  const axisFormat = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const titleFormat = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const annotations = trend.annotations
    .filter((annotation) => hourIndex(trend, annotation.occurredAt) >= 0)
    .map(({ id, occurredAt, kind, title }) => ({ id, occurredAt, kind, title }));

  return {
    labels: trend.points.map((point) => axisFormat.format(Date.parse(point.hour))),
    tooltipTitles: trend.points.map(
      (point) => `${titleFormat.format(Date.parse(point.hour))} ${timeZone}`,
    ),
    series: [
      { label: 'P50 (ms)', values: trend.points.map((point) => point.p50) },
      { label: 'P99 (ms)', values: trend.points.map((point) => point.p99) },
    ],
    markers: annotations.map((annotation) => ({
      index: hourIndex(trend, annotation.occurredAt),
      title: annotation.title,
    })),
    annotations,
  };
}
