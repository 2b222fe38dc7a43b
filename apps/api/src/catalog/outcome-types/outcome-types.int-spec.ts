import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';

jest.setTimeout(60_000);

interface OutcomeTypeBody {
  id: string;
  key: string;
  classification: string;
  category: string;
  system: boolean;
}

describe('outcome types API', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenantA = await testApp.createTenant('outcomes-a');
    tenantB = await testApp.createTenant('outcomes-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function systemTypes(tenant: TestTenant): Promise<OutcomeTypeBody[]> {
    const response = await testApp.http
      .get('/api/v1/outcome-types?system=true&limit=50')
      .set(bearer(tenant.keys.viewer))
      .expect(200);
    return response.body.data as OutcomeTypeBody[];
  }

  it('seeds the ten system outcome types in every tenant', async () => {
    for (const tenant of [tenantA, tenantB]) {
      const types = await systemTypes(tenant);
      const summary = Object.fromEntries(
        types.map((type) => [type.key, `${type.classification}/${type.category}`]),
      );
      expect(summary).toEqual({
        impression: 'neutral/impression',
        click: 'positive/response',
        conversion: 'positive/response',
        share: 'positive/response',
        save: 'positive/response',
        not_interested: 'negative/response',
        opt_out: 'negative/response',
        dismiss: 'negative/response',
        complaint: 'negative/response',
        defer: 'neutral/response',
      });
    }
    const idsOfA = (await systemTypes(tenantA)).map((type) => type.id);
    const idsOfB = (await systemTypes(tenantB)).map((type) => type.id);
    expect(idsOfA.filter((id) => idsOfB.includes(id))).toEqual([]);
  });

  it('refuses to change or delete a system type with 409', async () => {
    const click = (await systemTypes(tenantA)).find((type) => type.key === 'click');
    const editor = bearer(tenantA.keys.editor);
    const patch = await testApp.http
      .patch(`/api/v1/outcome-types/${click?.id}`)
      .set(editor)
      .send({ name: 'Tap' });
    expect(patch.status).toBe(409);
    expect(patch.body.error.message).toBe(
      'Outcome type click is a system outcome type; the ten system outcome types cannot be changed or deleted',
    );
    const remove = await testApp.http.delete(`/api/v1/outcome-types/${click?.id}`).set(editor);
    expect(remove.status).toBe(409);
    expect(remove.body.error.message).toContain('system outcome type');
    const again = await testApp.http
      .get(`/api/v1/outcome-types/${click?.id}`)
      .set(editor)
      .expect(200);
    expect(again.body.name).toBe('Click');
  });

  it('refuses a custom type that reuses a system key with 409', async () => {
    const response = await testApp.http
      .post('/api/v1/outcome-types')
      .set(bearer(tenantA.keys.editor))
      .send({ key: 'conversion', name: 'Mine', classification: 'positive', category: 'response' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe('Outcome type key conversion already exists');
  });

  it('creates, updates and deletes a custom outcome type', async () => {
    const editor = bearer(tenantA.keys.editor);
    const created = await testApp.http
      .post('/api/v1/outcome-types')
      .set(editor)
      .send({
        key: 'add_to_cart',
        name: 'Add to cart',
        classification: 'positive',
        category: 'response',
      })
      .expect(201);
    expect(created.body).toMatchObject({ key: 'add_to_cart', system: false });

    const patched = await testApp.http
      .patch(`/api/v1/outcome-types/${created.body.id}`)
      .set(editor)
      .send({ classification: 'neutral' })
      .expect(200);
    expect(patched.body.classification).toBe('neutral');

    const rename = await testApp.http
      .patch(`/api/v1/outcome-types/${created.body.id}`)
      .set(editor)
      .send({ key: 'cart' });
    expect(rename.status).toBe(422);

    const custom = await testApp.http
      .get('/api/v1/outcome-types?system=false')
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    expect((custom.body.data as OutcomeTypeBody[]).map((type) => type.key)).toEqual([
      'add_to_cart',
    ]);

    await testApp.http.delete(`/api/v1/outcome-types/${created.body.id}`).set(editor).expect(204);

    const annotations = await testApp.http
      .get('/api/v1/annotations?kind=catalog_change&limit=200')
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    const titles = (annotations.body.data as { title: string }[]).map((row) => row.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Outcome type add_to_cart created',
        'Outcome type add_to_cart updated: classification',
        'Outcome type add_to_cart deleted',
      ]),
    );
  });

  it('answers 400 naming the field for bad input', async () => {
    const response = await testApp.http
      .post('/api/v1/outcome-types')
      .set(bearer(tenantA.keys.editor))
      .send({ key: 'bad', name: 'Bad', classification: 'good', category: 'response' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'classification must be one of positive, negative, neutral',
    );
    const badFilter = await testApp.http
      .get('/api/v1/outcome-types?system=maybe')
      .set(bearer(tenantA.keys.viewer));
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.details[0].field).toBe('system');
  });

  it('refuses to delete a type listed in conversionOutcomeKeys with 409', async () => {
    const created = await testApp.http
      .post('/api/v1/outcome-types')
      .set(bearer(tenantA.keys.editor))
      .send({ key: 'purchase', name: 'Purchase', classification: 'positive', category: 'response' })
      .expect(201);
    await testApp.http
      .put('/api/v1/settings')
      .set(bearer(tenantA.keys.admin))
      .send({ conversionOutcomeKeys: ['conversion', 'purchase'] })
      .expect(200);
    const response = await testApp.http
      .delete(`/api/v1/outcome-types/${created.body.id}`)
      .set(bearer(tenantA.keys.editor));
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain(
      'purchase is one of the tenant conversionOutcomeKeys',
    );
  });

  describe('tenant isolation', () => {
    let typeOfB: string;

    beforeAll(async () => {
      const created = await testApp.http
        .post('/api/v1/outcome-types')
        .set(bearer(tenantB.keys.editor))
        .send({
          key: 'b_outcome',
          name: 'B outcome',
          classification: 'negative',
          category: 'response',
        })
        .expect(201);
      typeOfB = created.body.id;
    });

    it('answers 404 to tenant A for tenant B ids on every id route', async () => {
      const editor = bearer(tenantA.keys.editor);
      await testApp.http.get(`/api/v1/outcome-types/${typeOfB}`).set(editor).expect(404);
      await testApp.http
        .patch(`/api/v1/outcome-types/${typeOfB}`)
        .set(editor)
        .send({ name: 'x' })
        .expect(404);
      await testApp.http.delete(`/api/v1/outcome-types/${typeOfB}`).set(editor).expect(404);
      const systemOfB = (await systemTypes(tenantB))[0];
      await testApp.http.get(`/api/v1/outcome-types/${systemOfB?.id}`).set(editor).expect(404);
    });

    it('never lists tenant B outcome types to tenant A', async () => {
      const list = await testApp.http
        .get('/api/v1/outcome-types?limit=200')
        .set(bearer(tenantA.keys.viewer))
        .expect(200);
      const ids = (list.body.data as OutcomeTypeBody[]).map((type) => type.id);
      expect(ids).not.toContain(typeOfB);
      expect((list.body.data as OutcomeTypeBody[]).map((type) => type.key)).not.toContain(
        'b_outcome',
      );
    });
  });
});
