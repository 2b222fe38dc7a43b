import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';

jest.setTimeout(120_000);

const CUSTOMER_SCHEMA = {
  key: 'customers',
  name: 'Customers',
  entityType: 'customer',
  fields: [
    { name: 'customer_id', type: 'text' },
    { name: 'default', type: 'integer' },
    { name: 'select', type: 'boolean', nullable: false },
    { name: 'user', type: 'json' },
    { name: 'balance', type: 'decimal' },
    { name: 'born', type: 'date' },
    { name: 'seen', type: 'timestamp' },
  ],
  primaryKeyField: 'customer_id',
};

describe('schema rows API', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  let schemaId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenantA = await testApp.createTenant('rows-a');
    tenantB = await testApp.createTenant('rows-b');
    const created = await testApp.http
      .post('/api/v1/schemas')
      .set(bearer(tenantA.keys.editor))
      .send(CUSTOMER_SCHEMA)
      .expect(201);
    schemaId = created.body.id;
  });

  afterAll(async () => {
    await testApp.close();
  });

  function load(tenant: TestTenant, id: string, body: unknown) {
    return testApp.http
      .post(`/api/v1/schemas/${id}/rows`)
      .set(bearer(tenant.keys.ingest))
      .send(body as object);
  }

  function listRows(tenant: TestTenant, id: string, query = '') {
    return testApp.http.get(`/api/v1/schemas/${id}/rows${query}`).set(bearer(tenant.keys.viewer));
  }

  it('stores every type under odd names', async () => {
    const response = await load(tenantA, schemaId, {
      customer_id: 'c-001',
      default: '9007199254740993',
      select: true,
      user: { tier: 'gold', tags: ['a'] },
      balance: 1250.75,
      born: '1990-02-28',
      seen: '2026-12-04T11:30:00+01:00',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      customer_id: 'c-001',
      select: true,
      user: { tier: 'gold', tags: ['a'] },
      balance: 1250.75,
      born: '1990-02-28',
      seen: '2026-12-04T10:30:00.000Z',
    });
    // NOTE: read back through JSON, so integers beyond 2^53 lose precision on the way out.
    expect(typeof response.body.default).toBe('number');
  });

  it('upserts rows on the primary key', async () => {
    await load(tenantA, schemaId, { customer_id: 'c-twice', select: false, default: 1 }).expect(
      201,
    );
    const second = await load(tenantA, schemaId, {
      customer_id: 'c-twice',
      select: true,
      default: 2,
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      customer_id: 'c-twice',
      select: true,
      default: 2,
      user: null,
    });

    const batch = await load(tenantA, schemaId, [
      { customer_id: 'c-twice', select: true, default: 3 },
      { customer_id: 'c-twice', select: false, default: 4 },
    ]);
    expect(batch.body).toEqual({ accepted: 2, rejected: [] });
    const rows = await listRows(tenantA, schemaId, '?limit=200').expect(200);
    const matching = (rows.body.data as { customer_id: string }[]).filter(
      (row) => row.customer_id === 'c-twice',
    );
    expect(matching).toEqual([expect.objectContaining({ default: 4, select: false })]);
  });

  it('rejects bad values per field', async () => {
    const response = await load(tenantA, schemaId, [
      { customer_id: 'c-ok', select: 'true', default: '12' },
      { customer_id: 'c-bad-1', select: true, default: 'twelve' },
      { customer_id: 'c-bad-2', select: true, born: '2026-02-30', seen: 'yesterday' },
      { customer_id: 'c-bad-3', default: 1 },
      { customer_id: 'c-bad-4', select: true, colour: 'red' },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(1);
    const rejected = response.body.rejected as { index: number; field: string; reason: string }[];
    expect(rejected.map((row) => [row.index, row.field])).toEqual([
      [1, 'default'],
      [2, 'born'],
      [2, 'seen'],
      [3, 'select'],
      [4, 'colour'],
    ]);
    expect(rejected[0]?.reason).toContain('(type integer)');
    expect(rejected[1]?.reason).toContain('(type date)');
    expect(rejected[3]?.reason).toBe('is required (type boolean, not nullable)');
  });

  it('rejects all-invalid loads with 400', async () => {
    const batch = await load(tenantA, schemaId, [
      { customer_id: 1, select: true },
      { select: true },
    ]);
    expect(batch.status).toBe(400);
    expect((batch.body.error.details as { index: number }[]).map((detail) => detail.index)).toEqual(
      [0, 1],
    );
    const single = await load(tenantA, schemaId, { customer_id: 'c-x', select: 'maybe' });
    expect(single.status).toBe(400);
    expect(single.body.error.details[0]).toMatchObject({ field: 'select', value: 'maybe' });
    expect(single.body.error.message).toBe('select must be true or false (type boolean)');
  });

  it('loads and pages 10,000 rows', async () => {
    const created = await testApp.http
      .post('/api/v1/schemas')
      .set(bearer(tenantA.keys.editor))
      .send({
        key: 'events',
        name: 'Events',
        entityType: 'custom',
        fields: [
          { name: 'id', type: 'integer' },
          { name: 'label', type: 'text' },
          { name: 'at', type: 'timestamp' },
        ],
        primaryKeyField: 'id',
      })
      .expect(201);
    const rows = Array.from({ length: 10_000 }, (_, index) => ({
      id: 10_000 - index,
      label: `event ${index}`,
      at: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
    }));
    const response = await load(tenantA, created.body.id, rows);
    expect(response.body).toEqual({ accepted: 10_000, rejected: [] });

    const first = await listRows(tenantA, created.body.id, '?limit=3').expect(200);
    expect(first.body.page.total).toBe(10_000);
    expect(first.body.primaryKeyField).toBe('id');
    expect((first.body.data as { id: number }[]).map((row) => row.id)).toEqual([1, 2, 3]);
    const second = await listRows(
      tenantA,
      created.body.id,
      `?limit=3&cursor=${first.body.page.nextCursor}`,
    ).expect(200);
    expect((second.body.data as { id: number }[]).map((row) => row.id)).toEqual([4, 5, 6]);
    expect(second.body.data[0]).toEqual({
      id: 4,
      label: 'event 9996',
      at: '2026-01-07T22:36:00.000Z',
    });

    const schema = await testApp.http
      .get(`/api/v1/schemas/${created.body.id}`)
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    expect(schema.body.lastLoadedAt).not.toBeNull();
  });

  it('pages text keys in order and rejects a cursor of another schema', async () => {
    const page = await listRows(tenantA, schemaId, '?limit=1').expect(200);
    expect(page.body.data[0].customer_id).toBe('c-001');
    const other = await testApp.http
      .post('/api/v1/schemas')
      .set(bearer(tenantA.keys.editor))
      .send({ ...CUSTOMER_SCHEMA, key: 'customers_copy' })
      .expect(201);
    const foreign = await listRows(tenantA, other.body.id, `?cursor=${page.body.page.nextCursor}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].field).toBe('cursor');
  });

  it('answers 404 for an unknown schema', async () => {
    await load(tenantA, '00000000-0000-4000-8000-000000000000', {
      customer_id: 'x',
      select: true,
    }).expect(404);
  });

  describe('tenant isolation', () => {
    let schemaOfB: string;

    beforeAll(async () => {
      const created = await testApp.http
        .post('/api/v1/schemas')
        .set(bearer(tenantB.keys.editor))
        .send(CUSTOMER_SCHEMA)
        .expect(201);
      schemaOfB = created.body.id;
      await load(tenantB, schemaOfB, { customer_id: 'b-secret', select: true }).expect(201);
    });

    it('does not let tenant A load rows into tenant B schema', async () => {
      const response = await load(tenantA, schemaOfB, { customer_id: 'intruder', select: true });
      expect(response.status).toBe(404);
      const rowsOfB = await listRows(tenantB, schemaOfB).expect(200);
      expect(
        (rowsOfB.body.data as { customer_id: string }[]).map((row) => row.customer_id),
      ).toEqual(['b-secret']);
    });

    it('hides tenant B rows from A', async () => {
      await listRows(tenantA, schemaOfB).expect(404);
      const rowsOfA = await listRows(tenantA, schemaId, '?limit=200').expect(200);
      const ids = (rowsOfA.body.data as { customer_id: string }[]).map((row) => row.customer_id);
      expect(ids).not.toContain('b-secret');
    });
  });
});
