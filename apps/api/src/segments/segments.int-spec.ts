import type { Pool } from 'pg';
import { FixedClock } from '../core/clock.js';
import { SchedulingService } from '../scheduling/index.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { SegmentRefreshService } from './segment-refresh.service.js';
import {
  createCustomerSchema,
  insertCustomers,
  type SqlRunner,
  tenantSchema,
  type TestCustomer,
  openTestPool,
  listenToAppPoolErrors,
} from './testing/customer-table.js';

// Each suite boots the app on its own database; a busy machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

const NOW = new Date('2026-12-04T15:00:00Z');

const CUSTOMERS: TestCustomer[] = [
  {
    customerId: 'c1',
    country: 'DE',
    age: 40,
    lifetimeValue: 1500.5,
    vip: true,
    signupDate: '2024-01-10',
    lastSeen: '2026-12-01T10:00:00Z',
    prefs: { newsletter: true, tags: ['a', 'b'] },
    tier: 'gold',
  },
  {
    customerId: 'c2',
    country: 'FR',
    age: 25,
    lifetimeValue: 200,
    vip: false,
    signupDate: '2025-06-01',
    lastSeen: '2026-11-20T08:00:00Z',
    prefs: { newsletter: false },
    tier: 'silver',
  },
  { customerId: 'c3', country: 'DE', age: 31, lifetimeValue: 99.99, signupDate: '2026-01-15' },
  {
    customerId: 'c4',
    country: 'US',
    vip: true,
    lastSeen: '2026-12-03T23:00:00+02:00',
    prefs: { tags: ['b'] },
    tier: 'gold',
  },
  {
    customerId: 'c5',
    country: "x' OR '1'='1",
    age: 22,
    lifetimeValue: 0,
    vip: false,
    signupDate: '2023-05-05',
  },
  {
    customerId: 'c6',
    country: 'Zoë \\ 東京 "q"',
    age: 65,
    lifetimeValue: -10.5,
    vip: false,
    signupDate: '2022-02-02',
  },
];

/** Each condition set with the customers it must select, worked out by hand from CUSTOMERS. */
const OPERATOR_CASES: [string, unknown[], string[]][] = [
  ['text =', [{ field: 'country', operator: '=', value: 'DE' }], ['c1', 'c3']],
  ['text !=', [{ field: 'country', operator: '!=', value: 'DE' }], ['c2', 'c4', 'c5', 'c6']],
  ['integer >', [{ field: 'age', operator: '>', value: 30 }], ['c1', 'c3', 'c6']],
  ['integer >=', [{ field: 'age', operator: '>=', value: 31 }], ['c1', 'c3', 'c6']],
  ['integer <', [{ field: 'age', operator: '<', value: 25 }], ['c5']],
  ['integer <=', [{ field: 'age', operator: '<=', value: 25 }], ['c2', 'c5']],
  ['text in', [{ field: 'country', operator: 'in', value: ['DE', 'US'] }], ['c1', 'c3', 'c4']],
  [
    'text not_in',
    [{ field: 'country', operator: 'not_in', value: ['DE', 'US'] }],
    ['c2', 'c5', 'c6'],
  ],
  [
    'integer not_in keeps nulls',
    [{ field: 'age', operator: 'not_in', value: [25, 40] }],
    ['c3', 'c4', 'c5', 'c6'],
  ],
  [
    'contains on a keyword column',
    [{ field: 'default', operator: 'contains', value: 'old' }],
    ['c1', 'c4'],
  ],
  ['is_null', [{ field: 'vip', operator: 'is_null' }], ['c3']],
  ['is_not_null', [{ field: 'vip', operator: 'is_not_null' }], ['c1', 'c2', 'c4', 'c5', 'c6']],
  ['boolean =', [{ field: 'vip', operator: '=', value: true }], ['c1', 'c4']],
  [
    'boolean != keeps nulls',
    [{ field: 'vip', operator: '!=', value: true }],
    ['c2', 'c3', 'c5', 'c6'],
  ],
  ['decimal >', [{ field: 'lifetime_value', operator: '>', value: 100 }], ['c1', 'c2']],
  ['decimal < 0', [{ field: 'lifetime_value', operator: '<', value: 0 }], ['c6']],
  ['date >=', [{ field: 'signup_date', operator: '>=', value: '2025-01-01' }], ['c2', 'c3']],
  [
    'timestamp >',
    [{ field: 'last_seen', operator: '>', value: '2026-12-01T00:00:00Z' }],
    ['c1', 'c4'],
  ],
  [
    'timestamp < with offset',
    [{ field: 'last_seen', operator: '<', value: '2026-12-03T22:00:00+01:00' }],
    ['c1', 'c2'],
  ],
  [
    'json contains',
    [{ field: 'prefs', operator: 'contains', value: { tags: ['b'] } }],
    ['c1', 'c4'],
  ],
  ['json is_null', [{ field: 'prefs', operator: 'is_null' }], ['c3', 'c5', 'c6']],
  [
    'conditions combine with AND',
    [
      { field: 'country', operator: '=', value: 'DE' },
      { field: 'age', operator: '>', value: 35 },
    ],
    ['c1'],
  ],
  ['no conditions', [], ['c1', 'c2', 'c3', 'c4', 'c5', 'c6']],
  [
    'quote attack is a literal',
    [{ field: 'country', operator: '=', value: "x' OR '1'='1" }],
    ['c5'],
  ],
  [
    'statement attack is a literal',
    [{ field: 'country', operator: '=', value: "'; DROP TABLE interactions; --" }],
    [],
  ],
  [
    'backslash and unicode literal',
    [{ field: 'country', operator: '=', value: 'Zoë \\ 東京 "q"' }],
    ['c6'],
  ],
  [
    'attack inside in list',
    [{ field: 'country', operator: 'in', value: ["DE') OR TRUE --", 'FR'] }],
    ['c2'],
  ],
];

