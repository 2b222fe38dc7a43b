import { FixedClock } from '../core/clock.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { listenToAppPoolErrors } from './testing/fixtures.js';
import { CURRENT_EVENTS, NOW } from './testing/golden-fixture.js';

// Each suite boots the app on its own database; a busy machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

/** Returns the `data` rows of a response body, typed for the assertions. */
function dataOf<T>(body: unknown): T[] {
  return (body as { data: T[] }).data;
}

/**
 * The golden events of the current window sent through POST /api/v1/interactions,
 * so the dashboard reads what the real ingest path writes, not only test rows.
 */
describe('dashboard-data after real ingest', () => {
  let testApp: TestApp;
  let tenant: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp({ clock: new FixedClock(NOW) });
    listenToAppPoolErrors(testApp.db);
    tenant = await testApp.createTenant('biz-ingest');
    const items = CURRENT_EVENTS.map((event, index) => ({
      kind: event.kind,
      customerId: event.customerId,
      offerKey: event.offerKey,
      channelKey: event.channelKey,
      occurredAt: event.at,
      ...(event.kind === 'recommendation' ? { recommendationId: `rec-${index}` } : {}),
      ...(event.outcome ? { outcome: event.outcome } : {}),
      ...(event.value !== undefined ? { conversionValue: event.value } : {}),
    }));
    const response = await testApp.http
      .post('/api/v1/interactions')
      .set(bearer(tenant.keys.ingest))
      .send(items);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accepted: CURRENT_EVENTS.length, rejected: [] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function get(query: string): Promise<unknown> {
    const response = await testApp.http
      .get(`/api/v1/dashboard-data?${query}`)
      .set(bearer(tenant.keys.viewer));
    expect(response.status).toBe(200);
    return response.body;
  }

  it('counts the funnel of the ingested events', async () => {
    const body = await get('type=funnel&days=7');
    expect(dataOf<{ count: number }>(body).map((row) => row.count)).toEqual([4, 10, 4, 3]);
  });

  it('buckets the ingested events by UTC day', async () => {
    const body = await get('type=revenue_trend&days=7');
    expect(dataOf<{ revenue: number }>(body).map((row) => row.revenue)).toEqual([
      100, 0, 0, 0, 50.5, 0, 0,
    ]);
  });

  it('lists the ingested rows behind a figure', async () => {
    const response = await testApp.http
      .get('/api/v1/interactions?days=7&conversion=true')
      .set(bearer(tenant.keys.viewer));
    expect(response.body.page.total).toBe(3);
  });
});
