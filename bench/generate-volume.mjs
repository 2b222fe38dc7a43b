#!/usr/bin/env node
// Fills a PostgreSQL database with benchmark volume for one tenant, directly in SQL:
// interactions (with their summaries and rollups aggregated from the raw rows, so
// they agree), a customer schema table, and decision traces with their removal
// rollups. The dashboards then run against this volume (bench/dashboard-latency.mjs).
//
// Usage: DATABASE_URL=postgres://... node bench/generate-volume.mjs --tenant default
//          [--interactions 10000000] [--customers 1000000] [--traces 1000000] [--days 365]
// The tenant and its customer schema `bench_customers` must exist: start the app once
// on the database and create the schema through the API (the script prints how).
// Not part of the test suite.

import pg from 'pg';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, value, index, all) => {
    if (value.startsWith('--')) pairs.push([value.slice(2), all[index + 1]]);
    return pairs;
  }, []),
);
const tenantKey = args.tenant ?? 'default';
const interactions = Number(args.interactions ?? 10_000_000);
const customers = Number(args.customers ?? 1_000_000);
const traces = Number(args.traces ?? 1_000_000);
const days = Number(args.days ?? 365);
const CHUNK = 1_000_000;

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
await client.query("SET TIME ZONE 'UTC'");

async function timed(label, work) {
  const startedAt = Date.now();
  const result = await work();
  console.log(`${label}: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return result;
}

const tenant = await client.query('SELECT id FROM tenants WHERE key = $1', [tenantKey]);
if (tenant.rowCount === 0) {
  throw new Error(`Tenant ${tenantKey} not found; start the app on this database first`);
}
const tenantId = tenant.rows[0].id;
const schema = await client.query(
  "SELECT table_name FROM schemas WHERE tenant_id = $1 AND key = 'bench_customers'",
  [tenantId],
);
if (schema.rowCount === 0) {
  throw new Error(
    'Schema bench_customers not found. Create it with POST /api/v1/schemas: key bench_customers, ' +
      'entityType customer, fields customer_id (text), tier (text), lifetime_value (decimal), ' +
      'primaryKeyField customer_id',
  );
}
const tenantSchema = `tenant_${tenantId.replaceAll('-', '').slice(0, 12)}`;
const customerTable = `"${tenantSchema}"."${schema.rows[0].table_name}"`;

await timed('partitions', async () => {
  for (let offset = -days; offset <= 1; offset++) {
    const day = new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const next = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
    for (const table of ['interactions', 'decision_traces']) {
      await client.query(
        `CREATE TABLE IF NOT EXISTS "${table}_p${day.replaceAll('-', '')}" PARTITION OF "${table}" ` +
          `FOR VALUES FROM ('${day} 00:00:00+00') TO ('${next} 00:00:00+00')`,
      );
    }
  }
});

await timed(`customers (${customers})`, () =>
  client.query(
    `INSERT INTO ${customerTable} (customer_id, tier, lifetime_value)
     SELECT 'bc-' || g, CASE WHEN g % 10 = 0 THEN 'gold' WHEN g % 3 = 0 THEN 'silver' ELSE 'bronze' END,
            round((random() * 10000)::numeric, 2)
     FROM generate_series(1, $1) g
     ON CONFLICT DO NOTHING`,
    [customers],
  ),
);

await timed(`interactions (${interactions})`, async () => {
  for (let start = 0; start < interactions; start += CHUNK) {
    const count = Math.min(CHUNK, interactions - start);
    await client.query(
      `INSERT INTO interactions (tenant_id, occurred_at, kind, customer_id, offer_key, channel_key, outcome_key, conversion_value)
       SELECT $1::uuid, now() - random() * ($2 || ' days')::interval,
              k.kind, 'bc-' || (1 + floor(random() * $3))::int, 'offer_' || (1 + g % 40), 'channel_' || (1 + g % 8),
              k.outcome, CASE WHEN k.outcome = 'conversion' THEN round((random() * 200)::numeric, 2) END
       FROM generate_series(1, $4) g
       CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.4 THEN 'recommendation' WHEN r < 0.75 THEN 'impression' ELSE 'response' END AS kind,
                                  CASE WHEN r < 0.75 THEN NULL WHEN r < 0.78 THEN 'conversion' WHEN r < 0.86 THEN 'click' ELSE 'not_interested' END AS outcome
                           FROM (SELECT random() AS r, g) s) k`,
      [tenantId, days, customers, count],
    );
    console.log(`  ${start + count}/${interactions}`);
  }
});

const counts = `
  count(*) FILTER (WHERE kind = 'recommendation'), count(*) FILTER (WHERE kind = 'impression'),
  count(*) FILTER (WHERE outcome_key IN ('conversion', 'click')),
  count(*) FILTER (WHERE outcome_key = 'not_interested'), 0,
  count(*) FILTER (WHERE outcome_key = 'conversion'),
  coalesce(sum(conversion_value) FILTER (WHERE outcome_key = 'conversion'), 0)`;
const set = `recommendations = t.recommendations + excluded.recommendations, impressions = t.impressions + excluded.impressions,
  positive = t.positive + excluded.positive, negative = t.negative + excluded.negative, neutral = t.neutral + excluded.neutral,
  conversions = t.conversions + excluded.conversions, conversion_value = t.conversion_value + excluded.conversion_value`;

await timed('summaries', () =>
  client.query(
    `INSERT INTO interaction_summaries AS t (tenant_id, day, customer_id, offer_key, channel_key,
       recommendations, impressions, positive, negative, neutral, conversions, conversion_value)
     SELECT tenant_id, (occurred_at AT TIME ZONE 'UTC')::date, customer_id, offer_key, channel_key, ${counts}
     FROM interactions WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4, 5
     ON CONFLICT (tenant_id, day, customer_id, offer_key, channel_key) DO UPDATE SET ${set}`,
    [tenantId],
  ),
);
await timed('rollups', () =>
  client.query(
    `INSERT INTO interaction_rollups AS t (tenant_id, hour, offer_key, channel_key,
       recommendations, impressions, positive, negative, neutral, conversions, conversion_value)
     SELECT tenant_id, date_trunc('hour', occurred_at), offer_key, channel_key, ${counts}
     FROM interactions WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4
     ON CONFLICT (tenant_id, hour, offer_key, channel_key) DO UPDATE SET ${set}`,
    [tenantId],
  ),
);

await timed(`decision traces (${traces})`, async () => {
  for (let start = 0; start < traces; start += CHUNK) {
    const count = Math.min(CHUNK, traces - start);
    await client.query(
      `INSERT INTO decision_traces (tenant_id, occurred_at, request_id, customer_id, flow_key, channel_key, total_latency_ms,
         initial_count, after_qualification, after_suppression, after_contact_policy, after_scoring, final_count,
         stage_results, offer_keys, removal_tags)
       SELECT $1::uuid, now() - random() * interval '7 days', 'bench-' || ($3::bigint + g), 'bc-' || (1 + g % $4), 'next_best_offer',
              'channel_' || (1 + g % 8), 20 + random() * 80, 30, 17, 16, 3, 3, 1,
              jsonb_build_array(jsonb_build_object('stage', 'contactPolicy', 'offerKey', 'offer_' || (1 + g % 40),
                'passed', false, 'ruleId', 'frequency_cap', 'reason', 'frequency_cap exceeded')),
              ARRAY['offer_' || (1 + g % 40)], ARRAY['contactPolicy:frequency_cap']
       FROM generate_series(1, $2) g`,
      [tenantId, count, start, customers],
    );
  }
});
await timed('trace removal rollups', () =>
  client.query(
    `INSERT INTO trace_removal_rollups AS t (tenant_id, hour, stage, rule_id, offer_key, removed)
     SELECT tenant_id, date_trunc('hour', occurred_at), 'contactPolicy', 'frequency_cap', offer_keys[1], count(*)
     FROM decision_traces WHERE tenant_id = $1 AND request_id LIKE 'bench-%' GROUP BY 1, 2, 5
     ON CONFLICT (tenant_id, hour, stage, rule_id, offer_key) DO UPDATE SET removed = t.removed + excluded.removed`,
    [tenantId],
  ),
);
await timed('analyze', () => client.query('ANALYZE'));
await client.end();
