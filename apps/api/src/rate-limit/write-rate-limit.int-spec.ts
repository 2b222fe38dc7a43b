import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';

describe('write rate limit', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  const annotation = (title: string) => ({ kind: 'note', title });

  beforeAll(async () => {
    testApp = await createTestApp({ config: { writeRequestsPerMinute: 3 } });
    tenantA = await testApp.createTenant('limit-a');
    tenantB = await testApp.createTenant('limit-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('answers 429 with Retry-After past the limit', async () => {
    for (const title of ['one', 'two', 'three']) {
      const accepted = await testApp.http
        .post('/api/v1/annotations')
        .set(bearer(tenantA.keys.editor))
        .send(annotation(title));
      expect(accepted.status).toBe(201);
    }
    const limited = await testApp.http
      .post('/api/v1/annotations')
      .set(bearer(tenantA.keys.editor))
      .send(annotation('four'));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('too_many_requests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('records nothing for a limited request', async () => {
    const list = await testApp.http.get('/api/v1/annotations').set(bearer(tenantA.keys.viewer));
    const titles = list.body.data.map((row: { title: string }) => row.title);
    expect(titles).not.toContain('four');
  });

  it('keeps reads and other tenants unlimited', async () => {
    const read = await testApp.http.get('/api/v1/annotations').set(bearer(tenantA.keys.viewer));
    expect(read.status).toBe(200);
    const other = await testApp.http
      .post('/api/v1/annotations')
      .set(bearer(tenantB.keys.editor))
      .send(annotation('b'));
    expect(other.status).toBe(201);
  });
});
