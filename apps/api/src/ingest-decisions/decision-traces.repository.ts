import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { decisionTraces, traceRemovalRollups } from '../database/schema/index.js';
import type { TraceRemovalDelta } from './decision-trace-rules.js';

/** A decision trace row ready to insert, without the tenant. */
export interface NewDecisionTrace {
  occurredAt: Date;
  requestId: string;
  customerId: string;
  flowKey: string;
  channelKey: string;
  totalLatencyMs: number;
  initialCount: number;
  afterQualification: number;
  afterSuppression: number;
  afterContactPolicy: number;
  afterScoring: number;
  finalCount: number;
  stageResults: unknown[];
  scoringResults: unknown[];
  selectedOffers: string[];
  experiment: Record<string, unknown> | null;
  degradedScoring: boolean;
  offerKeys: string[];
  removalTags: string[];
}

@Injectable()
export class DecisionTracesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Inserts traces and returns their ids in input order. */
  async insertTraces(
    tenantId: string,
    traces: NewDecisionTrace[],
    executor: Executor = this.db,
  ): Promise<string[]> {
    if (traces.length === 0) {
      return [];
    }
    const rows = await executor
      .insert(decisionTraces)
      .values(traces.map((trace) => ({ tenantId, ...trace })))
      .returning({ id: decisionTraces.id });
    return rows.map((row) => row.id);
  }

  /** Adds removal counts to the hourly rollups; each (hour, stage, rule, offer) may appear once. */
  async addToRemovalRollups(
    tenantId: string,
    deltas: TraceRemovalDelta[],
    executor: Executor = this.db,
  ): Promise<void> {
    if (deltas.length === 0) {
      return;
    }
    const table = traceRemovalRollups;
    await executor
      .insert(table)
      .values(deltas.map((delta) => ({ tenantId, ...delta })))
      .onConflictDoUpdate({
        target: [table.tenantId, table.hour, table.stage, table.ruleId, table.offerKey],
        set: { removed: sql`${table.removed} + excluded.removed` },
      });
  }
}
