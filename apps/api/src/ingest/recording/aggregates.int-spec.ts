import { sql } from 'drizzle-orm';

import { FixedClock } from '../../core/clock.js';
import { resultRows } from '../../database/mapper.js';
import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';
import { OutboxWorker } from '../outbox/outbox-worker.service.js';

const NOW = new Date('2026-12-04T12:00:00Z');

jest.setTimeout(120_000);
const OFFERS = ['card', 'loan', 'savings'];
const CHANNELS = ['email', 'sms', 'web'];
const OUTCOMES = ['click', 'conversion', 'purchase', 'dismiss', 'opt_out', 'defer'];

/** A small seeded generator (mulberry32), so the mixed batches are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function mixedInteractions(
  count: number,
  seed: number,
  keyPrefix: string,
): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const pick = <T>(values: T[]): T => values[Math.floor(random() * values.length)];
  return Array.from({ length: count }, (_, index) => {
    const kind = pick(['recommendation', 'impression', 'response', 'response']);
    // Spread over three UTC days and every hour, up to 23:59:59.999 of a day.
    const occurredAt = new Date(
      NOW.getTime() - Math.floor(random() * 3 * 86_400_000),
    ).toISOString();
    const item: Record<string, unknown> = {
      kind,
      customerId: `c${Math.floor(random() * 25)}`,
      offerKey: pick(OFFERS),
      channelKey: pick(CHANNELS),
      occurredAt,
    };
    if (kind === 'recommendation') {
      item.recommendationId = `rec-${seed}-${index}`;
      item.rank = 1;
      item.score = Math.round(random() * 1000) / 1000;
      item.modelKey = 'propensity';
    }
    if (kind === 'response') {
      item.outcome = pick(OUTCOMES);
      item.conversionValue = Math.round(random() * 100_000) / 100;
    }
    if (random() < 0.3) {
      item.idempotencyKey = `${keyPrefix}-${index}`;
    }
    return item;
  });
}

interface AggregateRow {
  key: string;
  recommendations: number;
  impressions: number;
  positive: number;
  negative: number;
  neutral: number;
  conversions: number;
  conversion_value: string;
}

const COUNT_COLUMNS = sql.raw(`
  recommendations::int AS recommendations, impressions::int AS impressions, positive::int AS positive,
  negative::int AS negative, neutral::int AS neutral, conversions::int AS conversions,
  conversion_value::numeric(18,2)::text AS conversion_value`);

/** Recounts every summary and rollup of a tenant from the raw interactions, independently of the write path. */
function recountSql(tenantId: string, grain: 'summary' | 'rollup') {
  const key =
    grain === 'summary'
      ? sql.raw(
          `to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '|' || i.customer_id || '|' || i.offer_key || '|' || i.channel_key`,
        )
      : sql.raw(
          `to_char(date_trunc('hour', i.occurred_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24') || '|' || i.offer_key || '|' || i.channel_key`,
        );
  return sql`
    WITH settings AS (
      SELECT coalesce((SELECT conversion_outcome_keys FROM tenant_settings WHERE tenant_id = ${tenantId}), '["conversion"]'::jsonb) AS keys
    ), counted AS (
      SELECT ${key} AS key,
        count(*) FILTER (WHERE i.kind = 'recommendation') AS recommendations,
        count(*) FILTER (WHERE i.kind = 'impression') AS impressions,
        count(*) FILTER (WHERE i.kind = 'response' AND ot.classification = 'positive') AS positive,
        count(*) FILTER (WHERE i.kind = 'response' AND ot.classification = 'negative') AS negative,
        count(*) FILTER (WHERE i.kind = 'response' AND ot.classification = 'neutral') AS neutral,
        count(*) FILTER (WHERE i.kind = 'response' AND s.keys ? i.outcome_key) AS conversions,
        coalesce(sum(i.conversion_value) FILTER (WHERE i.kind = 'response' AND s.keys ? i.outcome_key), 0) AS conversion_value
      FROM interactions i
      CROSS JOIN settings s
      LEFT JOIN outcome_types ot ON ot.tenant_id = i.tenant_id AND ot.key = i.outcome_key
      WHERE i.tenant_id = ${tenantId}
      GROUP BY 1
    )
    SELECT key, ${COUNT_COLUMNS} FROM counted ORDER BY key`;
}

function storedSql(tenantId: string, grain: 'summary' | 'rollup') {
  return grain === 'summary'
    ? sql`SELECT to_char(day, 'YYYY-MM-DD') || '|' || customer_id || '|' || offer_key || '|' || channel_key AS key, ${COUNT_COLUMNS}
          FROM interaction_summaries WHERE tenant_id = ${tenantId} ORDER BY key`
    : sql`SELECT to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24') || '|' || offer_key || '|' || channel_key AS key, ${COUNT_COLUMNS}
          FROM interaction_rollups WHERE tenant_id = ${tenantId} ORDER BY key`;
}

