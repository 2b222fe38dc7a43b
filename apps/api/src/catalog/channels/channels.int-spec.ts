import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';

jest.setTimeout(60_000);

describe('channels API', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenantA = await testApp.createTenant('channels-a');
    tenantB = await testApp.createTenant('channels-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  function createChannel(tenant: TestTenant, body: unknown) {
    return testApp.http
      .post('/api/v1/channels')
      .set(bearer(tenant.keys.editor))
      .send(body as object);
  }

  it('creates a channel with default modes and reads it back', async () => {
    const created = await createChannel(tenantA, { key: 'email', name: 'Email', type: 'email' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: 'email',
      name: 'Email',
      type: 'email',
      deliveryMode: 'api',
      impressionMode: 'explicit',
    });
    const fetched = await testApp.http
      .get(`/api/v1/channels/${created.body.id}`)
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    expect(fetched.body).toEqual(created.body);
  });

  it('answers 400 naming the field for bad enums and unknown fields', async () => {
    const badType = await createChannel(tenantA, { key: 'fax', name: 'Fax', type: 'fax' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toBe(
      'type must be one of email, push, sms, phone, in_app, web, webhook, whatsapp, direct_mail',
    );
    const badMode = await createChannel(tenantA, {
      key: 'web',
      name: 'Web',
      type: 'web',
      impressionMode: 'auto',
    });
    expect(badMode.body.error.details[0]).toMatchObject({ field: 'impressionMode', value: 'auto' });
    const unknown = await createChannel(tenantA, {
      key: 'web',
      name: 'Web',
      type: 'web',
      url: 'x',
    });
    expect(unknown.body.error.details[0]).toMatchObject({
      field: 'url',
      reason: 'is not a known field',
    });
  });

  it('answers 409 for a taken key and rejects it inside a batch', async () => {
    await createChannel(tenantA, { key: 'sms', name: 'SMS', type: 'sms' }).expect(201);
    const again = await createChannel(tenantA, { key: 'sms', name: 'SMS', type: 'sms' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Channel key sms already exists');

    const batch = await createChannel(tenantA, [
      { key: 'sms', name: 'SMS', type: 'sms' },
      {
        key: 'push',
        name: 'Push',
        type: 'push',
        deliveryMode: 'integration',
        impressionMode: 'implicit',
      },
    ]);
    expect(batch.status).toBe(200);
    expect(batch.body).toEqual({
      accepted: 1,
      rejected: [{ index: 0, field: 'key', value: 'sms', reason: 'already exists' }],
    });
  });

  it('filters by type and pages by key', async () => {
    await createChannel(tenantA, [
      { key: 'web_a', name: 'Web A', type: 'web' },
      { key: 'web_b', name: 'Web B', type: 'web' },
    ]).expect(200);
    const viewer = bearer(tenantA.keys.viewer);
    const first = await testApp.http
      .get('/api/v1/channels?type=web&limit=1')
      .set(viewer)
      .expect(200);
    expect((first.body.data as { key: string }[]).map((row) => row.key)).toEqual(['web_a']);
    expect(first.body.page.total).toBe(2);
    const second = await testApp.http
      .get(`/api/v1/channels?type=web&limit=1&cursor=${first.body.page.nextCursor}`)
      .set(viewer)
      .expect(200);
    expect((second.body.data as { key: string }[]).map((row) => row.key)).toEqual(['web_b']);
    const badCursor = await testApp.http.get('/api/v1/channels?cursor=garbage').set(viewer);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.details[0].field).toBe('cursor');
  });

  it('updates modes, refuses a key change with 422, and deletes', async () => {
    const created = await createChannel(tenantA, {
      key: 'in_app',
      name: 'In app',
      type: 'in_app',
    }).expect(201);
    const editor = bearer(tenantA.keys.editor);
    const patched = await testApp.http
      .patch(`/api/v1/channels/${created.body.id}`)
      .set(editor)
      .send({ impressionMode: 'implicit', deliveryMode: 'manual' })
      .expect(200);
    expect(patched.body).toMatchObject({ impressionMode: 'implicit', deliveryMode: 'manual' });

    const rename = await testApp.http
      .patch(`/api/v1/channels/${created.body.id}`)
      .set(editor)
      .send({ key: 'app' });
    expect(rename.status).toBe(422);
    expect(rename.body.error.details[0]).toMatchObject({ field: 'key', value: 'app' });

    await testApp.http.delete(`/api/v1/channels/${created.body.id}`).set(editor).expect(204);
    const annotations = await testApp.http
      .get('/api/v1/annotations?kind=catalog_change&limit=200')
      .set(bearer(tenantA.keys.viewer));
    const titles = (annotations.body.data as { title: string }[]).map((row) => row.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Channel in_app created',
        'Channel in_app updated: deliveryMode, impressionMode',
        'Channel in_app deleted',
      ]),
    );
  });

  describe('tenant isolation', () => {
    let channelOfB: string;

    beforeAll(async () => {
      const created = await createChannel(tenantB, {
        key: 'whatsapp',
        name: 'WhatsApp',
        type: 'whatsapp',
      }).expect(201);
      channelOfB = created.body.id;
    });

    it('answers 404 to tenant A for tenant B ids on every id route', async () => {
      const editor = bearer(tenantA.keys.editor);
      await testApp.http.get(`/api/v1/channels/${channelOfB}`).set(editor).expect(404);
      await testApp.http
        .patch(`/api/v1/channels/${channelOfB}`)
        .set(editor)
        .send({ name: 'x' })
        .expect(404);
      await testApp.http.delete(`/api/v1/channels/${channelOfB}`).set(editor).expect(404);
      await testApp.http
        .get(`/api/v1/channels/${channelOfB}`)
        .set(bearer(tenantB.keys.viewer))
        .expect(200);
    });

    it('never lists tenant B channels to tenant A', async () => {
      const list = await testApp.http
        .get('/api/v1/channels?limit=200')
        .set(bearer(tenantA.keys.viewer))
        .expect(200);
      expect((list.body.data as { id: string }[]).map((row) => row.id)).not.toContain(channelOfB);
      const filtered = await testApp.http
        .get('/api/v1/channels?type=whatsapp')
        .set(bearer(tenantA.keys.viewer));
      expect(filtered.body.page.total).toBe(0);
    });
  });
});
