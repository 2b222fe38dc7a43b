import { Inject, Injectable } from '@nestjs/common';

import { logger } from '../../common/logging/logger.js';
import { type AppConfig, CONFIG } from '../../config/app-config.js';
import { type PartitionedTable, PartitionService } from '../../database/partitions.js';
import { ROLLUP_TABLES, RetentionRepository, type RollupTable } from './retention.repository.js';
import { firstRetainedDay, retentionCutoff } from './retention-policy.js';

/** Partitions and rows removed by one retention run. */
export interface RetentionSummary {
  /** Dropped day partitions by table. */
  droppedPartitions: Record<string, string[]>;
  /** Deleted rows by table. */
  deletedRows: Record<string, number>;
}

/**
 * Removes expired telemetry: day partitions older than each data class's retention, rows of the
 * default partitions before the same cutoff, rollup rows older than the rollup retention,
 * interaction summaries with the interactions, and old schedule occurrences.
 */
@Injectable()
export class RetentionService {
  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly partitions: PartitionService,
    private readonly repository: RetentionRepository,
  ) {}

  async run(now: Date): Promise<RetentionSummary> {
    const startedAt = Date.now();
    const summary: RetentionSummary = { droppedPartitions: {}, deletedRows: {} };
    const retention = this.config.retention;
    const partitioned: [PartitionedTable, number][] = [
      ['interactions', retention.interactions],
      ['decision_runs', retention.decisionRuns],
      ['decision_traces', retention.decisionTraces],
    ];
    for (const [table, days] of partitioned) {
      summary.droppedPartitions[table] = await this.partitions.dropBefore(
        table,
        firstRetainedDay(now, days),
      );
      summary.deletedRows[table] = await this.repository.deleteUnpartitionedBefore(
        table,
        retentionCutoff(now, days),
      );
    }

    const rollupCutoff = retentionCutoff(now, retention.rollups);
    for (const table of Object.keys(ROLLUP_TABLES) as RollupTable[]) {
      summary.deletedRows[table] = await this.repository.deleteRollupsBefore(table, rollupCutoff);
    }
    // Summaries must agree with the raw interactions, so they expire with them.
    summary.deletedRows.interaction_summaries = await this.repository.deleteSummariesBefore(
      firstRetainedDay(now, retention.interactions),
    );
    summary.deletedRows.schedule_occurrences =
      await this.repository.deleteOccurrencesBefore(rollupCutoff);

    logger.info(
      {
        action: 'retention.done',
        ...summary,
        now: now.toISOString(),
        durationMs: Date.now() - startedAt,
      },
      'expired telemetry removed',
    );
    return summary;
  }
}
