import { Inject, Injectable } from '@nestjs/common';
import {
  and,
  arrayContains,
  arrayOverlaps,
  count,
  desc,
  eq,
  gte,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';

import { DATABASE, type Database } from '../database/database.types.js';
import { toNumber } from '../database/mapper.js';
import { decisionTraces } from '../database/schema/index.js';
import { PIPELINE_STAGES, type PipelineStage } from './filter-rates.js';

/** Filters of the trace explorer; every one is optional. `from` is inclusive, `to` exclusive. */
export interface TraceFilter {
  tenantId: string;
  customerId?: string;
  requestId?: string;
  offerKey?: string;
  stage?: PipelineStage;
  ruleId?: string;
  from?: Date;
  to?: Date;
}

/** The last row of the previous page. */
export interface TraceKeyset {
  occurredAt: Date;
  id: string;
}

export interface TraceListRow {
  id: string;
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
  selectedOffers: string[];
  degradedScoring: boolean;
  removalTags: string[];
}

export interface TraceDetailRow extends TraceListRow {
  stageResults: unknown[];
  scoringResults: unknown[];
  experiment: Record<string, unknown> | null;
}

const listColumns = {
  id: decisionTraces.id,
  occurredAt: decisionTraces.occurredAt,
  requestId: decisionTraces.requestId,
  customerId: decisionTraces.customerId,
  flowKey: decisionTraces.flowKey,
  channelKey: decisionTraces.channelKey,
  totalLatencyMs: decisionTraces.totalLatencyMs,
  initialCount: decisionTraces.initialCount,
  afterQualification: decisionTraces.afterQualification,
  afterSuppression: decisionTraces.afterSuppression,
  afterContactPolicy: decisionTraces.afterContactPolicy,
  afterScoring: decisionTraces.afterScoring,
  finalCount: decisionTraces.finalCount,
  selectedOffers: decisionTraces.selectedOffers,
  degradedScoring: decisionTraces.degradedScoring,
  removalTags: decisionTraces.removalTags,
};

/**
 * Reads `decision_traces` for the trace explorer. Rule filters use the GIN index on
 * `removal_tags` (`<stage>:<ruleId>`) and the offer filter the one on `offer_keys`.
 */
@Injectable()
export class TraceExplorerRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Up to `limit + 1` traces, newest first, after the keyset when one is given. */
  async list(
    filter: TraceFilter,
    limit: number,
    after: TraceKeyset | null,
  ): Promise<TraceListRow[]> {
    const table = decisionTraces;
    const keyset = after
      ? or(
          lt(table.occurredAt, after.occurredAt),
          and(eq(table.occurredAt, after.occurredAt), lt(table.id, after.id)),
        )
      : undefined;
    return this.db
      .select(listColumns)
      .from(table)
      .where(and(filterCondition(filter), keyset))
      .orderBy(desc(table.occurredAt), desc(table.id))
      .limit(limit + 1);
  }

  async count(filter: TraceFilter): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(decisionTraces)
      .where(filterCondition(filter));
    return toNumber(rows[0]?.total);
  }

  /** Returns one trace of the tenant, or null for a missing id or another tenant's id. */
  async findById(tenantId: string, id: string): Promise<TraceDetailRow | null> {
    const rows = await this.db
      .select({
        ...listColumns,
        stageResults: decisionTraces.stageResults,
        scoringResults: decisionTraces.scoringResults,
        experiment: decisionTraces.experiment,
      })
      .from(decisionTraces)
      .where(and(eq(decisionTraces.tenantId, tenantId), eq(decisionTraces.id, id)))
      .limit(1);
    return rows[0] ?? null;
  }
}

function filterCondition(filter: TraceFilter): SQL | undefined {
  const table = decisionTraces;
  return and(
    eq(table.tenantId, filter.tenantId),
    filter.customerId === undefined ? undefined : eq(table.customerId, filter.customerId),
    filter.requestId === undefined ? undefined : eq(table.requestId, filter.requestId),
    filter.offerKey === undefined ? undefined : arrayContains(table.offerKeys, [filter.offerKey]),
    removalCondition(filter),
    filter.from === undefined ? undefined : gte(table.occurredAt, filter.from),
    filter.to === undefined ? undefined : lt(table.occurredAt, filter.to),
  );
}

function removalCondition(filter: TraceFilter): SQL | undefined {
  const tags = decisionTraces.removalTags;
  if (filter.ruleId !== undefined && filter.stage !== undefined) {
    return arrayContains(tags, [`${filter.stage}:${filter.ruleId}`]);
  }
  if (filter.ruleId !== undefined) {
    return arrayOverlaps(
      tags,
      PIPELINE_STAGES.map((stage) => `${stage}:${filter.ruleId}`),
    );
  }
  if (filter.stage !== undefined) {
    return sql`exists (select 1 from unnest(${tags}) as tag where starts_with(tag, ${`${filter.stage}:`}))`;
  }
  return undefined;
}
