import type { Pool } from 'pg';
import { FixedClock } from '../core/clock.js';
import { PartitionService } from '../database/partitions.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import {
  createCustomerSchema,
  type FixtureEvent,
  insertCatalog,
  insertCustomers,
  insertInteractions,
  type SqlRunner,
  openTestPool,
  listenToAppPoolErrors,
} from './testing/fixtures.js';
import { ALL_EVENTS, CATALOG, CUSTOMERS, NOW } from './testing/golden-fixture.js';

// Each suite boots the app on its own database; a busy machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

interface Panel {
  id: string;
  kind: string;
  empty: boolean;
  emptyMessage: string;
  warning?: string;
  notes?: string[];
  items?: { label: string; value: number | null; previous: number | null; change: number | null }[];
  rows?: Record<string, unknown>[];
  series?: { label: string; points: { x: string; y: number | null }[] }[];
  annotations?: { at: string; kind: string; title: string }[];
}

function panelsOf(body: unknown): Panel[] {
  return (body as { panels: Panel[] }).panels;
}

describe('business dashboard panels', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let pool: Pool;
  let run: SqlRunner;

  beforeAll(async () => {
    testApp = await createTestApp({ clock: new FixedClock(NOW) });
    listenToAppPoolErrors(testApp.db);
    pool = openTestPool(testApp.databaseUrl);
    run = (text, params) => pool.query(text, params);
    tenant = await testApp.createTenant('panels-a');
    await testApp.app.get(PartitionService).ensureDays(
      'interactions',
      ALL_EVENTS.map((event) => event.at.slice(0, 10)),
    );
    await insertCatalog(run, tenant.id, CATALOG);
    await insertInteractions(run, tenant.id, ALL_EVENTS);
    for (const [at, title] of [
      ['2026-12-01T12:00:00Z', 'Frequency cap lowered'],
      ['2026-11-01T12:00:00Z', 'Outside the window'],
    ]) {
      await run(
        `INSERT INTO annotations (tenant_id, occurred_at, kind, title, source) VALUES ($1, $2, 'policy_change', $3, 'platform')`,
        [tenant.id, at, title],
      );
    }
  });

  afterAll(async () => {
    await pool.end();
    await testApp.close();
  });

  async function panels(query: string, key = tenant.keys.viewer) {
    const response = await testApp.http
      .get(`/api/v1/dashboards/business/panels?${query}`)
      .set(bearer(key));
    expect(response.status).toBe(200);
    return {
      body: response.body,
      byId: Object.fromEntries(panelsOf(response.body).map((panel) => [panel.id, panel])) as Record<
        string,
        Panel
      >,
    };
  }

  it('returns every panel with the window label', async () => {
    const { body, byId } = await panels('days=7');
    expect(body.dashboard).toBe('business');
    expect(body.windowLabel).toBe('2026-11-28 to 2026-12-04 (7 UTC days)');
    expect(body.filterLabels).toEqual({});
    expect(body.generatedAt).toBe(NOW.toISOString());
    expect(panelsOf(body).map((panel) => [panel.id, panel.kind])).toEqual([
      ['kpis', 'kpi'],
      ['offer-performance', 'table'],
      ['channel-effectiveness', 'bar'],
      ['funnel', 'bar'],
      ['daily-trend', 'line'],
      ['revenue-trend', 'line'],
      ['acceptance-rate', 'bar'],
    ]);
    expect(panelsOf(body).every((panel) => panel.empty === false)).toBe(true);
    expect(byId.kpis.items!.map((item) => item.label)).toEqual([
      'Impressions',
      'Conversions',
      'Conversion rate',
      'Revenue',
    ]);
  });

  it('fills the KPIs with the previous window', async () => {
    const { byId } = await panels('days=7');
    expect(byId.kpis.items).toEqual([
      {
        label: 'Impressions',
        format: 'integer',
        value: 10,
        previous: 3,
        change: expect.closeTo(7 / 3, 10),
      },
      { label: 'Conversions', format: 'integer', value: 3, previous: 1, change: 2 },
      {
        label: 'Conversion rate',
        format: 'percent',
        value: 0.3,
        previous: expect.closeTo(1 / 3, 10),
        change: expect.closeTo(-0.1, 10),
      },
      {
        label: 'Revenue',
        format: 'currency',
        value: 150.5,
        previous: 20,
        change: expect.closeTo(6.525, 10),
      },
    ]);
  });

  it('fills tables and charts from the data', async () => {
    const { byId } = await panels('days=7');
    expect(byId['offer-performance'].rows!.map((row) => row.offerKey)).toEqual([
      'unknown-offer',
      'gold-card',
      'travel-loan',
    ]);
    expect(byId['channel-effectiveness'].series![0].points).toEqual([
      { x: 'Email', y: 0.6 },
      { x: 'push', y: 0 },
    ]);
    expect(byId.funnel.series![0].points.map((point) => point.y)).toEqual([4, 10, 4, 3]);

    expect(byId['daily-trend'].series!.map((series) => series.label)).toEqual([
      'Impressions',
      'Conversions',
    ]);
    expect(byId['daily-trend'].series![0].points).toHaveLength(7);
    expect(byId['revenue-trend'].series![0].points.map((point) => point.y)).toEqual([
      100, 0, 0, 0, 50.5, 0, 0,
    ]);
    expect(byId['acceptance-rate'].rows).toHaveLength(3);
  });

  it('draws the annotations of the window on the trends', async () => {
    const { byId } = await panels('days=7');
    const expected = [
      { at: '2026-12-01T12:00:00.000Z', kind: 'policy_change', title: 'Frequency cap lowered' },
    ];
    expect(byId['daily-trend'].annotations).toEqual(expected);
    expect(byId['revenue-trend'].annotations).toEqual(expected);
  });

  it('says what is missing and how to send it when empty', async () => {
    const empty = await testApp.createTenant('panels-empty');
    const { body } = await panels('days=7', empty.keys.viewer);
    for (const panel of body.panels as Panel[]) {
      expect({ id: panel.id, empty: panel.empty }).toEqual({ id: panel.id, empty: true });
      expect(panel.emptyMessage).toMatch(/POST \/api\/v1\/(interactions|respond)/);
      expect(panel.emptyMessage).toContain('npm run import');
    }
  });

  it('adds the data hints as notes', async () => {
    const hinted = await testApp.createTenant('panels-hints');
    const events: FixtureEvent[] = Array.from({ length: 120 }, (_, index) => ({
      at: `2026-12-02T10:${String(index % 60).padStart(2, '0')}:00Z`,
      kind: 'impression',
      customerId: `x${index}`,
      offerKey: index < 100 ? 'never-converts' : 'converts',
      channelKey: 'email',
    }));
    events.push({
      at: '2026-12-03T10:00:00Z',
      kind: 'response',
      outcome: 'conversion',
      customerId: 'x101',
      offerKey: 'converts',
      channelKey: 'email',
    });
    await insertInteractions(run, hinted.id, events);
    const { byId } = await panels('days=7', hinted.keys.viewer);
    expect(byId['offer-performance'].notes).toEqual([
      'never-converts has 100 impressions but no conversions: check the creative and the channel fit.',
    ]);
    const revenueNote =
      'Conversions were recorded but revenue is 0: the Respond calls carry no conversionValue.';
    expect(byId.kpis.notes).toEqual([revenueNote]);
    expect(byId['revenue-trend'].notes).toEqual([revenueNote]);
    const { byId: golden } = await panels('days=7');
    expect(golden.kpis.notes).toBeUndefined();
    expect(golden['offer-performance'].notes).toBeUndefined();
  });

  it('filters by segment and names it', async () => {
    const schemaId = await createCustomerSchema(run, tenant.id);
    await insertCustomers(run, tenant.id, CUSTOMERS);
    const created = await testApp.http
      .post('/api/v1/segments')
      .set(bearer(tenant.keys.editor))
      .send({
        key: 'germany',
        name: 'DE customers',
        baseSchemaId: schemaId,
        status: 'active',
        conditions: [{ field: 'country', operator: '=', value: 'DE' }],
      });
    const { body, byId } = await panels(`days=7&segmentId=${created.body.id}`);
    expect(body.filterLabels).toEqual({ Segment: 'DE customers' });
    expect(byId.kpis.items![0].value).toBe(4);

    const unknownId = '7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f';
    const unknown = await panels(`days=7&segmentId=${unknownId}`);
    expect(unknown.body.filterLabels).toEqual({ Segment: `unknown segment ${unknownId}` });
    for (const panel of unknown.body.panels as Panel[]) {
      expect(panel.empty).toBe(true);
      expect(panel.warning).toContain('does not exist');
    }
  });
});
