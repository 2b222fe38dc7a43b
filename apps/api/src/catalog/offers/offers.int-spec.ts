import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';

jest.setTimeout(60_000);

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

function buildOffer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { key: 'offer_summer_promo', name: 'Summer promotion', ...overrides };
}

describe('offers API', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenantA = await testApp.createTenant('offers-a');
    tenantB = await testApp.createTenant('offers-b');
    for (const tenant of [tenantA, tenantB]) {
      await testApp.http
        .post('/api/v1/categories')
        .set(bearer(tenant.keys.editor))
        .send({ key: 'cards', name: 'Cards' })
        .expect(201);
    }
  });

  afterAll(async () => {
    await testApp.close();
  });

  function post(tenant: TestTenant, body: unknown, headers: Record<string, string> = {}) {
    return testApp.http
      .post('/api/v1/offers')
      .set(bearer(tenant.keys.editor))
      .set(headers)
      .send(body as object);
  }

  async function catalogAnnotations(
    tenant: TestTenant,
  ): Promise<{ title: string; details: Record<string, unknown> }[]> {
    const response = await testApp.http
      .get('/api/v1/annotations?kind=catalog_change&limit=200')
      .set(bearer(tenant.keys.viewer))
      .expect(200);
    return response.body.data as { title: string; details: Record<string, unknown> }[];
  }

  it('creates an offer with defaults and reads it back', async () => {
    const created = await post(
      tenantA,
      buildOffer({ key: 'offer_defaults', categoryKey: 'cards', businessValue: 12.5 }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: 'offer_defaults',
      name: 'Summer promotion',
      status: 'active',
      categoryKey: 'cards',
      priority: 50,
      businessValue: 12.5,
      revenueValue: null,
      description: null,
    });
    const fetched = await testApp.http
      .get(`/api/v1/offers/${created.body.id}`)
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    expect(fetched.body).toEqual(created.body);
  });

  it('annotates a created offer in the catalog_change annotations', async () => {
    await post(tenantA, buildOffer({ key: 'offer_annotated', priority: 70 })).expect(201);
    const annotation = (await catalogAnnotations(tenantA)).find(
      (row) => row.title === 'Offer offer_annotated created',
    );
    expect(annotation).toBeDefined();
    expect(annotation?.details).toMatchObject({
      entity: 'offer',
      action: 'created',
      actor: 'offers-a-editor',
      items: [
        expect.objectContaining({
          key: 'offer_annotated',
          fields: expect.objectContaining({ priority: 70 }),
        }),
      ],
    });
  });

  it('answers 400 naming the field for bad values and unknown fields', async () => {
    const badPriority = await post(tenantA, buildOffer({ key: 'offer_bad', priority: 101 }));
    expect(badPriority.status).toBe(400);
    expect(badPriority.body.error.details[0]).toMatchObject({ field: 'priority', value: 101 });
    expect(badPriority.body.error.message).toBe('priority must be an integer from 0 to 100');

    const unknown = await post(tenantA, buildOffer({ key: 'offer_bad', colour: 'red' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toMatchObject({
      field: 'colour',
      reason: 'is not a known field',
    });

    const badStatus = await post(tenantA, buildOffer({ key: 'offer_bad', status: 'live' }));
    expect(badStatus.body.error.message).toBe(
      'status must be one of draft, active, paused, archived',
    );
  });

  it('states the key rule in the message', async () => {
    const response = await post(tenantA, buildOffer({ key: 'Summer Promo' }));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('key must match ^[a-z0-9][a-z0-9_.-]{0,99}$');
  });

  it('rejects an unknown category with 400 naming it', async () => {
    const response = await post(tenantA, buildOffer({ key: 'offer_nocat', categoryKey: 'loans' }));
    expect(response.status).toBe(400);
    expect(response.body.error.details[0]).toMatchObject({ field: 'categoryKey', value: 'loans' });
  });

  it('answers 409 naming a taken key', async () => {
    await post(tenantA, buildOffer({ key: 'offer_taken' })).expect(201);
    const again = await post(tenantA, buildOffer({ key: 'offer_taken' }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Offer key offer_taken already exists');
  });

  it('commits the valid items of a batch and lists the rejected ones', async () => {
    await post(tenantA, buildOffer({ key: 'offer_existing' })).expect(201);
    const response = await post(tenantA, [
      buildOffer({ key: 'offer_batch_1' }),
      buildOffer({ key: 'offer_batch_2', priority: -1 }),
      buildOffer({ key: 'offer_existing' }),
      buildOffer({ key: 'offer_batch_1' }),
      buildOffer({ key: 'offer_batch_3', categoryKey: 'nope' }),
    ]);
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(1);
    expect(
      (response.body.rejected as { index: number; field: string }[]).map((r) => [r.index, r.field]),
    ).toEqual([
      [1, 'priority'],
      [2, 'key'],
      [3, 'key'],
      [4, 'categoryKey'],
    ]);
    const annotations = await catalogAnnotations(tenantA);
    expect(annotations.some((row) => row.title === 'Offer offer_batch_1 created')).toBe(true);
  });

  it('answers 400 with the rejections when no item of a batch is valid', async () => {
    const response = await post(tenantA, [buildOffer({ key: 'BAD' }), buildOffer({ name: '' })]);
    expect(response.status).toBe(400);
    const indexes = (response.body.error.details as { index: number }[]).map(
      (detail) => detail.index,
    );
    expect([...new Set(indexes)]).toEqual([0, 1]);
  });

  it('treats a repeated idempotency key as accepted without a new offer', async () => {
    const first = await post(tenantA, buildOffer({ key: 'offer_idem' }), {
      'Idempotency-Key': 'idem-1',
    });
    expect(first.status).toBe(201);
    const repeat = await post(tenantA, buildOffer({ key: 'offer_idem' }), {
      'Idempotency-Key': 'idem-1',
    });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual({ accepted: 1, rejected: [] });

    const batch = await post(tenantA, [
      buildOffer({ key: 'offer_idem', idempotencyKey: 'idem-1' }),
      buildOffer({ key: 'offer_idem_2', idempotencyKey: 'idem-2' }),
    ]);
    expect(batch.body).toEqual({ accepted: 2, rejected: [] });
    const list = await testApp.http
      .get('/api/v1/offers?q=offer_idem')
      .set(bearer(tenantA.keys.viewer));
    expect((list.body.data as { key: string }[]).map((offer) => offer.key)).toEqual([
      'offer_idem',
      'offer_idem_2',
    ]);
  });

  it('frees the idempotency key of a rejected item for the corrected retry', async () => {
    await post(
      tenantA,
      buildOffer({ key: 'offer_retry', categoryKey: 'missing', idempotencyKey: 'retry-1' }),
    ).expect(400);
    const retry = await post(
      tenantA,
      buildOffer({ key: 'offer_retry', idempotencyKey: 'retry-1' }),
    );
    expect(retry.status).toBe(201);
  });

  it('rejects the Idempotency-Key header on a batch', async () => {
    const response = await post(tenantA, [buildOffer({ key: 'offer_hdr' })], {
      'Idempotency-Key': 'x',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe('Idempotency-Key');
  });

  it('filters the list by status, category and search text, paging by key', async () => {
    await post(tenantA, [
      buildOffer({ key: 'list_a', name: 'Alpha card', status: 'paused', categoryKey: 'cards' }),
      buildOffer({ key: 'list_b', name: 'Beta', status: 'paused' }),
      buildOffer({ key: 'list_c', name: 'Gamma card', status: 'draft', categoryKey: 'cards' }),
    ]).expect(200);
    const viewer = bearer(tenantA.keys.viewer);
    const paused = await testApp.http
      .get('/api/v1/offers?status=paused&q=list_')
      .set(viewer)
      .expect(200);
    expect((paused.body.data as { key: string }[]).map((offer) => offer.key)).toEqual([
      'list_a',
      'list_b',
    ]);
    const cards = await testApp.http
      .get('/api/v1/offers?categoryKey=cards&q=CARD')
      .set(viewer)
      .expect(200);
    expect((cards.body.data as { key: string }[]).map((offer) => offer.key)).toEqual([
      'list_a',
      'list_c',
    ]);

    const first = await testApp.http.get('/api/v1/offers?q=list_&limit=2').set(viewer).expect(200);
    expect(first.body.page).toMatchObject({ limit: 2, total: 3 });
    const second = await testApp.http
      .get(`/api/v1/offers?q=list_&limit=2&cursor=${first.body.page.nextCursor}`)
      .set(viewer)
      .expect(200);
    expect((second.body.data as { key: string }[]).map((offer) => offer.key)).toEqual(['list_c']);
    expect(second.body.page.nextCursor).toBeNull();

    const wildcard = await testApp.http.get('/api/v1/offers?q=%25').set(viewer).expect(200);
    expect(wildcard.body.data).toEqual([]);
  });

  it('updates fields, annotates the change and ignores a no-op', async () => {
    const created = await post(tenantA, buildOffer({ key: 'offer_patch' })).expect(201);
    const editor = bearer(tenantA.keys.editor);
    const patched = await testApp.http
      .patch(`/api/v1/offers/${created.body.id}`)
      .set(editor)
      .send({ status: 'paused', revenueValue: 99.99, categoryKey: 'cards' })
      .expect(200);
    expect(patched.body).toMatchObject({
      status: 'paused',
      revenueValue: 99.99,
      categoryKey: 'cards',
    });

    const cleared = await testApp.http
      .patch(`/api/v1/offers/${created.body.id}`)
      .set(editor)
      .send({ categoryKey: null })
      .expect(200);
    expect(cleared.body.categoryKey).toBeNull();

    const annotation = (await catalogAnnotations(tenantA)).find((row) =>
      row.title.startsWith('Offer offer_patch updated'),
    );
    expect(annotation?.title).toBe('Offer offer_patch updated: status, categoryKey, revenueValue');
    expect(annotation?.details.changes).toEqual({
      status: { from: 'active', to: 'paused' },
      categoryKey: { from: null, to: 'cards' },
      revenueValue: { from: null, to: 99.99 },
    });
  });

  it('rejects key changes and empty patches', async () => {
    const created = await post(tenantA, buildOffer({ key: 'offer_fixed' })).expect(201);
    const editor = bearer(tenantA.keys.editor);
    const rename = await testApp.http
      .patch(`/api/v1/offers/${created.body.id}`)
      .set(editor)
      .send({ key: 'offer_new' });
    expect(rename.status).toBe(422);
    expect(rename.body.error.message).toContain('telemetry refers to offers by key');
    const sameKey = await testApp.http
      .patch(`/api/v1/offers/${created.body.id}`)
      .set(editor)
      .send({ key: 'offer_fixed', name: 'Renamed' });
    expect(sameKey.status).toBe(200);
    const empty = await testApp.http
      .patch(`/api/v1/offers/${created.body.id}`)
      .set(editor)
      .send({});
    expect(empty.status).toBe(400);
    const nullName = await testApp.http
      .patch(`/api/v1/offers/${created.body.id}`)
      .set(editor)
      .send({ name: null });
    expect(nullName.status).toBe(400);
    expect(nullName.body.error.details[0].field).toBe('name');
  });

  it('deletes an offer with 204 and annotates it', async () => {
    const created = await post(tenantA, buildOffer({ key: 'offer_gone' })).expect(201);
    await testApp.http
      .delete(`/api/v1/offers/${created.body.id}`)
      .set(bearer(tenantA.keys.editor))
      .expect(204);
    await testApp.http
      .get(`/api/v1/offers/${created.body.id}`)
      .set(bearer(tenantA.keys.viewer))
      .expect(404);
    await testApp.http
      .delete(`/api/v1/offers/${created.body.id}`)
      .set(bearer(tenantA.keys.editor))
      .expect(404);
    const titles = (await catalogAnnotations(tenantA)).map((row) => row.title);
    expect(titles).toContain('Offer offer_gone deleted');
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const response = await testApp.http
      .get('/api/v1/offers/not-a-uuid')
      .set(bearer(tenantA.keys.viewer));
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe('id');
  });

  describe('tenant isolation', () => {
    let offerOfB: string;

    beforeAll(async () => {
      const created = await post(
        tenantB,
        buildOffer({ key: 'offer_of_b', categoryKey: 'cards' }),
      ).expect(201);
      offerOfB = created.body.id;
    });

    it('answers 404 to tenant A for tenant B ids on every id route', async () => {
      const editor = bearer(tenantA.keys.editor);
      await testApp.http.get(`/api/v1/offers/${offerOfB}`).set(editor).expect(404);
      await testApp.http
        .patch(`/api/v1/offers/${offerOfB}`)
        .set(editor)
        .send({ name: 'x' })
        .expect(404);
      await testApp.http.delete(`/api/v1/offers/${offerOfB}`).set(editor).expect(404);
      const missing = await testApp.http.get(`/api/v1/offers/${MISSING_ID}`).set(editor);
      expect(missing.status).toBe(404);
      await testApp.http
        .get(`/api/v1/offers/${offerOfB}`)
        .set(bearer(tenantB.keys.viewer))
        .expect(200);
    });

    it('never lists tenant B offers to tenant A', async () => {
      const list = await testApp.http
        .get('/api/v1/offers?limit=200')
        .set(bearer(tenantA.keys.viewer))
        .expect(200);
      expect((list.body.data as { id: string }[]).map((offer) => offer.id)).not.toContain(offerOfB);
      const search = await testApp.http
        .get('/api/v1/offers?q=of_b')
        .set(bearer(tenantA.keys.viewer))
        .expect(200);
      expect(search.body.page.total).toBe(0);
    });

    it('lets tenants use the same key and keeps annotations apart', async () => {
      await post(tenantB, buildOffer({ key: 'offer_summer_promo' })).expect(201);
      await post(tenantA, buildOffer({ key: 'offer_summer_promo' })).expect(201);
      const titlesOfB = (await catalogAnnotations(tenantB)).map((row) => row.title);
      expect(titlesOfB).not.toContain('Offer offer_annotated created');
    });

    it('does not accept a category of another tenant', async () => {
      await testApp.http
        .post('/api/v1/categories')
        .set(bearer(tenantB.keys.editor))
        .send({ key: 'only_in_b', name: 'Only in B' })
        .expect(201);
      const response = await post(
        tenantA,
        buildOffer({ key: 'offer_cross', categoryKey: 'only_in_b' }),
      );
      expect(response.status).toBe(400);
    });
  });
});
