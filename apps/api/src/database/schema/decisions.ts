import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';

import { createdAtColumn, idColumn, tenantIdColumn, timestamptz } from './columns.js';

/** One row per decision flow execution; day-partitioned and kept 7 days raw. */
export const decisionRuns = pgTable(
  'decision_runs',
  {
    tenantId: tenantIdColumn(),
    occurredAt: timestamptz('occurred_at').notNull(),
    id: idColumn(),
    flowKey: text('flow_key').notNull(),
    channelKey: text('channel_key').notNull().default(''),
    status: text('status').notNull(),
    latencyMs: doublePrecision('latency_ms').notNull(),
    requestId: text('request_id'),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.occurredAt, table.id] })],
);

/**
 * Hourly counts and a latency histogram with log-spaced buckets, kept after the
 * raw rows expire so long windows still have percentiles (approximate).
 */
export const decisionRunRollups = pgTable(
  'decision_run_rollups',
  {
    tenantId: tenantIdColumn(),
    hour: timestamptz('hour').notNull(),
    flowKey: text('flow_key').notNull(),
    channelKey: text('channel_key').notNull(),
    completed: integer('completed').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    latencySumMs: doublePrecision('latency_sum_ms').notNull().default(0),
    latencyMaxMs: doublePrecision('latency_max_ms').notNull().default(0),
    histogram: integer('histogram').array().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.hour, table.flowKey, table.channelKey] }),
  ],
);

/** Sampled forensic traces of single decisions; day-partitioned. */
export const decisionTraces = pgTable(
  'decision_traces',
  {
    tenantId: tenantIdColumn(),
    occurredAt: timestamptz('occurred_at').notNull(),
    id: idColumn(),
    requestId: text('request_id').notNull(),
    customerId: text('customer_id').notNull(),
    flowKey: text('flow_key').notNull(),
    channelKey: text('channel_key').notNull().default(''),
    totalLatencyMs: doublePrecision('total_latency_ms').notNull(),
    initialCount: integer('initial_count').notNull(),
    afterQualification: integer('after_qualification').notNull(),
    afterSuppression: integer('after_suppression').notNull(),
    afterContactPolicy: integer('after_contact_policy').notNull(),
    afterScoring: integer('after_scoring').notNull(),
    finalCount: integer('final_count').notNull(),
    stageResults: jsonb('stage_results').$type<unknown[]>().notNull(),
    scoringResults: jsonb('scoring_results').$type<unknown[]>().notNull().default([]),
    selectedOffers: jsonb('selected_offers').$type<string[]>().notNull().default([]),
    experiment: jsonb('experiment').$type<Record<string, unknown> | null>(),
    degradedScoring: boolean('degraded_scoring').notNull().default(false),
    /** Candidate offer keys, for the offer filter. */
    offerKeys: text('offer_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** `<stage>:<ruleId>` of every removal, for the stage-and-rule filter. */
    removalTags: text('removal_tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.occurredAt, table.id] }),
    index('decision_traces_request_idx').on(table.tenantId, table.requestId),
    index('decision_traces_customer_idx').on(table.tenantId, table.customerId, table.occurredAt),
    index('decision_traces_removal_idx').using('gin', table.removalTags),
    index('decision_traces_offer_idx').using('gin', table.offerKeys),
  ],
);

/** Hourly count of candidates removed per stage, rule and offer. */
export const traceRemovalRollups = pgTable(
  'trace_removal_rollups',
  {
    tenantId: tenantIdColumn(),
    hour: timestamptz('hour').notNull(),
    stage: text('stage').notNull(),
    ruleId: text('rule_id').notNull(),
    offerKey: text('offer_key').notNull(),
    removed: integer('removed').notNull().default(0),
  },
  (table) => [
    primaryKey({
      columns: [table.tenantId, table.hour, table.stage, table.ruleId, table.offerKey],
    }),
  ],
);
