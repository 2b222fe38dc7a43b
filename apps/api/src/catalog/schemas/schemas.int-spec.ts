import { sql } from 'drizzle-orm';

import { resultRows } from '../../database/mapper.js';
import { tenantSchemaName } from '../../database/tenant-schema.js';
import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';

jest.setTimeout(60_000);

function buildSchema(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    key: 'customers',
    name: 'Customers',
    entityType: 'customer',
    fields: [
      { name: 'Customer ID', type: 'text' },
      { name: 'default', type: 'integer' },
      { name: 'select', type: 'boolean', nullable: false },
      { name: 'user', type: 'json' },
    ],
    primaryKeyField: 'customer id',
    ...overrides,
  };
}

describe('schemas API', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp();
    tenantA = await testApp.createTenant('schemas-a');
    tenantB = await testApp.createTenant('schemas-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  function createSchema(tenant: TestTenant, body: unknown) {
    return testApp.http
      .post('/api/v1/schemas')
      .set(bearer(tenant.keys.editor))
      .send(body as object);
  }

  /** Reads the columns of a table in a tenant's PostgreSQL schema as name -> "type null|not null". */
  async function columnsOf(tenant: TestTenant, table: string): Promise<Record<string, string>> {
    const result = await testApp.db.execute(sql`
      SELECT column_name, data_type, is_nullable FROM information_schema.columns
      WHERE table_schema = ${tenantSchemaName(tenant.id)} AND table_name = ${table}
      ORDER BY ordinal_position`);
    const rows = resultRows<{ column_name: string; data_type: string; is_nullable: string }>(
      result,
    );
    return Object.fromEntries(
      rows.map((row) => [
        row.column_name,
        `${row.data_type} ${row.is_nullable === 'YES' ? 'null' : 'not null'}`,
      ]),
    );
  }

  it('creates the schema and its table with cleaned, quoted column names', async () => {
    const response = await createSchema(tenantA, buildSchema());
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      key: 'customers',
      entityType: 'customer',
      tableName: 'ds_customers',
      primaryKeyField: 'customer_id',
      lastLoadedAt: null,
      fields: [
        { name: 'customer_id', type: 'text', nullable: false },
        { name: 'default', type: 'integer', nullable: true },
        { name: 'select', type: 'boolean', nullable: false },
        { name: 'user', type: 'json', nullable: true },
      ],
    });
    expect(await columnsOf(tenantA, 'ds_customers')).toEqual({
      customer_id: 'text not null',
      default: 'bigint null',
      select: 'boolean not null',
      user: 'jsonb null',
    });
  });

  it('maps every field type to its PostgreSQL type', async () => {
    const fields = ['text', 'integer', 'decimal', 'boolean', 'date', 'timestamp', 'json'].map(
      (type) => ({
        name: `f_${type}`,
        type,
      }),
    );
    await createSchema(
      tenantA,
      buildSchema({ key: 'all.types', fields, primaryKeyField: 'f_text' }),
    ).expect(201);
    expect(await columnsOf(tenantA, 'ds_all_types')).toEqual({
      f_text: 'text not null',
      f_integer: 'bigint null',
      f_decimal: 'numeric null',
      f_boolean: 'boolean null',
      f_date: 'date null',
      f_timestamp: 'timestamp with time zone null',
      f_json: 'jsonb null',
    });
  });

  it('answers 400 for two fields cleaning to the same name, naming the field', async () => {
    const response = await createSchema(
      tenantA,
      buildSchema({
        key: 'clash',
        fields: [
          { name: 'id', type: 'text' },
          { name: 'First Name', type: 'text' },
          { name: 'first-name', type: 'text' },
        ],
        primaryKeyField: 'id',
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details[0]).toMatchObject({
      field: 'fields.2.name',
      value: 'first-name',
    });
    expect(response.body.error.details[0].reason).toContain('cleans to first_name');
    expect(await columnsOf(tenantA, 'ds_clash')).toEqual({});
  });

  it('answers 400 naming the field for bad definitions', async () => {
    const badType = await createSchema(
      tenantA,
      buildSchema({ key: 'bad1', fields: [{ name: 'id', type: 'uuid' }] }),
    );
    expect(badType.status).toBe(400);
    expect(badType.body.error.details[0].field).toBe('fields.0.type');
    const badKey = await createSchema(
      tenantA,
      buildSchema({ key: 'bad2', primaryKeyField: 'nope' }),
    );
    expect(badKey.body.error.details[0].field).toBe('primaryKeyField');
    const jsonKey = await createSchema(
      tenantA,
      buildSchema({ key: 'bad3', fields: [{ name: 'id', type: 'json' }], primaryKeyField: 'id' }),
    );
    expect(jsonKey.body.error.message).toContain(
      'primaryKeyField must be a field of type text, integer, date, timestamp',
    );
    const longKey = await createSchema(tenantA, buildSchema({ key: 'k'.repeat(61) }));
    expect(longKey.status).toBe(400);
    expect(longKey.body.error.message).toContain('key must be at most 60 characters');
    const unknown = await createSchema(
      tenantA,
      buildSchema({ key: 'bad4', fields: [{ name: 'id', type: 'text', pk: true }] }),
    );
    expect(unknown.body.error.details[0]).toMatchObject({
      field: 'fields.0.pk',
      reason: 'is not a known field',
    });
  });

  it('rejects taken keys and tables', async () => {
    await createSchema(tenantA, buildSchema({ key: 'crm.people' })).expect(201);
    const taken = await createSchema(tenantA, buildSchema({ key: 'crm.people' }));
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('Schema key crm.people already exists');
    const sameTable = await createSchema(tenantA, buildSchema({ key: 'crm-people' }));
    expect(sameTable.status).toBe(409);
    expect(sameTable.body.error.message).toBe(
      'Schema key crm-people cleans to table name ds_crm_people, which schema crm.people already owns',
    );
  });

  it('renames a schema and adds nullable fields to its table', async () => {
    const created = await createSchema(tenantA, buildSchema({ key: 'grow' })).expect(201);
    const fields = [...created.body.fields, { name: 'Order', type: 'decimal' }];
    const response = await testApp.http
      .patch(`/api/v1/schemas/${created.body.id}`)
      .set(bearer(tenantA.keys.editor))
      .send({ name: 'Growing', fields });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('Growing');
    expect((response.body.fields as unknown[]).at(-1)).toEqual({
      name: 'order',
      type: 'decimal',
      nullable: true,
    });
    expect((await columnsOf(tenantA, 'ds_grow')).order).toBe('numeric null');

    const annotations = await testApp.http
      .get('/api/v1/annotations?kind=catalog_change&limit=200')
      .set(bearer(tenantA.keys.viewer));
    const titles = (annotations.body.data as { title: string }[]).map((row) => row.title);
    expect(titles).toContain('Schema grow created');
    expect(titles).toContain('Schema grow updated: name, fields');
  });

  it('rejects removing or retyping fields', async () => {
    const created = await createSchema(tenantA, buildSchema({ key: 'fixed' })).expect(201);
    const editor = bearer(tenantA.keys.editor);
    const [id, ...rest] = created.body.fields as { name: string; type: string }[];
    const removed = await testApp.http
      .patch(`/api/v1/schemas/${created.body.id}`)
      .set(editor)
      .send({ fields: [id] });
    expect(removed.status).toBe(422);
    expect(removed.body.error.message).toContain('field default cannot be removed');

    const retyped = await testApp.http
      .patch(`/api/v1/schemas/${created.body.id}`)
      .set(editor)
      .send({ fields: [id, { ...rest[0], type: 'text' }, ...rest.slice(1)] });
    expect(retyped.status).toBe(422);
    expect(retyped.body.error.message).toContain('cannot change type from integer to text');

    const required = await testApp.http
      .patch(`/api/v1/schemas/${created.body.id}`)
      .set(editor)
      .send({
        fields: [...created.body.fields, { name: 'score', type: 'integer', nullable: false }],
      });
    expect(required.status).toBe(422);

    const rekey = await testApp.http
      .patch(`/api/v1/schemas/${created.body.id}`)
      .set(editor)
      .send({ key: 'moved' });
    expect(rekey.status).toBe(422);

    expect(await columnsOf(tenantA, 'ds_fixed')).toEqual({
      customer_id: 'text not null',
      default: 'bigint null',
      select: 'boolean not null',
      user: 'jsonb null',
    });
  });

  it('deletes a schema and drops its table', async () => {
    const created = await createSchema(tenantA, buildSchema({ key: 'temporary' })).expect(201);
    await testApp.http
      .delete(`/api/v1/schemas/${created.body.id}`)
      .set(bearer(tenantA.keys.editor))
      .expect(204);
    expect(await columnsOf(tenantA, 'ds_temporary')).toEqual({});
    const annotations = await testApp.http
      .get('/api/v1/annotations?kind=catalog_change&limit=200')
      .set(bearer(tenantA.keys.viewer));
    const titles = (annotations.body.data as { title: string }[]).map((row) => row.title);
    expect(titles).toContain('Schema temporary deleted');
    await testApp.http
      .get(`/api/v1/schemas/${created.body.id}`)
      .set(bearer(tenantA.keys.viewer))
      .expect(404);
  });

  it('answers 409 when deleting a schema that a segment uses', async () => {
    const created = await createSchema(tenantA, buildSchema({ key: 'segmented' })).expect(201);
    await testApp.db.execute(sql`
      INSERT INTO segments (tenant_id, key, name, base_schema_id, conditions)
      VALUES (${tenantA.id}, 'vip', 'VIP', ${created.body.id}, '[]'::jsonb)`);
    const response = await testApp.http
      .delete(`/api/v1/schemas/${created.body.id}`)
      .set(bearer(tenantA.keys.editor));
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain('Schema segmented is used by 1 segment');
    expect(Object.keys(await columnsOf(tenantA, 'ds_segmented'))).toHaveLength(4);
  });

  it('lists schemas filtered by entity type', async () => {
    await createSchema(tenantA, buildSchema({ key: 'accounts', entityType: 'account' })).expect(
      201,
    );
    const response = await testApp.http
      .get('/api/v1/schemas?entityType=account')
      .set(bearer(tenantA.keys.viewer))
      .expect(200);
    expect((response.body.data as { key: string }[]).map((row) => row.key)).toEqual(['accounts']);
  });

  describe('tenant isolation', () => {
    let schemaOfB: string;

    beforeAll(async () => {
      const created = await createSchema(tenantB, buildSchema({ key: 'b_people' })).expect(201);
      schemaOfB = created.body.id;
    });

    it('answers 404 to tenant A for tenant B ids on every id route', async () => {
      const editor = bearer(tenantA.keys.editor);
      await testApp.http.get(`/api/v1/schemas/${schemaOfB}`).set(editor).expect(404);
      await testApp.http
        .patch(`/api/v1/schemas/${schemaOfB}`)
        .set(editor)
        .send({ name: 'x' })
        .expect(404);
      await testApp.http.delete(`/api/v1/schemas/${schemaOfB}`).set(editor).expect(404);
      expect(Object.keys(await columnsOf(tenantB, 'ds_b_people'))).toHaveLength(4);
    });

    it('hides tenant B schemas from A', async () => {
      const list = await testApp.http
        .get('/api/v1/schemas?limit=200')
        .set(bearer(tenantA.keys.viewer))
        .expect(200);
      expect((list.body.data as { id: string }[]).map((row) => row.id)).not.toContain(schemaOfB);
      await createSchema(tenantB, buildSchema({ key: 'customers' })).expect(201);
      expect(Object.keys(await columnsOf(tenantB, 'ds_customers'))).toHaveLength(4);
      expect(Object.keys(await columnsOf(tenantA, 'ds_b_people'))).toHaveLength(0);
    });
  });
});
