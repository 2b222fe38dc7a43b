import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';

interface SummaryMetric {
  name: string;
  values: { labels: Record<string, string>; value: number }[];
}

describe('metrics summary', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenantA = await testApp.createTenant('metrics-a');
    tenantB = await testApp.createTenant('metrics-b');
    await testApp.http
      .post('/api/v1/circuit-breakers/events')
      .set(bearer(tenantB.keys.ingest))
      .send({ name: 'b-secret-connector', fromState: 'closed', toState: 'open' })
      .expect(201);
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function summaryOf(tenant: TestTenant): Promise<SummaryMetric[]> {
    const response = await testApp.http
      .get('/api/v1/metrics/summary')
      .set(bearer(tenant.keys.admin));
    expect(response.status).toBe(200);
    return response.body.data as SummaryMetric[];
  }

  it('lists only kaireon_ metrics with the runtime ones', async () => {
    const names = (await summaryOf(tenantA)).map((metric) => metric.name);
    expect(names.every((name) => name.startsWith('kaireon_'))).toBe(true);
    expect(names).toContain('kaireon_process_cpu_user_seconds_total');
    expect(names).toContain('kaireon_http_request_duration_seconds');
  });

  it('never shows another tenant’s objects or labels', async () => {
    const text = JSON.stringify(await summaryOf(tenantA));
    expect(text).not.toContain('b-secret-connector');
    expect(text).not.toContain('"tenant":"metrics-b"');
  });

  it('answers 403 to an editor', async () => {
    const response = await testApp.http
      .get('/api/v1/metrics/summary')
      .set(bearer(tenantA.keys.editor));
    expect(response.status).toBe(403);
  });
});
