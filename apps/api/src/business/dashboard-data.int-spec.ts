import type { Pool } from 'pg';
import { FixedClock } from '../core/clock.js';
import { PartitionService } from '../database/partitions.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import {
  insertCatalog,
  insertInteractions,
  type SqlRunner,
  openTestPool,
  listenToAppPoolErrors,
} from './testing/fixtures.js';
import { ALL_EVENTS, CATALOG, NOW } from './testing/golden-fixture.js';

// Each suite boots the app on its own database; a busy machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

/**
 * Golden tests of every dashboard-data type on the fixture in
 * testing/golden-fixture.ts. Every expected number below is counted by hand
 * from the events listed there (E1-E20 in the current window 2026-11-28 to
 * 2026-12-04, P1-P5 in the previous one).
 */
/** Returns the `data` rows of a response body, typed for the assertions. */
function dataOf<T>(body: unknown): T[] {
  return (body as { data: T[] }).data;
}

describe('GET /api/v1/dashboard-data', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let other: TestTenant;
  let pool: Pool;
  let run: SqlRunner;

  beforeAll(async () => {
    testApp = await createTestApp({ clock: new FixedClock(NOW) });
    listenToAppPoolErrors(testApp.db);
    pool = openTestPool(testApp.databaseUrl);
    run = (text, params) => pool.query(text, params);
    tenant = await testApp.createTenant('biz-a');
    other = await testApp.createTenant('biz-b');
    const days = ALL_EVENTS.map((event) => event.at.slice(0, 10));
    await testApp.app.get(PartitionService).ensureDays('interactions', days);
    await insertCatalog(run, tenant.id, CATALOG);
    await insertInteractions(run, tenant.id, ALL_EVENTS);
    // Tenant B has its own data on the same days; none of it may show up for A.
    await insertInteractions(run, other.id, [
      {
        at: '2026-12-01T10:00:00Z',
        kind: 'impression',
        customerId: 'c1',
        offerKey: 'gold-card',
        channelKey: 'email',
      },
      {
        at: '2026-12-01T10:01:00Z',
        kind: 'response',
        outcome: 'conversion',
        value: 999,
        customerId: 'c1',
        offerKey: 'gold-card',
        channelKey: 'email',
      },
    ]);
  });

  afterAll(async () => {
    await pool.end();
    await testApp.close();
  });

  async function get(query: string, key = tenant.keys.viewer) {
    return testApp.http.get(`/api/v1/dashboard-data?${query}`).set(bearer(key));
  }

  describe('golden values, days=7', () => {
    it('summary compares with the previous window', async () => {
      const response = await get('type=summary&days=7');
      expect(response.status).toBe(200);
      expect(response.body.type).toBe('summary');
      expect(response.body.window).toEqual({ from: '2026-11-28', to: '2026-12-05', days: 7 });
      expect(response.body.segmentId).toBeNull();
      expect(response.body.coverageFrom).toBe('2026-11-25');

      const rows = Object.fromEntries(
        dataOf<{ metric: string; current: number; previous: number; change: number }>(
          response.body,
        ).map((row) => [row.metric, row]),
      );
      expect(dataOf<{ metric: string }>(response.body).map((row) => row.metric)).toEqual([
        'impressions',
        'conversions',
        'conversionRate',
        'revenue',
      ]);

      // Impressions: E2 E6 E9 E10 E13 E15 E16 E17 E19 E20 = 10; previous P1 P2 P4 = 3.
      expect(rows.impressions).toEqual({
        metric: 'impressions',
        current: 10,
        previous: 3,
        change: expect.closeTo(7 / 3, 10),
      });
      // Conversions: E4 E11 E14 = 3; previous P3 = 1.
      expect(rows.conversions).toEqual({
        metric: 'conversions',
        current: 3,
        previous: 1,
        change: 2,
      });

      // Conversion rate: 3 / 10, previous 1 / 3.
      expect(rows.conversionRate.current).toBeCloseTo(0.3, 10);
      expect(rows.conversionRate.previous).toBeCloseTo(1 / 3, 10);
      expect(rows.conversionRate.change).toBeCloseTo(-0.1, 10);

      // Revenue: 100 + 0 + 50.5; previous 20.
      expect(rows.revenue).toEqual({
        metric: 'revenue',
        current: 150.5,
        previous: 20,
        change: expect.closeTo(6.525, 10),
      });
    });

    it('acceptance_rate per offer', async () => {
      const response = await get('type=acceptance_rate&days=7');
      expect(response.body.data).toEqual([
        {
          offerKey: 'unknown-offer',
          offerName: 'unknown-offer',
          impressions: 4,
          positive: 0,
          negative: 0,
          acceptRate: 0,
        },
        {
          offerKey: 'gold-card',
          offerName: 'Gold Card',
          impressions: 3,
          positive: 2,
          negative: 1,
          acceptRate: expect.closeTo(2 / 3, 10),
        },
        {
          offerKey: 'travel-loan',
          offerName: 'Travel Loan',
          impressions: 3,
          positive: 2,
          negative: 0,
          acceptRate: expect.closeTo(2 / 3, 10),
        },
      ]);
    });

    it('offer_performance by impressions', async () => {
      const response = await get('type=offer_performance&days=7');
      expect(response.body.data).toEqual([
        {
          offerKey: 'unknown-offer',
          offerName: 'unknown-offer',
          impressions: 4,
          conversions: 0,
          conversionRate: 0,
          revenue: 0,
        },
        {
          offerKey: 'gold-card',
          offerName: 'Gold Card',
          impressions: 3,
          conversions: 1,
          conversionRate: expect.closeTo(1 / 3, 10),
          revenue: 100,
        },
        {
          offerKey: 'travel-loan',
          offerName: 'Travel Loan',
          impressions: 3,
          conversions: 2,
          conversionRate: expect.closeTo(2 / 3, 10),
          revenue: 50.5,
        },
      ]);
    });

    it('offer_performance_grouped by channel by default', async () => {
      const response = await get('type=offer_performance_grouped&days=7');
      expect(response.body.groupBy).toBe('channel');
      expect(response.body.data).toEqual([
        {
          channelKey: 'email',
          channelName: 'Email',
          offerKey: 'travel-loan',
          offerName: 'Travel Loan',
          impressions: 3,
          conversions: 2,
          conversionRate: expect.closeTo(2 / 3, 10),
          revenue: 50.5,
        },
        {
          channelKey: 'email',
          channelName: 'Email',
          offerKey: 'gold-card',
          offerName: 'Gold Card',
          impressions: 2,
          conversions: 1,
          conversionRate: 0.5,
          revenue: 100,
        },
        {
          channelKey: 'push',
          channelName: 'push',
          offerKey: 'unknown-offer',
          offerName: 'unknown-offer',
          impressions: 4,
          conversions: 0,
          conversionRate: 0,
          revenue: 0,
        },
        {
          channelKey: 'push',
          channelName: 'push',
          offerKey: 'gold-card',
          offerName: 'Gold Card',
          impressions: 1,
          conversions: 0,
          conversionRate: 0,
          revenue: 0,
        },
      ]);
    });

    it('offer_performance_grouped by category', async () => {
      const response = await get('type=offer_performance_grouped&groupBy=category&days=7');
      expect(response.body.data).toEqual([
        {
          categoryKey: 'cards',
          categoryName: 'Cards',
          offerKey: 'gold-card',
          offerName: 'Gold Card',
          impressions: 3,
          conversions: 1,
          conversionRate: expect.closeTo(1 / 3, 10),
          revenue: 100,
        },
        {
          categoryKey: 'loans',
          categoryName: 'Loans',
          offerKey: 'travel-loan',
          offerName: 'Travel Loan',
          impressions: 3,
          conversions: 2,
          conversionRate: expect.closeTo(2 / 3, 10),
          revenue: 50.5,
        },
        {
          categoryKey: null,
          categoryName: null,
          offerKey: 'unknown-offer',
          offerName: 'unknown-offer',
          impressions: 4,
          conversions: 0,
          conversionRate: 0,
          revenue: 0,
        },
      ]);
    });

    it('channel_effectiveness', async () => {
      const response = await get('type=channel_effectiveness&days=7');
      expect(response.body.data).toEqual([
        {
          channelKey: 'email',
          channelName: 'Email',
          impressions: 5,
          conversions: 3,
          effectiveness: 0.6,
        },
        {
          channelKey: 'push',
          channelName: 'push',
          impressions: 5,
          conversions: 0,
          effectiveness: 0,
        },
      ]);
    });

    it('daily_trend zero-filled for every UTC day', async () => {
      const response = await get('type=daily_trend&days=7');
      expect(response.body.data).toEqual([
        { day: '2026-11-28', impressions: 1, conversions: 1 },
        { day: '2026-11-29', impressions: 0, conversions: 0 },
        { day: '2026-11-30', impressions: 3, conversions: 1 },
        { day: '2026-12-01', impressions: 1, conversions: 0 },
        { day: '2026-12-02', impressions: 3, conversions: 1 },
        { day: '2026-12-03', impressions: 1, conversions: 0 },
        { day: '2026-12-04', impressions: 1, conversions: 0 },
      ]);
    });

    it('revenue_trend zero-filled for every UTC day', async () => {
      const response = await get('type=revenue_trend&days=7');
      expect(response.body.data).toEqual([
        { day: '2026-11-28', revenue: 100 },
        { day: '2026-11-29', revenue: 0 },
        { day: '2026-11-30', revenue: 0 },
        { day: '2026-12-01', revenue: 0 },
        { day: '2026-12-02', revenue: 50.5 },
        { day: '2026-12-03', revenue: 0 },
        { day: '2026-12-04', revenue: 0 },
      ]);
    });

    it('funnel with the rate from each previous stage', async () => {
      const response = await get('type=funnel&days=7');
      expect(response.body.data).toEqual([
        { stage: 'recommendations', count: 4, rateFromPrevious: null },
        { stage: 'impressions', count: 10, rateFromPrevious: 2.5 },
        { stage: 'positive_responses', count: 4, rateFromPrevious: 0.4 },
        { stage: 'conversions', count: 3, rateFromPrevious: 0.75 },
      ]);
    });
  });

  describe('windows', () => {
    it('defaults to 7 days ending today', async () => {
      const response = await get('type=funnel');
      expect(response.body.window).toEqual({ from: '2026-11-28', to: '2026-12-05', days: 7 });
    });

    it('summary of the previous window has no change without earlier data', async () => {
      const response = await get('type=summary&from=2026-11-21&to=2026-11-28');
      expect(response.body.window).toEqual({ from: '2026-11-21', to: '2026-11-28', days: 7 });
      expect(response.body.data).toEqual([
        { metric: 'impressions', current: 3, previous: 0, change: null },
        { metric: 'conversions', current: 1, previous: 0, change: null },
        {
          metric: 'conversionRate',
          current: expect.closeTo(1 / 3, 10),
          previous: null,
          change: null,
        },
        { metric: 'revenue', current: 20, previous: 0, change: null },
      ]);
    });

    it('counts the day boundaries in UTC', async () => {
      // P1 at 2026-11-27T23:59:59Z is the last second of the previous window; E1 at 00:00:00Z opens this one.
      const lastDay = await get('type=funnel&from=2026-11-27&to=2026-11-28');
      expect(dataOf<{ count: number }>(lastDay.body).map((row) => row.count)).toEqual([0, 1, 0, 0]);
      const firstDay = await get('type=funnel&from=2026-11-28&to=2026-11-29');
      expect(dataOf<{ count: number }>(firstDay.body).map((row) => row.count)).toEqual([
        1, 1, 2, 1,
      ]);
    });

    it('zero-fills trends only from the coverage start', async () => {
      const response = await get('type=daily_trend&from=2026-11-21&to=2026-11-28');
      expect(response.body.coverageFrom).toBe('2026-11-25');
      expect(response.body.data).toEqual([
        { day: '2026-11-25', impressions: 1, conversions: 1 },
        { day: '2026-11-26', impressions: 1, conversions: 0 },
        { day: '2026-11-27', impressions: 1, conversions: 0 },
      ]);
    });

    it('zero-fills from a given coverageFrom', async () => {
      const response = await get(
        'type=revenue_trend&from=2026-11-21&to=2026-11-28&coverageFrom=2026-11-23',
      );
      expect(response.body.coverageFrom).toBe('2026-11-23');
      expect(response.body.data).toEqual([
        { day: '2026-11-23', revenue: 0 },
        { day: '2026-11-24', revenue: 0 },
        { day: '2026-11-25', revenue: 20 },
        { day: '2026-11-26', revenue: 0 },
        { day: '2026-11-27', revenue: 0 },
      ]);
    });

    it('returns no rows for a window without data', async () => {
      for (const type of [
        'daily_trend',
        'revenue_trend',
        'summary',
        'funnel',
        'acceptance_rate',
        'offer_performance',
        'channel_effectiveness',
      ]) {
        const response = await get(`type=${type}&from=2026-10-01&to=2026-10-08`);
        expect({ type, status: response.status, data: response.body.data }).toEqual({
          type,
          status: 200,
          data: [],
        });
      }
    });

    it('returns no rows and no coverage for a tenant without data', async () => {
      const empty = await testApp.createTenant('biz-empty');
      const response = await get('type=daily_trend&days=30', empty.keys.viewer);
      expect(response.body.coverageFrom).toBeNull();
      expect(response.body.data).toEqual([]);
    });
  });

  describe('parameter errors', () => {
    it.each([
      ['type=nope', 'type', 'summary, acceptance_rate, offer_performance'],
      ['days=7', 'type', 'must be one of'],
      ['type=summary&days=0', 'days', 'from 1 to 365'],
      ['type=summary&days=366', 'days', 'from 1 to 365'],
      ['type=summary&days=abc', 'days', 'from 1 to 365'],
      ['type=summary&days=7&from=2026-11-01&to=2026-11-08', 'days', 'not both'],
      ['type=summary&from=2026-11-01', 'to', 'required'],
      ['type=summary&from=2026-11-10&to=2026-11-01', 'to', 'after from'],
      ['type=summary&from=2025-01-01&to=2026-12-01', 'to', 'at most 365'],
      ['type=summary&from=2026-02-30&to=2026-03-05', 'from', 'YYYY-MM-DD'],
      ['type=offer_performance_grouped&groupBy=offer', 'groupBy', 'channel, category, segment'],
      ['type=summary&segmentId=abc', 'segmentId', 'UUID'],
      ['type=daily_trend&coverageFrom=2026-13-01', 'coverageFrom', 'YYYY-MM-DD'],
      ['type=summary&unknown=1', 'unknown', 'not a known field'],
    ])('%s answers 400 naming %s', async (query, field, text) => {
      const response = await get(query);
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
      expect(JSON.stringify(response.body.error)).toContain(text);
    });
  });

  describe('segment warnings', () => {
    it('answers unknown segmentId for a UUID that is not a segment', async () => {
      const response = await get(
        'type=summary&days=7&segmentId=7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f',
      );
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual([]);
      expect(response.body.warning).toBe('unknown segmentId');
      expect(response.body.segmentId).toBe('7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f');
    });

    it('answers segment view not materialized for a draft', async () => {
      const schema = await run(
        `INSERT INTO schemas (tenant_id, key, name, entity_type, fields, primary_key_field, table_name)
         VALUES ($1, 'people', 'people', 'customer', '[{"name":"customer_id","type":"text","nullable":false}]', 'customer_id', 'ds_people')
         RETURNING id`,
        [tenant.id],
      );
      const draft = await testApp.http
        .post('/api/v1/segments')
        .set(bearer(tenant.keys.editor))
        .send({ key: 'draft', name: 'Draft', baseSchemaId: schema.rows[0].id });
      expect(draft.status).toBe(201);
      for (const type of ['summary', 'daily_trend', 'offer_performance_grouped']) {
        const response = await get(`type=${type}&days=7&segmentId=${draft.body.id}`);
        expect({
          type,
          status: response.status,
          data: response.body.data,
          warning: response.body.warning,
        }).toEqual({
          type,
          status: 200,
          data: [],
          warning: 'segment view not materialized',
        });
      }
      const bySegment = await get(
        `type=offer_performance_grouped&groupBy=segment&days=7&segmentId=${draft.body.id}`,
      );
      expect(bySegment.body.warning).toBe('segment view not materialized');
    });
  });

  describe('injection attempts', () => {
    async function snapshot() {
      const relations = await run(
        `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1`,
      );
      const counts = await run(
        `SELECT (SELECT count(*) FROM interactions) AS interactions, (SELECT count(*) FROM interaction_rollups) AS rollups,
           (SELECT count(*) FROM interaction_summaries) AS summaries, (SELECT count(*) FROM segments) AS segments,
           (SELECT count(*) FROM offers) AS offers`,
      );
      return { relations: relations.rows.map((row) => row.name), counts: counts.rows[0] };
    }

    const attacks = [
      "'; DROP TABLE interactions; --",
      "x' OR '1'='1",
      '"; DROP TABLE interaction_rollups; --',
      "\\'; SELECT pg_sleep(5); --",
      "summary' UNION SELECT * FROM api_keys --",
      'ünï©ødé 🚀',
      '%27%3B%20DROP',
      'a'.repeat(10_000),
    ];

    it('answers 400 to attacks on type, groupBy and segmentId and changes nothing', async () => {
      const before = await snapshot();
      for (const attack of attacks) {
        const value = encodeURIComponent(attack);
        for (const query of [
          `type=${value}`,
          `type=offer_performance_grouped&groupBy=${value}`,
          `type=summary&segmentId=${value}`,
          `type=summary&days=${value}`,
          `type=daily_trend&coverageFrom=${value}`,
          `type=summary&from=${value}&to=2026-12-01`,
        ]) {
          const response = await get(query);
          expect({ query: query.slice(0, 80), status: response.status }).toEqual({
            query: query.slice(0, 80),
            status: 400,
          });
        }
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('tenant isolation', () => {
    it("answers unknown segmentId for another tenant's segment", async () => {
      const schema = await run(
        `INSERT INTO schemas (tenant_id, key, name, entity_type, fields, primary_key_field, table_name)
         VALUES ($1, 'b_people', 'b_people', 'customer', '[{"name":"customer_id","type":"text","nullable":false}]', 'customer_id', 'ds_b_people')
         RETURNING id`,
        [other.id],
      );
      const segmentB = await testApp.http
        .post('/api/v1/segments')
        .set(bearer(other.keys.editor))
        .send({ key: 'b-segment', name: 'B', baseSchemaId: schema.rows[0].id });
      expect(segmentB.status).toBe(201);
      const response = await get(`type=summary&days=7&segmentId=${segmentB.body.id}`);
      expect(response.status).toBe(200);
      expect(response.body.warning).toBe('unknown segmentId');
      expect(response.body.data).toEqual([]);
    });

    it("never counts another tenant's rows", async () => {
      const b = await get('type=offer_performance&days=7', other.keys.viewer);
      expect(b.body.data).toEqual([
        {
          offerKey: 'gold-card',
          offerName: 'gold-card',
          impressions: 1,
          conversions: 1,
          conversionRate: 1,
          revenue: 999,
        },
      ]);
      expect(b.body.coverageFrom).toBe('2026-12-01');
      const a = await get('type=offer_performance&days=7');
      expect(
        dataOf<{ offerKey: string; revenue: number }>(a.body).find(
          (row) => row.offerKey === 'gold-card',
        )?.revenue,
      ).toBe(100);
    });
  });
});
