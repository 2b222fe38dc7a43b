import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';

import { DATABASE, type Database } from '../database/database.types.js';
import { resultRows, toIsoInstant, toNumber, toNumberOrNull } from '../database/mapper.js';

/** Instants `[from, to)` of one tenant's query. */
export interface TenantRange {
  tenantId: string;
  from: Date;
  to: Date;
}

/** Counts and latency figures of a set of decision runs. */
export interface RunTotals {
  completed: number;
  failed: number;
  /** Sum of latencies, over completed and failed runs. */
  latencySumMs: number;
}

export interface RawRunStats extends RunTotals {
  avgLatencyMs: number | null;
  p95LatencyMs: number | null;
}

export interface RollupRunStats extends RunTotals {
  latencyMaxMs: number | null;
}

export interface RecentRun {
  id: string;
  latencyMs: number;
  occurredAt: string;
  status: string;
}

export interface HourlyPercentiles {
  hour: string;
  runs: number;
  p50: number | null;
  p99: number | null;
}

/** The summed latency histogram of one hour of rollups. */
export interface HourlyHistogram {
  hour: string;
  latencyMaxMs: number;
  histogram: number[];
}

/**
 * Reads `decision_runs` (raw rows, exact percentiles) and `decision_run_rollups` (hourly
 * counts and histograms, kept after the raw rows expire). Hours are binned with `date_bin`
 * from a UTC origin, so the session time zone never shifts them.
 */
@Injectable()
export class DecisionRunStatsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Counts, average and P95 (percentile_cont) of the raw runs in the range. */
  async rawStats(range: TenantRange): Promise<RawRunStats> {
    const result = await this.db.execute(sql`
      SELECT count(*) FILTER (WHERE status = 'completed') AS completed,
             count(*) FILTER (WHERE status = 'failed') AS failed,
             coalesce(sum(latency_ms), 0)::float8 AS latency_sum_ms,
             avg(latency_ms)::float8 AS avg_latency_ms,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95_latency_ms
      FROM decision_runs
      WHERE tenant_id = ${range.tenantId}
        AND occurred_at >= ${range.from.toISOString()}::timestamptz
        AND occurred_at < ${range.to.toISOString()}::timestamptz`);
    const row = resultRows<Record<string, unknown>>(result)[0] ?? {};
    return {
      completed: toNumber(row.completed),
      failed: toNumber(row.failed),
      latencySumMs: toNumber(row.latency_sum_ms),
      avgLatencyMs: toNumberOrNull(row.avg_latency_ms),
      p95LatencyMs: toNumberOrNull(row.p95_latency_ms),
    };
  }

  /** Counts, latency sum and maximum of the rollup hours in the range. */
  async rollupStats(range: TenantRange): Promise<RollupRunStats> {
    const result = await this.db.execute(sql`
      SELECT coalesce(sum(completed), 0) AS completed,
             coalesce(sum(failed), 0) AS failed,
             coalesce(sum(latency_sum_ms), 0)::float8 AS latency_sum_ms,
             max(latency_max_ms)::float8 AS latency_max_ms
      FROM decision_run_rollups
      WHERE tenant_id = ${range.tenantId}
        AND hour >= ${range.from.toISOString()}::timestamptz
        AND hour < ${range.to.toISOString()}::timestamptz`);
    const row = resultRows<Record<string, unknown>>(result)[0] ?? {};
    return {
      completed: toNumber(row.completed),
      failed: toNumber(row.failed),
      latencySumMs: toNumber(row.latency_sum_ms),
      latencyMaxMs: toNumberOrNull(row.latency_max_ms),
    };
  }

  /** Adds up the rollup histograms of the range bucket by bucket (index 0 first). */
  async rollupHistogram(range: TenantRange): Promise<number[]> {
    const result = await this.db.execute(sql`
      SELECT bucket.position::int AS position, sum(bucket.count)::float8 AS count
      FROM decision_run_rollups AS rollup,
           unnest(rollup.histogram) WITH ORDINALITY AS bucket(count, position)
      WHERE rollup.tenant_id = ${range.tenantId}
        AND rollup.hour >= ${range.from.toISOString()}::timestamptz
        AND rollup.hour < ${range.to.toISOString()}::timestamptz
      GROUP BY bucket.position
      ORDER BY bucket.position`);
    const histogram: number[] = [];
    for (const row of resultRows<{ position: unknown; count: unknown }>(result)) {
      histogram[toNumber(row.position) - 1] = toNumber(row.count);
    }
    return Array.from(histogram, (count) => count ?? 0);
  }

  /** Returns the latest raw runs of the range, newest first. */
  async recentRuns(range: TenantRange & { limit: number }): Promise<RecentRun[]> {
    const result = await this.db.execute(sql`
      SELECT id, latency_ms::float8 AS latency_ms, occurred_at, status
      FROM decision_runs
      WHERE tenant_id = ${range.tenantId}
        AND occurred_at >= ${range.from.toISOString()}::timestamptz
        AND occurred_at < ${range.to.toISOString()}::timestamptz
      ORDER BY occurred_at DESC, id DESC
      LIMIT ${range.limit}`);
    return resultRows<Record<string, unknown>>(result).map((row) => ({
      id: String(row.id),
      latencyMs: toNumber(row.latency_ms),
      occurredAt: toIsoInstant(row.occurred_at) ?? '',
      status: String(row.status),
    }));
  }

  /** P50 and P99 (percentile_cont) of the raw runs per UTC hour; hours without runs are absent. */
  async rawHourlyPercentiles(range: TenantRange): Promise<HourlyPercentiles[]> {
    const result = await this.db.execute(sql`
      SELECT date_bin('1 hour', occurred_at, '2000-01-01T00:00:00Z'::timestamptz) AS hour,
             count(*) AS runs,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99
      FROM decision_runs
      WHERE tenant_id = ${range.tenantId}
        AND occurred_at >= ${range.from.toISOString()}::timestamptz
        AND occurred_at < ${range.to.toISOString()}::timestamptz
      GROUP BY 1
      ORDER BY 1`);
    return resultRows<Record<string, unknown>>(result).map((row) => ({
      hour: toIsoInstant(row.hour) ?? '',
      runs: toNumber(row.runs),
      p50: toNumberOrNull(row.p50),
      p99: toNumberOrNull(row.p99),
    }));
  }

  /** Returns the rollup rows of the range, one per hour, flow and channel, oldest first. */
  async rollupHistogramsByHour(range: TenantRange): Promise<HourlyHistogram[]> {
    const result = await this.db.execute(sql`
      SELECT hour, latency_max_ms::float8 AS latency_max_ms, histogram
      FROM decision_run_rollups
      WHERE tenant_id = ${range.tenantId}
        AND hour >= ${range.from.toISOString()}::timestamptz
        AND hour < ${range.to.toISOString()}::timestamptz
      ORDER BY hour`);
    return resultRows<Record<string, unknown>>(result).map((row) => ({
      hour: toIsoInstant(row.hour) ?? '',
      latencyMaxMs: toNumber(row.latency_max_ms),
      histogram: readIntegerArray(row.histogram),
    }));
  }
}

/** node-postgres parses int[] into numbers; PGlite may return the array literal as text. */
function readIntegerArray(value: unknown): number[] {
  if (Array.isArray(value)) {
    return value.map((count) => toNumber(count));
  }
  if (typeof value === 'string') {
    return value
      .replace(/[{}]/g, '')
      .split(',')
      .filter((part) => part.length > 0)
      .map(Number);
  }
  return [];
}
