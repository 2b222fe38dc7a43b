import { Injectable } from '@nestjs/common';
import { type SQL, sql } from 'drizzle-orm';

import type { Executor } from '../../database/database.types.js';
import { ROWS_PER_STATEMENT } from '../ingest.constants.js';
import {
  centsToDecimal,
  type InteractionCounts,
  type RollupIncrement,
  type SummaryIncrement,
} from './interaction-aggregation.js';
import type { InteractionRecord } from './interaction-record.js';

/**
 * Writes raw interactions and adds increments to their summaries and rollups.
 * Rows travel as one array parameter per column and are expanded by
 * `unnest`, so a statement has a fixed number of bind parameters whatever
 * its row count, and building it costs no per-row query-builder work. Call
 * the methods in one transaction so the aggregates always match the raw rows.
 */
@Injectable()
export class InteractionWriteRepository {
  async insertInteractions(
    tenantId: string,
    records: InteractionRecord[],
    executor: Executor,
  ): Promise<void> {
    for (const chunk of chunks(records)) {
      const column = <T>(read: (record: InteractionRecord) => T) => sql.param(chunk.map(read));
      await executor.execute(sql`
        INSERT INTO interactions (
          tenant_id, occurred_at, id, kind, customer_id, offer_key, channel_key, creative_key, outcome_key,
          direction, conversion_value, recommendation_id, rank, model_key, score, context)
        SELECT ${tenantId}::uuid, u.occurred_at::timestamptz, u.id, u.kind, u.customer_id, u.offer_key,
          u.channel_key, u.creative_key, u.outcome_key, u.direction, u.conversion_value::numeric(18, 2),
          u.recommendation_id, u.rank, u.model_key, u.score, u.context::jsonb
        FROM unnest(
          ${column((r) => r.occurredAt.toISOString())}::text[],
          ${column((r) => r.id)}::uuid[],
          ${column((r) => r.kind)}::text[],
          ${column((r) => r.customerId)}::text[],
          ${column((r) => r.offerKey)}::text[],
          ${column((r) => r.channelKey)}::text[],
          ${column((r) => r.creativeKey)}::text[],
          ${column((r) => r.outcomeKey)}::text[],
          ${column((r) => r.direction)}::text[],
          ${column((r) => (r.conversionValue === null ? null : r.conversionValue.toFixed(2)))}::text[],
          ${column((r) => r.recommendationId)}::text[],
          ${column((r) => r.rank)}::int[],
          ${column((r) => r.modelKey)}::text[],
          ${column((r) => r.score)}::float8[],
          ${column((r) => (r.context === null ? null : JSON.stringify(r.context)))}::text[]
        ) AS u(occurred_at, id, kind, customer_id, offer_key, channel_key, creative_key, outcome_key,
          direction, conversion_value, recommendation_id, rank, model_key, score, context)`);
    }
  }

  async addToSummaries(
    tenantId: string,
    increments: SummaryIncrement[],
    executor: Executor,
  ): Promise<void> {
    for (const chunk of chunks(increments)) {
      await executor.execute(sql`
        INSERT INTO interaction_summaries AS s (
          tenant_id, day, customer_id, offer_key, channel_key, ${COUNT_COLUMNS})
        SELECT ${tenantId}::uuid, u.day::date, u.customer_id, u.offer_key, u.channel_key, ${COUNT_VALUES}
        FROM unnest(
          ${sql.param(chunk.map((increment) => increment.day))}::text[],
          ${sql.param(chunk.map((increment) => increment.customerId))}::text[],
          ${sql.param(chunk.map((increment) => increment.offerKey))}::text[],
          ${sql.param(chunk.map((increment) => increment.channelKey))}::text[],
          ${countArrays(chunk)}
        ) AS u(day, customer_id, offer_key, channel_key, ${COUNT_COLUMNS})
        ON CONFLICT (tenant_id, day, customer_id, offer_key, channel_key) DO UPDATE SET ${INCREMENT_SET}`);
    }
  }

  async addToRollups(
    tenantId: string,
    increments: RollupIncrement[],
    executor: Executor,
  ): Promise<void> {
    for (const chunk of chunks(increments)) {
      await executor.execute(sql`
        INSERT INTO interaction_rollups AS s (tenant_id, hour, offer_key, channel_key, ${COUNT_COLUMNS})
        SELECT ${tenantId}::uuid, u.hour::timestamptz, u.offer_key, u.channel_key, ${COUNT_VALUES}
        FROM unnest(
          ${sql.param(chunk.map((increment) => increment.hour.toISOString()))}::text[],
          ${sql.param(chunk.map((increment) => increment.offerKey))}::text[],
          ${sql.param(chunk.map((increment) => increment.channelKey))}::text[],
          ${countArrays(chunk)}
        ) AS u(hour, offer_key, channel_key, ${COUNT_COLUMNS})
        ON CONFLICT (tenant_id, hour, offer_key, channel_key) DO UPDATE SET ${INCREMENT_SET}`);
    }
  }
}

const COUNTERS = [
  'recommendations',
  'impressions',
  'positive',
  'negative',
  'neutral',
  'conversions',
] as const;

const COUNT_COLUMNS = sql.raw([...COUNTERS, 'conversion_value'].join(', '));
const COUNT_VALUES = sql.raw(
  [...COUNTERS.map((name) => `u.${name}`), 'u.conversion_value::numeric(18, 2)'].join(', '),
);
/** `column = column + excluded.column` for every counter of an aggregate table (aliased `s`). */
const INCREMENT_SET = sql.raw(
  [...COUNTERS, 'conversion_value']
    .map((name) => `${name} = s.${name} + excluded.${name}`)
    .join(', '),
);

/** Builds one array parameter per counter, in COUNT_COLUMNS order. */
function countArrays(chunk: InteractionCounts[]): SQL {
  const counters = COUNTERS.map(
    (name) => sql`${sql.param(chunk.map((counts) => counts[name]))}::int[]`,
  );
  const values = sql`${sql.param(chunk.map((counts) => centsToDecimal(counts.conversionValueCents)))}::text[]`;
  return sql.join([...counters, values], sql`, `);
}

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    yield rows.slice(start, start + ROWS_PER_STATEMENT);
  }
}
