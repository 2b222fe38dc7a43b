import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';

jest.setTimeout(60_000);

describe('settings API', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenantA = await testApp.createTenant('settings-a');
    tenantB = await testApp.createTenant('settings-b');
    await testApp.http
      .post('/api/v1/outcome-types')
      .set(bearer(tenantA.keys.editor))
      .send({ key: 'purchase', name: 'Purchase', classification: 'positive', category: 'response' })
      .expect(201);
  });

  afterAll(async () => {
    await testApp.close();
  });

  function put(tenant: TestTenant, body: unknown) {
    return testApp.http
      .put('/api/v1/settings')
      .set(bearer(tenant.keys.admin))
      .send(body as object);
  }

  it('starts with conversion as the only conversion outcome', async () => {
    const response = await testApp.http
      .get('/api/v1/settings')
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    expect(response.body.conversionOutcomeKeys).toEqual(['conversion']);
  });

  it('replaces the keys and audits the change', async () => {
    const response = await put(tenantA, { conversionOutcomeKeys: ['conversion', 'purchase'] });
    expect(response.status).toBe(200);
    expect(response.body.conversionOutcomeKeys).toEqual(['conversion', 'purchase']);
    const reread = await testApp.http
      .get('/api/v1/settings')
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    expect(reread.body.conversionOutcomeKeys).toEqual(['conversion', 'purchase']);

    const audit = await testApp.http
      .get('/api/v1/admin/audit-events')
      .set(bearer(tenantA.keys.admin))
      .expect(200);
    const event = (audit.body.data as { action: string }[]).find(
      (row) => row.action === 'settings.updated',
    );
    expect(event).toMatchObject({
      actor: 'settings-a-admin',
      targetType: 'tenant_settings',
      details: { conversionOutcomeKeys: { from: ['conversion'], to: ['conversion', 'purchase'] } },
    });

    const annotations = await testApp.http
      .get('/api/v1/annotations?kind=catalog_change')
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    const titles = (annotations.body.data as { title: string }[]).map((row) => row.title);
    expect(titles).toContain('Conversion outcome types set to conversion, purchase');
  });

  it('rejects an unknown conversion key', async () => {
    const response = await put(tenantA, { conversionOutcomeKeys: ['conversion', 'signup'] });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'conversionOutcomeKeys contains signup, which is not an outcome type of this tenant; ' +
        'create it with POST /api/v1/outcome-types first',
    );
    expect(response.body.error.details[0]).toMatchObject({
      field: 'conversionOutcomeKeys',
      value: 'signup',
    });
  });

  it('answers 400 for an impression type, an empty list, duplicates and unknown fields', async () => {
    const impression = await put(tenantA, { conversionOutcomeKeys: ['impression'] });
    expect(impression.status).toBe(400);
    expect(impression.body.error.message).toContain(
      'impression, which is an impression outcome type',
    );
    const empty = await put(tenantA, { conversionOutcomeKeys: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].field).toBe('conversionOutcomeKeys');
    const duplicates = await put(tenantA, { conversionOutcomeKeys: ['click', 'click'] });
    expect(duplicates.status).toBe(400);
    const unknown = await put(tenantA, { conversionOutcomeKeys: ['click'], currency: 'EUR' });
    expect(unknown.body.error.details[0]).toMatchObject({
      field: 'currency',
      reason: 'is not a known field',
    });
  });

  it('keeps tenant settings apart', async () => {
    await testApp.http
      .post('/api/v1/outcome-types')
      .set(bearer(tenantB.keys.editor))
      .send({ key: 'b_signup', name: 'Signup', classification: 'positive', category: 'response' })
      .expect(201);
    const response = await put(tenantA, { conversionOutcomeKeys: ['b_signup'] });
    expect(response.status).toBe(400);
    const settingsOfB = await testApp.http
      .get('/api/v1/settings')
      .set(bearer(tenantB.keys.viewer))
      .expect(200);
    expect(settingsOfB.body.conversionOutcomeKeys).toEqual(['conversion']);
    const auditOfB = await testApp.http
      .get('/api/v1/admin/audit-events')
      .set(bearer(tenantB.keys.admin))
      .expect(200);
    expect(
      (auditOfB.body.data as { action: string }[]).some((row) => row.action === 'settings.updated'),
    ).toBe(false);
  });
});
