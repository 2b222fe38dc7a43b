import { Inject, Injectable } from '@nestjs/common';
import { type SQL, sql } from 'drizzle-orm';

import { DATABASE, type Database } from '../database/database.types.js';
import { resultRows } from '../database/mapper.js';

/** A joinable segment view: the tenant schema and the view name, unquoted. */
export interface SegmentViewRef {
  schema: string;
  view: string;
}

/**
 * The scope of a query: one tenant, the UTC days from `from` (inclusive) to
 * `to` (exclusive), and optionally only the customers of one segment view.
 */
export interface MetricScope {
  tenantId: string;
  from: string;
  to: string;
  segment: SegmentViewRef | null;
}

/** Raw aggregate rows: counts arrive as strings or numbers depending on the driver. */
export type RawRow = Record<string, unknown>;

/**
 * Aggregates of the Business dashboard. Without a segment every query reads
 * the hourly `interaction_rollups`; with one it reads `interaction_summaries`
 * joined to the segment's view on customer id. Days are UTC days whatever the
 * session's TimeZone: hours are converted with `AT TIME ZONE 'UTC'` and
 * window bounds are passed as instants with an explicit `Z`.
 */
@Injectable()
export class BusinessMetricsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** First UTC day with any interaction of the tenant, or null. */
  async coverageStart(tenantId: string): Promise<string | null> {
    const result = await this.db.execute(sql`
      SELECT to_char(min(hour) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS first_day
      FROM interaction_rollups WHERE tenant_id = ${tenantId}`);
    const first = resultRows<{ first_day: string | null }>(result)[0]?.first_day;
    return first ?? null;
  }

  /** Totals of the current window and of the previous one, for the KPI comparison. */
  async periodTotals(scope: MetricScope, currentFrom: string): Promise<RawRow> {
    const current = sql`day >= ${currentFrom}::date`;
    const previous = sql`day < ${currentFrom}::date`;
    const result = await this.db.execute(sql`
      WITH src AS (${source(scope)})
      SELECT
        count(*) FILTER (WHERE ${current}) AS current_rows,
        coalesce(sum(impressions) FILTER (WHERE ${current}), 0)::bigint AS impressions,
        coalesce(sum(conversions) FILTER (WHERE ${current}), 0)::bigint AS conversions,
        coalesce(sum(conversion_value) FILTER (WHERE ${current}), 0) AS revenue,
        count(*) FILTER (WHERE ${previous}) AS previous_rows,
        coalesce(sum(impressions) FILTER (WHERE ${previous}), 0)::bigint AS previous_impressions,
        coalesce(sum(conversions) FILTER (WHERE ${previous}), 0)::bigint AS previous_conversions,
        coalesce(sum(conversion_value) FILTER (WHERE ${previous}), 0) AS previous_revenue
      FROM src`);
    return resultRows<RawRow>(result)[0] ?? {};
  }

  /** Per offer: impressions, positive and negative responses, accept rate = positive / impressions. */
  async acceptanceByOffer(scope: MetricScope): Promise<RawRow[]> {
    const result = await this.db.execute(sql`
      WITH src AS (${source(scope)}),
      agg AS (
        SELECT offer_key, sum(impressions)::bigint AS impressions,
          sum(positive)::bigint AS positive, sum(negative)::bigint AS negative
        FROM src GROUP BY offer_key)
      SELECT agg.offer_key, coalesce(o.name, agg.offer_key) AS offer_name,
        agg.impressions, agg.positive, agg.negative,
        agg.positive::float8 / nullif(agg.impressions, 0) AS accept_rate
      FROM agg
      LEFT JOIN offers o ON o.tenant_id = ${scope.tenantId} AND o.key = agg.offer_key
      ORDER BY agg.impressions DESC, agg.offer_key`);
    return resultRows<RawRow>(result);
  }

  /** Lists the `limit` offers with the most impressions, with conversions, conversion rate and revenue. */
  async topOffers(scope: MetricScope, limit: number): Promise<RawRow[]> {
    const result = await this.db.execute(sql`
      WITH src AS (${source(scope)}),
      agg AS (SELECT offer_key, ${performanceSums()} FROM src GROUP BY offer_key)
      SELECT agg.offer_key, coalesce(o.name, agg.offer_key) AS offer_name, ${performanceColumns()}
      FROM agg
      LEFT JOIN offers o ON o.tenant_id = ${scope.tenantId} AND o.key = agg.offer_key
      ORDER BY agg.impressions DESC, agg.offer_key
      LIMIT ${limit}`);
    return resultRows<RawRow>(result);
  }

  /** Offer performance per channel and offer. */
  async offersByChannel(scope: MetricScope): Promise<RawRow[]> {
    const result = await this.db.execute(sql`
      WITH src AS (${source(scope)}),
      agg AS (SELECT channel_key, offer_key, ${performanceSums()} FROM src GROUP BY channel_key, offer_key)
      SELECT agg.channel_key, coalesce(c.name, agg.channel_key) AS channel_name,
        agg.offer_key, coalesce(o.name, agg.offer_key) AS offer_name, ${performanceColumns()}
      FROM agg
      LEFT JOIN offers o ON o.tenant_id = ${scope.tenantId} AND o.key = agg.offer_key
      LEFT JOIN channels c ON c.tenant_id = ${scope.tenantId} AND c.key = agg.channel_key
      ORDER BY agg.channel_key, agg.impressions DESC, agg.offer_key`);
    return resultRows<RawRow>(result);
  }

  /** Offer performance per category (from the offer catalog) and offer; no category is null. */
  async offersByCategory(scope: MetricScope): Promise<RawRow[]> {
    const result = await this.db.execute(sql`
      WITH src AS (${source(scope)}),
      agg AS (
        SELECT o.category_key, src.offer_key, ${performanceSums()}
        FROM src
        LEFT JOIN offers o ON o.tenant_id = ${scope.tenantId} AND o.key = src.offer_key
        GROUP BY o.category_key, src.offer_key)
      SELECT agg.category_key, coalesce(cat.name, agg.category_key) AS category_name,
        agg.offer_key, coalesce(o.name, agg.offer_key) AS offer_name, ${performanceColumns()}
      FROM agg
      LEFT JOIN offers o ON o.tenant_id = ${scope.tenantId} AND o.key = agg.offer_key
      LEFT JOIN categories cat ON cat.tenant_id = ${scope.tenantId} AND cat.key = agg.category_key
      ORDER BY agg.category_key NULLS LAST, agg.impressions DESC, agg.offer_key`);
    return resultRows<RawRow>(result);
  }

  /** Offer performance per segment and offer, over each of the given segment views. */
  async offersBySegment(
    scope: Omit<MetricScope, 'segment'>,
    segments: readonly (SegmentViewRef & { segmentId: string })[],
  ): Promise<RawRow[]> {
    if (segments.length === 0) {
      return [];
    }
    const sources = segments.map(
      (segment) => sql`SELECT ${segment.segmentId}::text AS segment_id, src.*
        FROM (${source({ ...scope, segment })}) AS src`,
    );
    const result = await this.db.execute(sql`
      WITH src AS (${sql.join(sources, sql` UNION ALL `)}),
      agg AS (SELECT segment_id, offer_key, ${performanceSums()} FROM src GROUP BY segment_id, offer_key)
      SELECT agg.segment_id, agg.offer_key, coalesce(o.name, agg.offer_key) AS offer_name, ${performanceColumns()}
      FROM agg
      LEFT JOIN offers o ON o.tenant_id = ${scope.tenantId} AND o.key = agg.offer_key
      ORDER BY agg.segment_id, agg.impressions DESC, agg.offer_key`);
    return resultRows<RawRow>(result);
  }

  /** Per channel: impressions, conversions, effectiveness = conversions / impressions. */
  async channelEffectiveness(scope: MetricScope): Promise<RawRow[]> {
    const result = await this.db.execute(sql`
      WITH src AS (${source(scope)}),
      agg AS (
        SELECT channel_key, sum(impressions)::bigint AS impressions, sum(conversions)::bigint AS conversions
        FROM src GROUP BY channel_key)
      SELECT agg.channel_key, coalesce(c.name, agg.channel_key) AS channel_name,
        agg.impressions, agg.conversions,
        agg.conversions::float8 / nullif(agg.impressions, 0) AS effectiveness
      FROM agg
      LEFT JOIN channels c ON c.tenant_id = ${scope.tenantId} AND c.key = agg.channel_key
      ORDER BY agg.impressions DESC, agg.channel_key`);
    return resultRows<RawRow>(result);
  }

  /**
   * Impressions, conversions and revenue for every UTC day of the window from
   * `coverageFrom` on, zero-filled; no rows at all when the window has no data.
   */
  async dailyTotals(scope: MetricScope, coverageFrom: string | null): Promise<RawRow[]> {
    const result = await this.db.execute(sql`
      WITH src AS (${source(scope)}),
      agg AS (
        SELECT day, sum(impressions)::bigint AS impressions, sum(conversions)::bigint AS conversions,
          sum(conversion_value) AS revenue
        FROM src GROUP BY day),
      days AS (
        SELECT d::date AS day FROM generate_series(
          greatest(${scope.from}::date, coalesce(${coverageFrom}::date, ${scope.from}::date))::timestamp,
          (${scope.to}::date - 1)::timestamp,
          interval '1 day') AS d)
      SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
        coalesce(agg.impressions, 0) AS impressions,
        coalesce(agg.conversions, 0) AS conversions,
        coalesce(agg.revenue, 0) AS revenue
      FROM days LEFT JOIN agg ON agg.day = days.day
      WHERE EXISTS (SELECT 1 FROM agg)
      ORDER BY days.day`);
    return resultRows<RawRow>(result);
  }

  /** Recommendations, impressions, positive responses and conversions of the window. */
  async funnelCounts(scope: MetricScope): Promise<RawRow> {
    const result = await this.db.execute(sql`
      WITH src AS (${source(scope)})
      SELECT count(*) AS row_count,
        coalesce(sum(recommendations), 0)::bigint AS recommendations,
        coalesce(sum(impressions), 0)::bigint AS impressions,
        coalesce(sum(positive), 0)::bigint AS positive,
        coalesce(sum(conversions), 0)::bigint AS conversions
      FROM src`);
    return resultRows<RawRow>(result)[0] ?? {};
  }
}

