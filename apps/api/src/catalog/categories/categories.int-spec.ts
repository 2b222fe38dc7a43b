import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';

jest.setTimeout(60_000);

describe('categories API', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenantA = await testApp.createTenant('categories-a');
    tenantB = await testApp.createTenant('categories-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  function createCategory(tenant: TestTenant, body: unknown) {
    return testApp.http
      .post('/api/v1/categories')
      .set(bearer(tenant.keys.editor))
      .send(body as object);
  }

  it('creates, reads, lists, updates and deletes a category', async () => {
    const created = await createCategory(tenantA, {
      key: 'loans',
      name: 'Loans',
      description: 'Credit',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'loans', name: 'Loans', description: 'Credit' });
    const id = created.body.id as string;
    const viewer = bearer(tenantA.keys.viewer);
    const editor = bearer(tenantA.keys.editor);

    await testApp.http.get(`/api/v1/categories/${id}`).set(viewer).expect(200);
    const list = await testApp.http.get('/api/v1/categories?q=loa').set(viewer).expect(200);
    expect((list.body.data as { key: string }[]).map((row) => row.key)).toEqual(['loans']);

    const patched = await testApp.http
      .patch(`/api/v1/categories/${id}`)
      .set(editor)
      .send({ name: 'Personal loans', description: null })
      .expect(200);
    expect(patched.body).toMatchObject({ name: 'Personal loans', description: null });

    await testApp.http.delete(`/api/v1/categories/${id}`).set(editor).expect(204);
    await testApp.http.get(`/api/v1/categories/${id}`).set(viewer).expect(404);
  });

  it('answers 400 naming the field and 409 naming a taken key', async () => {
    const blank = await createCategory(tenantA, { key: 'blank', name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details[0]).toMatchObject({
      field: 'name',
      reason: 'must not be blank',
    });
    const missing = await createCategory(tenantA, { name: 'No key' });
    expect(missing.body.error.details[0].field).toBe('key');

    await createCategory(tenantA, { key: 'dup', name: 'Dup' }).expect(201);
    const taken = await createCategory(tenantA, { key: 'dup', name: 'Dup again' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('Category key dup already exists');
  });

  it('answers 409 with the offer count when deleting a category in use', async () => {
    const created = await createCategory(tenantA, { key: 'in_use', name: 'In use' }).expect(201);
    await testApp.http
      .post('/api/v1/offers')
      .set(bearer(tenantA.keys.editor))
      .send([
        { key: 'in_use_1', name: 'One', categoryKey: 'in_use' },
        { key: 'in_use_2', name: 'Two', categoryKey: 'in_use' },
      ])
      .expect(200);
    const response = await testApp.http
      .delete(`/api/v1/categories/${created.body.id}`)
      .set(bearer(tenantA.keys.editor));
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe(
      'Category in_use is used by 2 offers; move them to another category or delete them first',
    );
  });

  it('carries a new category key over to its offers', async () => {
    const created = await createCategory(tenantA, { key: 'old_key', name: 'Old' }).expect(201);
    const offer = await testApp.http
      .post('/api/v1/offers')
      .set(bearer(tenantA.keys.editor))
      .send({ key: 'moving_offer', name: 'Moving', categoryKey: 'old_key' })
      .expect(201);
    await testApp.http
      .patch(`/api/v1/categories/${created.body.id}`)
      .set(bearer(tenantA.keys.editor))
      .send({ key: 'new_key' })
      .expect(200);
    const reread = await testApp.http
      .get(`/api/v1/offers/${offer.body.id}`)
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    expect(reread.body.categoryKey).toBe('new_key');

    await createCategory(tenantA, { key: 'other_key', name: 'Other' }).expect(201);
    const clash = await testApp.http
      .patch(`/api/v1/categories/${created.body.id}`)
      .set(bearer(tenantA.keys.editor))
      .send({ key: 'other_key' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toBe('Category key other_key already exists');
  });

  it('annotates creation, update and deletion', async () => {
    const created = await createCategory(tenantA, { key: 'noted', name: 'Noted' }).expect(201);
    const editor = bearer(tenantA.keys.editor);
    await testApp.http
      .patch(`/api/v1/categories/${created.body.id}`)
      .set(editor)
      .send({ name: 'Noted 2' })
      .expect(200);
    await testApp.http.delete(`/api/v1/categories/${created.body.id}`).set(editor).expect(204);
    const annotations = await testApp.http
      .get('/api/v1/annotations?kind=catalog_change&limit=200')
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    const titles = (annotations.body.data as { title: string }[]).map((row) => row.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Category noted created',
        'Category noted updated: name',
        'Category noted deleted',
      ]),
    );
  });

  describe('tenant isolation', () => {
    let categoryOfB: string;

    beforeAll(async () => {
      const created = await createCategory(tenantB, { key: 'b_only', name: 'B only' }).expect(201);
      categoryOfB = created.body.id;
    });

    it('answers 404 to tenant A for tenant B ids on every id route', async () => {
      const editor = bearer(tenantA.keys.editor);
      await testApp.http.get(`/api/v1/categories/${categoryOfB}`).set(editor).expect(404);
      await testApp.http
        .patch(`/api/v1/categories/${categoryOfB}`)
        .set(editor)
        .send({ name: 'x' })
        .expect(404);
      await testApp.http.delete(`/api/v1/categories/${categoryOfB}`).set(editor).expect(404);
      await testApp.http
        .get(`/api/v1/categories/${categoryOfB}`)
        .set(bearer(tenantB.keys.viewer))
        .expect(200);
    });

    it('never lists tenant B categories to tenant A', async () => {
      const list = await testApp.http
        .get('/api/v1/categories?limit=200')
        .set(bearer(tenantA.keys.viewer))
        .expect(200);
      expect((list.body.data as { id: string }[]).map((row) => row.id)).not.toContain(categoryOfB);
      await createCategory(tenantA, { key: 'b_only', name: 'Same key in A' }).expect(201);
    });
  });
});
