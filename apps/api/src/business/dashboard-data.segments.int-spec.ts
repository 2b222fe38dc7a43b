import type { Pool } from 'pg';
import { FixedClock } from '../core/clock.js';
import { PartitionService } from '../database/partitions.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import {
  createCustomerSchema,
  insertCatalog,
  insertCustomers,
  insertInteractions,
  type SqlRunner,
  tenantSchema,
  openTestPool,
  listenToAppPoolErrors,
} from './testing/fixtures.js';
import { ALL_EVENTS, CATALOG, CUSTOMERS, NOW } from './testing/golden-fixture.js';

// Each suite boots the app on its own database; a busy machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

interface OfferRow {
  offerKey: string;
  impressions: number;
  conversions: number;
  revenue: number;
}

/** Returns the `data` rows of a response body, typed for the assertions. */
function dataOf<T>(body: unknown): T[] {
  return (body as { data: T[] }).data;
}

describe('dashboard-data with segments', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let pool: Pool;
  let run: SqlRunner;
  let schemaId: string;
  let germany: string;
  let young: string;

  beforeAll(async () => {
    testApp = await createTestApp({ clock: new FixedClock(NOW) });
    listenToAppPoolErrors(testApp.db);
    pool = openTestPool(testApp.databaseUrl);
    run = (text, params) => pool.query(text, params);
    tenant = await testApp.createTenant('biz-seg');
    await testApp.app.get(PartitionService).ensureDays(
      'interactions',
      ALL_EVENTS.map((event) => event.at.slice(0, 10)),
    );
    await insertCatalog(run, tenant.id, CATALOG);
    await insertInteractions(run, tenant.id, ALL_EVENTS);
    schemaId = await createCustomerSchema(run, tenant.id);
    await insertCustomers(run, tenant.id, CUSTOMERS);
    germany = await createSegment('germany', 'DE customers', [
      { field: 'country', operator: '=', value: 'DE' },
    ]);
    young = await createSegment('young', 'Under 30', [{ field: 'age', operator: '<', value: 30 }]);
    await createSegment('draft', 'A draft', [], 'draft');
  });

  afterAll(async () => {
    await pool.end();
    await testApp.close();
  });

  async function createSegment(
    key: string,
    name: string,
    conditions: unknown[],
    status = 'active',
  ): Promise<string> {
    const response = await testApp.http
      .post('/api/v1/segments')
      .set(bearer(tenant.keys.editor))
      .send({ key, name, baseSchemaId: schemaId, conditions, status });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  async function get(query: string): Promise<Record<string, unknown>> {
    const response = await testApp.http
      .get(`/api/v1/dashboard-data?${query}`)
      .set(bearer(tenant.keys.viewer));
    expect(response.status).toBe(200);
    return response.body as Record<string, unknown>;
  }

  /** Offer totals recounted from the summaries joined to the customer table, not through the view. */
  async function recount(where: string, params: unknown[]): Promise<OfferRow[]> {
    const result = await run(
      `SELECT s.offer_key, sum(s.impressions)::int AS impressions, sum(s.conversions)::int AS conversions,
         sum(s.conversion_value)::float8 AS revenue
       FROM interaction_summaries s
       JOIN "${tenantSchema(tenant.id)}"."ds_customers" c ON c.customer_id = s.customer_id
       WHERE s.tenant_id = $1 AND s.day >= '2026-11-28' AND s.day < '2026-12-05' AND ${where}
       GROUP BY s.offer_key ORDER BY sum(s.impressions) DESC, s.offer_key`,
      [tenant.id, ...params],
    );
    return result.rows.map((row) => ({
      offerKey: String(row.offer_key),
      impressions: Number(row.impressions),
      conversions: Number(row.conversions),
      revenue: Number(row.revenue),
    }));
  }

  function offerTotals(rows: OfferRow[]): OfferRow[] {
    return rows.map(({ offerKey, impressions, conversions, revenue }) => ({
      offerKey,
      impressions,
      conversions,
      revenue,
    }));
  }

  it('filters offer_performance to the segment, equal to a recount', async () => {
    const body = await get(`type=offer_performance&days=7&segmentId=${germany}`);
    expect(body.segmentId).toBe(germany);
    expect(body.warning).toBeUndefined();
    // c1 and c3: travel-loan E9 E10 E13 with E11 E14; gold-card E2 with E4.
    expect(offerTotals(dataOf<OfferRow>(body))).toEqual([
      { offerKey: 'travel-loan', impressions: 3, conversions: 2, revenue: 50.5 },
      { offerKey: 'gold-card', impressions: 1, conversions: 1, revenue: 100 },
    ]);
    expect(offerTotals(dataOf<OfferRow>(body))).toEqual(await recount('c.country = $2', ['DE']));
  });

  it('filters the summary to the segment', async () => {
    const body = await get(`type=summary&days=7&segmentId=${germany}`);
    const rows = Object.fromEntries(
      dataOf<{ metric: string }>(body).map((row) => [row.metric, row]),
    );
    expect(rows.impressions).toEqual({ metric: 'impressions', current: 4, previous: 1, change: 3 });
    expect(rows.conversions).toEqual({ metric: 'conversions', current: 3, previous: 1, change: 2 });
    expect(rows.conversionRate).toEqual({
      metric: 'conversionRate',
      current: 0.75,
      previous: 1,
      change: -0.25,
    });
    expect(rows.revenue).toEqual({
      metric: 'revenue',
      current: 150.5,
      previous: 20,
      change: expect.closeTo(6.525, 10),
    });
  });

  it('filters trends, funnel and channels to the segment', async () => {
    const trend = await get(`type=daily_trend&days=7&segmentId=${germany}`);
    expect(trend.data).toEqual([
      { day: '2026-11-28', impressions: 1, conversions: 1 },
      { day: '2026-11-29', impressions: 0, conversions: 0 },
      { day: '2026-11-30', impressions: 2, conversions: 1 },
      { day: '2026-12-01', impressions: 1, conversions: 0 },
      { day: '2026-12-02', impressions: 0, conversions: 1 },
      { day: '2026-12-03', impressions: 0, conversions: 0 },
      { day: '2026-12-04', impressions: 0, conversions: 0 },
    ]);
    const funnel = await get(`type=funnel&days=7&segmentId=${germany}`);
    expect(dataOf<{ count: number }>(funnel).map((row) => row.count)).toEqual([3, 4, 4, 3]);
    const channels = await get(`type=channel_effectiveness&days=7&segmentId=${germany}`);
    expect(channels.data).toEqual([
      {
        channelKey: 'email',
        channelName: 'Email',
        impressions: 4,
        conversions: 3,
        effectiveness: 0.75,
      },
    ]);
  });

  it('groups by channel within one segment', async () => {
    const body = await get(
      `type=offer_performance_grouped&groupBy=channel&days=7&segmentId=${young}`,
    );
    // c2: gold-card E6 (push) and E19 (email); c5 has only previous-window events.
    expect(
      dataOf<OfferRow & { channelKey: string }>(body).map((row) => [
        row.channelKey,
        row.offerKey,
        row.impressions,
      ]),
    ).toEqual([
      ['email', 'gold-card', 1],
      ['push', 'gold-card', 1],
    ]);
  });

  it('fans out by every active segment, equal to recounts', async () => {
    const body = await get('type=offer_performance_grouped&groupBy=segment&days=7');
    expect(body.groupBy).toBe('segment');
    const segmentsSeen = [
      ...new Set(dataOf<{ segmentName: string }>(body).map((row) => row.segmentName)),
    ];
    expect(segmentsSeen).toEqual(['DE customers', 'Under 30']);
    const forSegment = (id: string) =>
      offerTotals(
        dataOf<OfferRow & { segmentId: string }>(body).filter((row) => row.segmentId === id),
      );
    expect(forSegment(germany)).toEqual(await recount('c.country = $2', ['DE']));
    expect(forSegment(young)).toEqual(await recount('c.age < $2', [30]));
    expect(forSegment(young)).toEqual([
      { offerKey: 'gold-card', impressions: 2, conversions: 0, revenue: 0 },
    ]);
  });

  it('warns when an active segment view was dropped by hand', async () => {
    const segmentId = await createSegment('dropped', 'Dropped', []);
    const view = `seg_${segmentId.replaceAll('-', '').slice(0, 12)}`;
    await run(`DROP MATERIALIZED VIEW "${tenantSchema(tenant.id)}"."${view}"`);

    for (const query of [
      `type=summary&days=7&segmentId=${segmentId}`,
      `type=offer_performance_grouped&groupBy=segment&days=7&segmentId=${segmentId}`,
    ]) {
      const body = await get(query);
      expect(body.data).toEqual([]);
      expect(body.warning).toBe('segment view not materialized');
    }
    const everySegment = await get('type=offer_performance_grouped&groupBy=segment&days=7');
    expect(everySegment.warning).toBeUndefined();
    expect(
      new Set(dataOf<{ segmentName: string }>(everySegment).map((row) => row.segmentName)),
    ).toEqual(new Set(['DE customers', 'Under 30']));

    const editor = bearer(tenant.keys.editor);
    await testApp.http.patch(`/api/v1/segments/${segmentId}`).set(editor).send({ status: 'draft' });
    await testApp.http
      .patch(`/api/v1/segments/${segmentId}`)
      .set(editor)
      .send({ status: 'active' });
  });

  it('keeps answering while the segment is rebuilt and refreshed', async () => {
    const segmentId = await createSegment('flipping', 'Flipping', [
      { field: 'country', operator: '=', value: 'DE' },
    ]);
    // Current impressions: DE (c1, c3) = 4; FR (c2, c5) = 2 (E6, E19).
    const complete = new Set([4, 2]);
    let changing = true;
    const editor = bearer(tenant.keys.editor);
    const changer = (async () => {
      try {
        for (let round = 0; round < 12; round++) {
          const country = round % 2 === 0 ? 'FR' : 'DE';
          const patched = await testApp.http
            .patch(`/api/v1/segments/${segmentId}`)
            .set(editor)
            .send({ conditions: [{ field: 'country', operator: '=', value: country }] });
          expect(patched.status).toBe(200);
          const refreshed = await testApp.http
            .post(`/api/v1/segments/${segmentId}/refresh`)
            .set(editor);
          expect(refreshed.status).toBe(202);
        }
      } finally {
        changing = false;
      }
    })();
    const readers = Array.from({ length: 3 }, async () => {
      const seen: number[] = [];
      while (changing) {
        const response = await testApp.http
          .get(`/api/v1/dashboard-data?type=summary&days=7&segmentId=${segmentId}`)
          .set(bearer(tenant.keys.viewer));
        expect(response.status).toBe(200);
        expect(response.body.warning).toBeUndefined();
        seen.push(response.body.data[0].current as number);
      }
      return seen;
    });
    await changer;
    const seen = (await Promise.all(readers)).flat();
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.filter((value) => !complete.has(value))).toEqual([]);
    expect(new Set(seen)).toEqual(complete);
    const final = await get(`type=summary&days=7&segmentId=${segmentId}`);
    expect(dataOf<{ current: number }>(final)[0]?.current).toBe(4);
    const leftovers = await run(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relname LIKE $2 ORDER BY 1`,
      [tenantSchema(tenant.id), `seg_${segmentId.replaceAll('-', '').slice(0, 12)}%`],
    );
    expect(leftovers.rows.map((row) => row.relname)).toHaveLength(2);
  });
});