/**
 * Selects the rows to aggregate: the rollups of the tenant's window, or the summaries
 * of the segment's customers. Both give day, offer, channel and the counts.
 */
function source(scope: MetricScope): SQL {
  if (scope.segment === null) {
    return sql`
      SELECT (r.hour AT TIME ZONE 'UTC')::date AS day, r.offer_key, r.channel_key,
        r.recommendations, r.impressions, r.positive, r.negative, r.neutral, r.conversions, r.conversion_value
      FROM interaction_rollups r
      WHERE r.tenant_id = ${scope.tenantId}
        AND r.hour >= ${`${scope.from}T00:00:00Z`}::timestamptz
        AND r.hour < ${`${scope.to}T00:00:00Z`}::timestamptz`;
  }
  const view = sql`${sql.identifier(scope.segment.schema)}.${sql.identifier(scope.segment.view)}`;
  return sql`
    SELECT s.day, s.offer_key, s.channel_key,
      s.recommendations, s.impressions, s.positive, s.negative, s.neutral, s.conversions, s.conversion_value
    FROM interaction_summaries s
    JOIN ${view} v ON v.customer_id = s.customer_id
    WHERE s.tenant_id = ${scope.tenantId}
      AND s.day >= ${scope.from}::date AND s.day < ${scope.to}::date`;
}

function performanceSums(): SQL {
  return sql`sum(impressions)::bigint AS impressions, sum(conversions)::bigint AS conversions,
    sum(conversion_value) AS revenue`;
}

function performanceColumns(): SQL {
  return sql`agg.impressions, agg.conversions,
    agg.conversions::float8 / nullif(agg.impressions, 0) AS conversion_rate, agg.revenue`;
}
