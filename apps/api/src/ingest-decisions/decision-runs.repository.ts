import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { decisionRunRollups, decisionRuns } from '../database/schema/index.js';
import type { DecisionRunRollupDelta, NewDecisionRun } from './decision-run-rollups.js';

@Injectable()
export class DecisionRunsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Inserts raw runs and returns their ids in input order. */
  async insertRuns(
    tenantId: string,
    runs: NewDecisionRun[],
    executor: Executor = this.db,
  ): Promise<string[]> {
    if (runs.length === 0) {
      return [];
    }
    const rows = await executor
      .insert(decisionRuns)
      .values(runs.map((run) => ({ tenantId, ...run })))
      .returning({ id: decisionRuns.id });
    return rows.map((row) => row.id);
  }

  /**
   * Adds the deltas to the hourly rollups: counts and latency sums add up, the maximum is kept
   * and histograms add bucket by bucket. Each (hour, flow, channel) may appear once.
   */
  async addToRollups(
    tenantId: string,
    deltas: DecisionRunRollupDelta[],
    executor: Executor = this.db,
  ): Promise<void> {
    if (deltas.length === 0) {
      return;
    }
    const table = decisionRunRollups;
    await executor
      .insert(table)
      .values(deltas.map((delta) => ({ tenantId, ...delta })))
      .onConflictDoUpdate({
        target: [table.tenantId, table.hour, table.flowKey, table.channelKey],
        set: {
          completed: sql`${table.completed} + excluded.completed`,
          failed: sql`${table.failed} + excluded.failed`,
          latencySumMs: sql`${table.latencySumMs} + excluded.latency_sum_ms`,
          latencyMaxMs: sql`greatest(${table.latencyMaxMs}, excluded.latency_max_ms)`,
          histogram: sql`array(
            select coalesce(stored, 0) + coalesce(added, 0)
            from unnest(${table.histogram}, excluded.histogram) with ordinality as bucket(stored, added, position)
            order by position)`,
        },
      });
  }
}