/** Returns the `data` rows of a response body, typed for the assertions. */
function dataOf<T>(body: unknown): T[] {
  return (body as { data: T[] }).data;
}

describe('segments API', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  let pool: Pool;
  let run: SqlRunner;
  let schemaId: string;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    listenToAppPoolErrors(testApp.db);
    pool = openTestPool(testApp.databaseUrl);
    run = (text, params) => pool.query(text, params);
    tenantA = await testApp.createTenant('seg-a');
    tenantB = await testApp.createTenant('seg-b');
    schemaId = await createCustomerSchema(run, tenantA.id);
    await insertCustomers(run, tenantA.id, CUSTOMERS);
  });

  afterAll(async () => {
    await pool.end();
    await testApp.close();
  });

  const editor = () => bearer(tenantA.keys.editor);

  async function createSegment(body: Record<string, unknown>, key = tenantA.keys.editor) {
    return testApp.http
      .post('/api/v1/segments')
      .set(bearer(key))
      .send({ baseSchemaId: schemaId, name: 'Segment', ...body });
  }

  async function viewCustomers(segmentId: string): Promise<string[]> {
    const view = `"${tenantSchema(tenantA.id)}"."seg_${segmentId.replaceAll('-', '').slice(0, 12)}"`;
    const result = await run(`SELECT customer_id FROM ${view} ORDER BY customer_id`);
    return result.rows.map((row) => String(row.customer_id));
  }

  async function relationsLike(pattern: string): Promise<string[]> {
    const result = await run(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relname LIKE $2 ORDER BY c.relname`,
      [tenantSchema(tenantA.id), pattern],
    );
    return result.rows.map((row) => String(row.relname));
  }

  describe.each(OPERATOR_CASES)('operator case %s', (name, conditions, expected) => {
    it('selects the expected customers', async () => {
      const key = `op-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
      const created = await createSegment({ key, status: 'active', conditions });
      expect(created.status).toBe(201);
      expect(created.body.materialized).toBe(true);
      expect(created.body.customerCount).toBe(expected.length);
      expect(await viewCustomers(created.body.id)).toEqual(expected);
      const deleted = await testApp.http
        .delete(`/api/v1/segments/${created.body.id}`)
        .set(editor());
      expect(deleted.status).toBe(204);
    });
  });

  it('creates a draft without a view', async () => {
    const created = await createSegment({
      key: 'draft-one',
      conditions: [{ field: 'age', operator: '>', value: 1 }],
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect(created.body.materialized).toBe(false);
    expect(created.body.viewName).toBeNull();
    const hex = (created.body.id as string).replaceAll('-', '').slice(0, 12);
    expect(await relationsLike(`seg_${hex}%`)).toEqual([]);
  });

  it('activates, rebuilds with a swap and drops the view', async () => {
    const created = await createSegment({
      key: 'lifecycle',
      conditions: [{ field: 'country', operator: '=', value: 'DE' }],
    });
    const id = created.body.id as string;
    const hex = id.replaceAll('-', '').slice(0, 12);

    const activated = await testApp.http
      .patch(`/api/v1/segments/${id}`)
      .set(editor())
      .send({ status: 'active' });
    expect(activated.status).toBe(200);
    expect(activated.body.customerCount).toBe(2);
    expect(activated.body.viewName).toBe(`"${tenantSchema(tenantA.id)}"."seg_${hex}"`);
    expect(await relationsLike(`seg_${hex}%`)).toEqual([`seg_${hex}`, `seg_${hex}_customer_uq`]);

    const rebuilt = await testApp.http
      .patch(`/api/v1/segments/${id}`)
      .set(editor())
      .send({ conditions: [{ field: 'vip', operator: '=', value: true }] });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.customerCount).toBe(2);
    expect(await viewCustomers(id)).toEqual(['c1', 'c4']);
    expect(await relationsLike(`seg_${hex}%`)).toEqual([`seg_${hex}`, `seg_${hex}_customer_uq`]);

    const renamed = await testApp.http
      .patch(`/api/v1/segments/${id}`)
      .set(editor())
      .send({ name: 'VIPs' });
    expect(renamed.body.name).toBe('VIPs');
    expect(renamed.body.conditions).toEqual([{ field: 'vip', operator: '=', value: true }]);

    const drafted = await testApp.http
      .patch(`/api/v1/segments/${id}`)
      .set(editor())
      .send({ status: 'draft' });
    expect(drafted.body.materialized).toBe(false);
    expect(await relationsLike(`seg_${hex}%`)).toEqual([]);

    await testApp.http.patch(`/api/v1/segments/${id}`).set(editor()).send({ status: 'active' });
    expect(await relationsLike(`seg_${hex}%`)).toHaveLength(2);
    const deleted = await testApp.http.delete(`/api/v1/segments/${id}`).set(editor());
    expect(deleted.status).toBe(204);
    expect(await relationsLike(`seg_${hex}%`)).toEqual([]);
    const after = await testApp.http.get(`/api/v1/segments/${id}`).set(bearer(tenantA.keys.viewer));
    expect(after.status).toBe(404);
  });

  it('records audit events for changes', async () => {
    const created = await createSegment({ key: 'audited', status: 'active' });
    const id = created.body.id as string;
    await testApp.http.patch(`/api/v1/segments/${id}`).set(editor()).send({ name: 'Audited' });
    await testApp.http.post(`/api/v1/segments/${id}/refresh`).set(editor());
    await testApp.app.get(SegmentRefreshService).idle();
    await testApp.http.delete(`/api/v1/segments/${id}`).set(editor());
    const result = await run(
      `SELECT action, actor FROM audit_events WHERE tenant_id = $1 AND target_id = $2 ORDER BY created_at, action`,
      [tenantA.id, id],
    );
    expect(result.rows.map((row) => row.action)).toEqual([
      'segment.created',
      'segment.updated',
      'segment.refresh_requested',
      'segment.deleted',
    ]);
    expect(result.rows[0].actor).toBe('seg-a-editor');
  });

  describe('validation', () => {
    it.each([
      ['unknown field', [{ field: 'nme', operator: '=', value: 'x' }], 'conditions[0].field'],
      [
        'operator for the type',
        [{ field: 'vip', operator: '>', value: true }],
        'conditions[0].operator',
      ],
      [
        'integer given a string',
        [{ field: 'age', operator: '=', value: 'abc' }],
        'conditions[0].value',
      ],
      [
        'integer given a fraction',
        [{ field: 'age', operator: '=', value: 1.5 }],
        'conditions[0].value',
      ],
      [
        'date not a calendar day',
        [{ field: 'signup_date', operator: '=', value: '2026-02-30' }],
        'conditions[0].value',
      ],
      [
        'timestamp without offset',
        [{ field: 'last_seen', operator: '>', value: '2026-12-01T00:00:00' }],
        'conditions[0].value',
      ],
      ['empty in list', [{ field: 'country', operator: 'in', value: [] }], 'conditions[0].value'],
      [
        'value with is_null',
        [{ field: 'vip', operator: 'is_null', value: true }],
        'conditions[0].value',
      ],
      [
        'unknown operator',
        [{ field: 'age', operator: 'between', value: 1 }],
        'conditions[0].operator',
      ],
      ['condition not an object', ['age > 1'], 'conditions[0]'],
      [
        'extra property',
        [{ field: 'age', operator: '=', value: 1, sql: 'x' }],
        'conditions[0].sql',
      ],
    ])('rejects %s with 400', async (_name, conditions, field) => {
      const response = await createSegment({ key: 'invalid', status: 'active', conditions });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
      expect(response.body.error.message).toContain(field);
    });

    it('names the index of the failing condition', async () => {
      const response = await createSegment({
        key: 'invalid',
        conditions: [
          { field: 'age', operator: '=', value: 1 },
          { field: 'country', operator: '=', value: 5 },
        ],
      });
      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual([
        expect.objectContaining({ field: 'conditions[1].value', value: 5 }),
      ]);
    });

    it('rejects a schema that is not a customer schema', async () => {
      const accountSchema = await createCustomerSchema(run, tenantA.id, {
        key: 'accounts',
        entityType: 'account',
      });
      const response = await createSegment({ key: 'accounts', baseSchemaId: accountSchema });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe('baseSchemaId');
    });

    it('rejects a schema of another tenant', async () => {
      const otherSchema = await createCustomerSchema(run, tenantB.id, { key: 'b_customers' });
      const response = await createSegment({ key: 'other-schema', baseSchemaId: otherSchema });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe('baseSchemaId');
    });

    it('answers 422 when the schema table does not exist', async () => {
      const missing = await createCustomerSchema(run, tenantA.id, {
        key: 'no_table',
        createTable: false,
      });
      const response = await createSegment({
        key: 'no-table',
        baseSchemaId: missing,
        status: 'active',
      });
      expect(response.status).toBe(422);
      const listed = await testApp.http.get('/api/v1/segments?limit=200').set(editor());
      expect(dataOf<{ key: string }>(listed.body).map((segment) => segment.key)).not.toContain(
        'no-table',
      );
    });

    it('rejects a duplicate key with 409', async () => {
      await createSegment({ key: 'taken' });
      const response = await createSegment({ key: 'taken' });
      expect(response.status).toBe(409);
    });

    it('validates the refresh schedule', async () => {
      const badCron = await createSegment({ key: 'bad-cron', refreshCron: '61 * * * *' });
      expect(badCron.status).toBe(422);
      expect(badCron.body.error.details[0].field).toBe('refreshCron');
      const badZone = await createSegment({
        key: 'bad-zone',
        refreshCron: '0 3 * * *',
        refreshTimeZone: 'Mars/Base',
      });
      expect(badZone.status).toBe(422);
      expect(badZone.body.error.details[0].field).toBe('refreshTimeZone');
      const good = await createSegment({
        key: 'nightly',
        refreshCron: '0 3 * * *',
        refreshTimeZone: 'Europe/Berlin',
      });
      expect(good.status).toBe(201);
      // 03:00 in Berlin on 2026-12-05 is 02:00 UTC (CET, UTC+1).
      expect(good.body.nextRefreshAt).toBe('2026-12-05T02:00:00.000Z');
    });

    it('accepts a batch and rejects its invalid items', async () => {
      const response = await testApp.http
        .post('/api/v1/segments')
        .set(editor())
        .send([
          { key: 'batch-ok', name: 'Batch', baseSchemaId: schemaId },
          {
            key: 'batch-bad',
            name: 'Batch',
            baseSchemaId: schemaId,
            conditions: [{ field: 'zzz', operator: '=', value: 1 }],
          },
          { key: 'batch-ok', name: 'Duplicate', baseSchemaId: schemaId },
        ]);
      expect(response.status).toBe(200);
      expect(response.body.accepted).toBe(1);
      expect(response.body.rejected).toEqual([
        expect.objectContaining({ index: 1, field: 'conditions[0].field' }),
        expect.objectContaining({ index: 2, field: 'key' }),
      ]);
    });
  });

  describe('SQL injection', () => {
    async function snapshot() {
      const relations = await run(
        `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1`,
      );
      const counts = await run(
        `SELECT (SELECT count(*) FROM interactions) AS interactions, (SELECT count(*) FROM segments) AS segments,
           (SELECT count(*) FROM schemas) AS schemas, (SELECT count(*) FROM tenants) AS tenants,
           (SELECT count(*) FROM "${tenantSchema(tenantA.id)}"."ds_customers") AS customers`,
      );
      return { relations: relations.rows.map((row) => row.name), counts: counts.rows[0] };
    }

    const attacks = [
      "'; DROP TABLE interactions; --",
      "x' OR '1'='1",
      'country"; DROP TABLE segments; --',
      "\\'; SELECT pg_sleep(1); --",
      'ünï©ødé 🚀',
      '%I %L %s',
      'a'.repeat(5000),
    ];

    it('rejects attacks in field names and operators and keeps the database unchanged', async () => {
      const before = await snapshot();
      for (const attack of attacks) {
        const byField = await createSegment({
          key: 'attack',
          status: 'active',
          conditions: [{ field: attack, operator: '=', value: 'x' }],
        });
        expect(byField.status).toBe(400);
        expect(byField.body.error.details[0].field).toBe('conditions[0].field');
        const byOperator = await createSegment({
          key: 'attack',
          status: 'active',
          conditions: [{ field: 'country', operator: attack, value: 'x' }],
        });
        expect(byOperator.status).toBe(400);
        expect(byOperator.body.error.details[0].field).toBe('conditions[0].operator');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('treats attack values as literals and keeps the database unchanged', async () => {
      const before = await snapshot();
      for (const [index, attack] of attacks.entries()) {
        const response = await createSegment({
          key: `value-attack-${index}`,
          status: 'active',
          conditions: [{ field: 'default', operator: 'contains', value: attack }],
        });
        if (attack.length > 1000) {
          expect(response.status).toBe(400);
          expect(response.body.error.details[0].field).toBe('conditions[0].value');
          continue;
        }
        expect(response.status).toBe(201);
        expect(response.body.customerCount).toBe(0);
        expect(response.body.conditions[0].value).toBe(attack);
        await testApp.http.delete(`/api/v1/segments/${response.body.id}`).set(editor());
      }
      expect(await snapshot()).toEqual(before);
    });

    it('rejects malformed ids on every route', async () => {
      for (const id of ["1' OR '1'='1", 'not-a-uuid']) {
        const path = `/api/v1/segments/${encodeURIComponent(id)}`;
        expect((await testApp.http.get(path).set(editor())).status).toBe(400);
        expect((await testApp.http.patch(path).set(editor()).send({ name: 'x' })).status).toBe(400);
        expect((await testApp.http.delete(path).set(editor())).status).toBe(400);
        expect((await testApp.http.post(`${path}/refresh`).set(editor())).status).toBe(400);
      }
    });
  });

  describe('refresh', () => {
    it('refreshes in the background and updates the count', async () => {
      const created = await createSegment({
        key: 'refreshable',
        status: 'active',
        conditions: [{ field: 'country', operator: '=', value: 'NL' }],
      });
      expect(created.body.customerCount).toBe(0);
      await insertCustomers(run, tenantA.id, [
        { customerId: 'n1', country: 'NL' },
        { customerId: 'n2', country: 'NL' },
      ]);

      const accepted = await testApp.http
        .post(`/api/v1/segments/${created.body.id}/refresh`)
        .set(editor());
      expect(accepted.status).toBe(202);
      expect(accepted.body.refreshing).toBe(true);
      await testApp.app.get(SegmentRefreshService).idle();

      const after = await testApp.http
        .get(`/api/v1/segments/${created.body.id}`)
        .set(bearer(tenantA.keys.viewer));
      expect(after.body.refreshing).toBe(false);
      expect(after.body.customerCount).toBe(2);
      expect(after.body.lastRefreshedAt).toBe(NOW.toISOString());
      expect(after.body.lastError).toBeNull();
      expect(await viewCustomers(created.body.id)).toEqual(['n1', 'n2']);
      await run(`DELETE FROM "${tenantSchema(tenantA.id)}"."ds_customers" WHERE country = 'NL'`);
    });

    it('accepts concurrent refresh requests and ends idle', async () => {
      const created = await createSegment({
        key: 'parallel-refresh',
        status: 'active',
        conditions: [{ field: 'country', operator: '=', value: 'NO' }],
      });
      await insertCustomers(run, tenantA.id, [{ customerId: 'no1', country: 'NO' }]);

      const path = `/api/v1/segments/${created.body.id}/refresh`;
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => testApp.http.post(path).set(editor())),
      );
      expect(responses.map((response) => response.status)).toEqual([202, 202, 202, 202, 202]);
      await testApp.app.get(SegmentRefreshService).idle();

      const after = await testApp.http.get(`/api/v1/segments/${created.body.id}`).set(editor());
      expect(after.body.refreshing).toBe(false);
      expect(after.body.customerCount).toBe(1);
      expect(after.body.lastError).toBeNull();
      await run(`DELETE FROM "${tenantSchema(tenantA.id)}"."ds_customers" WHERE country = 'NO'`);
    });

    it('answers 409 for a draft', async () => {
      const created = await createSegment({ key: 'draft-refresh' });
      const response = await testApp.http
        .post(`/api/v1/segments/${created.body.id}/refresh`)
        .set(editor());
      expect(response.status).toBe(409);
    });

    it('records a failed refresh in lastError', async () => {
      const looseSchema = await createCustomerSchema(run, tenantA.id, {
        key: 'loose',
        fields: [
          { name: 'customer_id', type: 'text', nullable: false },
          { name: 'score', type: 'integer', nullable: true },
        ],
        columns: 'customer_id text PRIMARY KEY, score text',
      });
      await run(`INSERT INTO "${tenantSchema(tenantA.id)}"."ds_loose" VALUES ('l1', '5')`);
      const created = await createSegment({
        key: 'loose-scores',
        baseSchemaId: looseSchema,
        status: 'active',
        conditions: [{ field: 'score', operator: '>', value: 1 }],
      });
      expect(created.body.customerCount).toBe(1);
      await run(
        `INSERT INTO "${tenantSchema(tenantA.id)}"."ds_loose" VALUES ('l2', 'not a number')`,
      );

      await testApp.http.post(`/api/v1/segments/${created.body.id}/refresh`).set(editor());
      await testApp.app.get(SegmentRefreshService).idle();
      const after = await testApp.http.get(`/api/v1/segments/${created.body.id}`).set(editor());
      expect(after.body.refreshing).toBe(false);
      expect(after.body.lastError).toContain('invalid input syntax for type bigint');
      expect(after.body.customerCount).toBe(1);
      expect(await viewCustomers(created.body.id)).toEqual(['l1']);
    });
  });

  describe('refresh schedule', () => {
    afterEach(() => clock.set(NOW));

    it('refreshes when the scheduler tick claims an occurrence', async () => {
      const created = await createSegment({
        key: 'hourly',
        status: 'active',
        refreshCron: '0 * * * *',
        conditions: [{ field: 'country', operator: '=', value: 'SE' }],
      });
      expect(created.body.nextRefreshAt).toBe('2026-12-04T16:00:00.000Z');
      await insertCustomers(run, tenantA.id, [{ customerId: 's1', country: 'SE' }]);
      const scheduler = testApp.app.get(SchedulingService);

      const claimedTimes = async () => {
        const rows = await run(
          `SELECT scheduled_for FROM schedule_occurrences WHERE schedule_kind = 'segment_refresh' AND schedule_id = $1`,
          [created.body.id],
        );
        return rows.rows.map((row) => (row.scheduled_for as Date).toISOString());
      };

      await scheduler.tick({ trigger: 'tick', now: new Date('2026-12-04T15:59:00Z') });
      expect(await claimedTimes()).toEqual([]);
      clock.set(new Date('2026-12-04T16:00:30Z'));
      await scheduler.tick({ trigger: 'tick', now: new Date('2026-12-04T16:00:30Z') });
      await testApp.app.get(SegmentRefreshService).idle();

      const after = await testApp.http.get(`/api/v1/segments/${created.body.id}`).set(editor());
      expect(after.body.customerCount).toBe(1);
      expect(after.body.lastRefreshedAt).toBe('2026-12-04T16:00:30.000Z');
      expect(after.body.nextRefreshAt).toBe('2026-12-04T17:00:00.000Z');
      expect(await claimedTimes()).toEqual(['2026-12-04T16:00:00.000Z']);
      await scheduler.tick({ trigger: 'tick', now: new Date('2026-12-04T16:10:00Z') });
      expect(await claimedTimes()).toEqual(['2026-12-04T16:00:00.000Z']);
      await run(`DELETE FROM "${tenantSchema(tenantA.id)}"."ds_customers" WHERE country = 'SE'`);
    });
  });

  describe('tenant isolation', () => {
    it("answers 404 to tenant B for tenant A's segment on every route", async () => {
      const created = await createSegment({ key: 'a-only', status: 'active' });
      const id = created.body.id as string;
      const b = bearer(tenantB.keys.editor);
      expect((await testApp.http.get(`/api/v1/segments/${id}`).set(b)).status).toBe(404);
      expect(
        (await testApp.http.patch(`/api/v1/segments/${id}`).set(b).send({ name: 'x' })).status,
      ).toBe(404);
      expect((await testApp.http.post(`/api/v1/segments/${id}/refresh`).set(b)).status).toBe(404);
      expect((await testApp.http.delete(`/api/v1/segments/${id}`).set(b)).status).toBe(404);
      const still = await testApp.http.get(`/api/v1/segments/${id}`).set(editor());
      expect(still.status).toBe(200);
      expect(still.body.name).toBe('Segment');
    });

    it("never lists another tenant's segments", async () => {
      const listB = await testApp.http
        .get('/api/v1/segments?limit=200')
        .set(bearer(tenantB.keys.viewer));
      expect(listB.status).toBe(200);
      expect(listB.body.data).toEqual([]);
      expect(listB.body.page.total).toBe(0);
      const listA = await testApp.http
        .get('/api/v1/segments?limit=200')
        .set(bearer(tenantA.keys.viewer));
      expect(listA.body.page.total).toBeGreaterThan(0);
    });
  });

  it('pages the list by key', async () => {
    const all = await testApp.http.get('/api/v1/segments?limit=200').set(editor());
    const keys = dataOf<{ key: string }>(all.body).map((segment) => segment.key);
    expect(keys).toEqual([...keys].sort());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await testApp.http.get(`/api/v1/segments${query}`).set(editor());
      seen.push(...dataOf<{ key: string }>(page.body).map((segment) => segment.key));
      cursor = page.body.page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(keys);
    const drafts = await testApp.http.get('/api/v1/segments?status=draft&limit=200').set(editor());
    expect(
      dataOf<{ status: string }>(drafts.body).every((segment) => segment.status === 'draft'),
    ).toBe(true);
  });
});
