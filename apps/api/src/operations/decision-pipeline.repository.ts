import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';

import { DATABASE, type Database } from '../database/database.types.js';
import { resultRows, toNumber, toNumberOrNull } from '../database/mapper.js';
import type { FunnelSums } from './filter-rates.js';

export interface TraceWindowStats extends FunnelSums {
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  p99LatencyMs: number | null;
}

export interface RuleRemovals {
  stage: string;
  ruleId: string;
  removed: number;
}

/** Aggregates of `decision_traces` and `trace_removal_rollups` for the decision pipeline. */
@Injectable()
export class DecisionPipelineRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Trace count, funnel sums and total-latency percentiles (percentile_cont) of `[from, to)`. */
  async traceStats(range: { tenantId: string; from: Date; to: Date }): Promise<TraceWindowStats> {
    const result = await this.db.execute(sql`
      SELECT count(*) AS trace_count,
             coalesce(sum(initial_count), 0) AS initial,
             coalesce(sum(after_qualification), 0) AS after_qualification,
             coalesce(sum(after_suppression), 0) AS after_suppression,
             coalesce(sum(after_contact_policy), 0) AS after_contact_policy,
             coalesce(sum(after_scoring), 0) AS after_scoring,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY total_latency_ms) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY total_latency_ms) AS p95,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY total_latency_ms) AS p99
      FROM decision_traces
      WHERE tenant_id = ${range.tenantId}
        AND occurred_at >= ${range.from.toISOString()}::timestamptz
        AND occurred_at < ${range.to.toISOString()}::timestamptz`);
    const row = resultRows<Record<string, unknown>>(result)[0] ?? {};
    return {
      traceCount: toNumber(row.trace_count),
      initial: toNumber(row.initial),
      afterQualification: toNumber(row.after_qualification),
      afterSuppression: toNumber(row.after_suppression),
      afterContactPolicy: toNumber(row.after_contact_policy),
      afterScoring: toNumber(row.after_scoring),
      p50LatencyMs: toNumberOrNull(row.p50),
      p95LatencyMs: toNumberOrNull(row.p95),
      p99LatencyMs: toNumberOrNull(row.p99),
    };
  }

  /**
   * Returns the `perStage` rules that removed the most candidates in each stage, over the rollup
   * hours starting in `[fromHour, to)`. Ties go to the rule id in alphabetical order.
   */
  async topRules(range: {
    tenantId: string;
    fromHour: Date;
    to: Date;
    perStage: number;
  }): Promise<RuleRemovals[]> {
    const result = await this.db.execute(sql`
      SELECT stage, rule_id, removed
      FROM (
        SELECT stage, rule_id, sum(removed) AS removed,
               row_number() OVER (PARTITION BY stage ORDER BY sum(removed) DESC, rule_id) AS position
        FROM trace_removal_rollups
        WHERE tenant_id = ${range.tenantId}
          AND hour >= ${range.fromHour.toISOString()}::timestamptz
          AND hour < ${range.to.toISOString()}::timestamptz
        GROUP BY stage, rule_id
      ) ranked
      WHERE position <= ${range.perStage}
      ORDER BY stage, position`);
    return resultRows<Record<string, unknown>>(result).map((row) => ({
      stage: String(row.stage),
      ruleId: String(row.rule_id),
      removed: toNumber(row.removed),
    }));
  }
}
