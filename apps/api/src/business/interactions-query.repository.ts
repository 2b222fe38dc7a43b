import { Inject, Injectable } from '@nestjs/common';
import { type SQL, sql } from 'drizzle-orm';

import { DATABASE, type Database } from '../database/database.types.js';
import { resultRows, toNumber } from '../database/mapper.js';
import type { SegmentViewRef } from './business-metrics.repository.js';

/** The rows behind a figure: the window, an optional segment and optional equality filters. */
export interface InteractionFilter {
  tenantId: string;
  /** First UTC day, inclusive. */
  from: string;
  /** Last UTC day, exclusive. */
  to: string;
  segment: SegmentViewRef | null;
  offerKey?: string;
  channelKey?: string;
  kind?: string;
  outcome?: string;
  customerId?: string;
  /** Responses whose outcome type has this classification. */
  classification?: string;
  /** Only responses whose outcome counts as a conversion for the tenant. */
  conversionsOnly?: boolean;
}

/** Position after the last row of a page: its time with microseconds, as text, and its id. */
export interface InteractionKeyset {
  occurredAt: string;
  id: string;
}

export interface InteractionRow {
  id: string;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`, exact to the microsecond for keyset paging. */
  occurredAtText: string;
  kind: string;
  customerId: string;
  offerKey: string;
  channelKey: string;
  creativeKey: string | null;
  outcomeKey: string | null;
  direction: string;
  conversionValue: string | number | null;
  recommendationId: string | null;
  rank: number | null;
  modelKey: string | null;
  score: number | null;
  context: Record<string, unknown> | null;
}

/** Reads raw interactions for drill-down lists and CSV downloads, newest first. */
@Injectable()
export class InteractionsQueryRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Up to `limit` rows after the keyset position, newest first. */
  async page(
    filter: InteractionFilter,
    limit: number,
    after: InteractionKeyset | null,
  ): Promise<InteractionRow[]> {
    const keyset = after
      ? sql`AND (i.occurred_at, i.id) < (${after.occurredAt}::timestamptz, ${after.id}::uuid)`
      : sql``;
    const result = await this.db.execute(sql`
      SELECT i.id,
        to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAtText",
        i.kind, i.customer_id AS "customerId", i.offer_key AS "offerKey", i.channel_key AS "channelKey",
        i.creative_key AS "creativeKey", i.outcome_key AS "outcomeKey", i.direction,
        i.conversion_value AS "conversionValue", i.recommendation_id AS "recommendationId", i.rank,
        i.model_key AS "modelKey", i.score, i.context
      FROM interactions i ${segmentJoin(filter)}
      WHERE ${conditions(filter)} ${keyset}
      ORDER BY i.occurred_at DESC, i.id DESC
      LIMIT ${limit}`);
    return resultRows<InteractionRow>(result);
  }

  async count(filter: InteractionFilter): Promise<number> {
    const result = await this.db.execute(sql`
      SELECT count(*) AS total FROM interactions i ${segmentJoin(filter)} WHERE ${conditions(filter)}`);
    return toNumber(resultRows<{ total: unknown }>(result)[0]?.total);
  }
}

function segmentJoin(filter: InteractionFilter): SQL {
  if (!filter.segment) {
    return sql``;
  }
  const view = sql`${sql.identifier(filter.segment.schema)}.${sql.identifier(filter.segment.view)}`;
  return sql`JOIN ${view} v ON v.customer_id = i.customer_id`;
}

function conditions(filter: InteractionFilter): SQL {
  const parts: SQL[] = [
    sql`i.tenant_id = ${filter.tenantId}`,
    sql`i.occurred_at >= ${`${filter.from}T00:00:00Z`}::timestamptz`,
    sql`i.occurred_at < ${`${filter.to}T00:00:00Z`}::timestamptz`,
  ];
  if (filter.offerKey !== undefined) parts.push(sql`i.offer_key = ${filter.offerKey}`);
  if (filter.channelKey !== undefined) parts.push(sql`i.channel_key = ${filter.channelKey}`);
  if (filter.kind !== undefined) parts.push(sql`i.kind = ${filter.kind}`);
  if (filter.outcome !== undefined) parts.push(sql`i.outcome_key = ${filter.outcome}`);
  if (filter.customerId !== undefined) parts.push(sql`i.customer_id = ${filter.customerId}`);
  if (filter.classification !== undefined) {
    parts.push(sql`i.outcome_key IN (SELECT ot.key FROM outcome_types ot
      WHERE ot.tenant_id = ${filter.tenantId} AND ot.classification = ${filter.classification})`);
  }
  if (filter.conversionsOnly) {
    parts.push(sql`i.kind = 'response' AND i.outcome_key IN (SELECT jsonb_array_elements_text(coalesce(
      (SELECT ts.conversion_outcome_keys FROM tenant_settings ts WHERE ts.tenant_id = ${filter.tenantId}),
      '["conversion"]'::jsonb)))`);
  }
  return sql.join(parts, sql` AND `);
}
