import { Inject, Injectable } from '@nestjs/common';
import { type SQL, sql } from 'drizzle-orm';

import { DATABASE, type Database } from '../../database/database.types.js';
import { resultRows, toNumber } from '../../database/mapper.js';
import type { PartitionedTable } from '../../database/partitions.js';

/** Hourly rollup tables and the time column each expires by; kept for the rollup retention. */
export const ROLLUP_TABLES = {
  decision_run_rollups: 'hour',
  trace_removal_rollups: 'hour',
  interaction_rollups: 'hour',
  dead_letter_depth_samples: 'sampled_at',
} as const;
export type RollupTable = keyof typeof ROLLUP_TABLES;

/**
 * Deletes expired rows that dropping day partitions does not remove. Table and column names
 * come from the fixed lists above, never from request text.
 */
@Injectable()
export class RetentionRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Deletes a partitioned table's rows before `cutoff`. Run it after the expired day partitions
   * are dropped: partition pruning then limits it to the default partition.
   */
  deleteUnpartitionedBefore(table: PartitionedTable, cutoff: Date): Promise<number> {
    return this.countedDelete(table, 'occurred_at', sql`${cutoff.toISOString()}::timestamptz`);
  }

  /** Deletes a rollup table's rows whose hour (or sample time) is before `cutoff`. */
  deleteRollupsBefore(table: RollupTable, cutoff: Date): Promise<number> {
    return this.countedDelete(
      table,
      ROLLUP_TABLES[table],
      sql`${cutoff.toISOString()}::timestamptz`,
    );
  }

  /** Deletes interaction summaries of UTC days before `firstDay` (YYYY-MM-DD). */
  deleteSummariesBefore(firstDay: string): Promise<number> {
    return this.countedDelete('interaction_summaries', 'day', sql`${firstDay}::date`);
  }

  /** Deletes schedule occurrences before `cutoff`, whatever their status. */
  deleteOccurrencesBefore(cutoff: Date): Promise<number> {
    return this.countedDelete(
      'schedule_occurrences',
      'scheduled_for',
      sql`${cutoff.toISOString()}::timestamptz`,
    );
  }

  /** Deletes the rows with `column < bound` and returns how many, without sending them back. */
  private async countedDelete(table: string, column: string, bound: SQL): Promise<number> {
    const result = await this.db.execute(sql`
      WITH deleted AS (
        DELETE FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} < ${bound} RETURNING 1
      )
      SELECT count(*)::int AS deleted FROM deleted`);
    return toNumber(resultRows<{ deleted: unknown }>(result)[0]?.deleted);
  }
}