describe('interaction summaries and rollups', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('aggregates-a');
    tenantB = await testApp.createTenant('aggregates-b');
    // A tenant-defined outcome that counts as a conversion, next to the system `conversion`.
    for (const tenant of [tenantA, tenantB]) {
      const created = await testApp.http
        .post('/api/v1/outcome-types')
        .set(bearer(tenant.keys.editor))
        .send({
          key: 'purchase',
          name: 'Purchase',
          classification: 'positive',
          category: 'response',
        });
      expect(created.status).toBe(201);
    }
    const settings = await testApp.http
      .put('/api/v1/settings')
      .set(bearer(tenantA.keys.admin))
      .send({ conversionOutcomeKeys: ['conversion', 'purchase'] });
    expect(settings.status).toBe(200);
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function rows(query: ReturnType<typeof sql>): Promise<AggregateRow[]> {
    return resultRows<AggregateRow>(await testApp.db.execute(query));
  }

  async function expectAggregatesMatchRawRows(tenant: TestTenant): Promise<void> {
    for (const grain of ['summary', 'rollup'] as const) {
      const recounted = await rows(recountSql(tenant.id, grain));
      const stored = await rows(storedSql(tenant.id, grain));
      expect(recounted.length).toBeGreaterThan(0);
      expect(stored).toEqual(recounted);
    }
  }

  it('agree with the raw rows after mixed batches through every write path', async () => {
    const ingest = (tenant: TestTenant, path: string) =>
      testApp.http.post(path).set(bearer(tenant.keys.ingest));

    const big = mixedInteractions(10_000, 1, 'big');
    const bigResponse = await ingest(tenantA, '/api/v1/interactions').send(big);
    expect(bigResponse.status).toBe(200);
    expect(bigResponse.body.rejected).toEqual([]);

    // A second batch repeats some keys of the first and carries invalid items.
    const second = [
      ...mixedInteractions(1_500, 1, 'big').slice(0, 500),
      ...mixedInteractions(1_000, 2, 'second'),
    ];
    second.push({
      kind: 'response',
      customerId: 'x',
      offerKey: 'card',
      channelKey: 'sms',
      outcome: 'unknown',
    });
    const secondResponse = await ingest(tenantA, '/api/v1/interactions').send(second);
    expect(secondResponse.status).toBe(200);
    expect(secondResponse.body.rejected).toHaveLength(1);

    const lines = mixedInteractions(800, 3, 'ndjson').map((data) =>
      JSON.stringify({ type: 'interaction', data }),
    );
    const recommendations = big.filter((item) => item.kind === 'recommendation').slice(0, 300);
    const outcomes = recommendations.map((recommendation, index) => ({
      customerId: recommendation.customerId,
      recommendationId: recommendation.recommendationId,
      outcome: OUTCOMES[index % OUTCOMES.length],
      conversionValue: (index % 7) * 3.33,
      idempotencyKey: `respond-${index}`,
      timestamp: recommendation.occurredAt,
    }));
    lines.push(...outcomes.slice(0, 100).map((data) => JSON.stringify({ type: 'respond', data })));
    const ndjson = await ingest(tenantA, '/api/v1/ingest')
      .set('Content-Type', 'application/x-ndjson')
      .send(lines.join('\n'));
    expect(ndjson.status).toBe(200);
    expect(ndjson.body.rejectedCount).toBe(0);

    const impressions = outcomes.slice(100, 120).map((item) => ({
      ...item,
      outcome: 'impression',
      idempotencyKey: `${item.idempotencyKey}-seen`,
    }));
    const respond = await ingest(tenantA, '/api/v1/respond').send([
      ...outcomes.slice(50),
      ...impressions,
    ]);
    expect(respond.status).toBe(200);
    expect(respond.body.rejected).toEqual([]);

    await ingest(tenantB, '/api/v1/interactions').send(mixedInteractions(700, 4, 'b'));
    await testApp.app.get(OutboxWorker).drain();

    await expectAggregatesMatchRawRows(tenantA);
    await expectAggregatesMatchRawRows(tenantB);
  });

  it('records each /respond outcome once by category', async () => {
    const result = await testApp.db.execute(sql`
      SELECT kind, count(*)::int AS total FROM interactions
      WHERE tenant_id = ${tenantA.id} AND id IN (SELECT id FROM outcome_outbox WHERE tenant_id = ${tenantA.id})
      GROUP BY kind ORDER BY kind`);
    // 300 distinct outcome keys (the NDJSON and JSON paths overlap on 50) plus 20 impressions.
    expect(resultRows(result)).toEqual([
      { kind: 'impression', total: 20 },
      { kind: 'response', total: 300 },
    ]);
  });
});
