import type { Pool } from 'pg';
import { FixedClock } from '../core/clock.js';
import { PartitionService } from '../database/partitions.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import {
  createCustomerSchema,
  insertCustomers,
  insertInteractions,
  type SqlRunner,
  openTestPool,
  listenToAppPoolErrors,
} from './testing/fixtures.js';
import { ALL_EVENTS, CURRENT_EVENTS, CUSTOMERS, NOW } from './testing/golden-fixture.js';

// Each suite boots the app on its own database; a busy machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

interface Item {
  id: string;
  occurredAt: string;
  customerId: string;
}

/** Parses CRLF-separated CSV records; good enough for the quoted cells these tests write. */
function csvRecords(text: string): string[] {
  return text.split('\r\n').filter((line) => line.length > 0);
}

/** Returns the `data` rows of a response body, typed for the assertions. */
function dataOf<T>(body: unknown): T[] {
  return (body as { data: T[] }).data;
}

describe('GET /api/v1/interactions', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let other: TestTenant;
  let pool: Pool;
  let run: SqlRunner;

  beforeAll(async () => {
    testApp = await createTestApp({ clock: new FixedClock(NOW) });
    listenToAppPoolErrors(testApp.db);
    pool = openTestPool(testApp.databaseUrl);
    run = (text, params) => pool.query(text, params);
    tenant = await testApp.createTenant('drill-a');
    other = await testApp.createTenant('drill-b');
    await testApp.app
      .get(PartitionService)
      .ensureDays('interactions', [
        ...ALL_EVENTS.map((event) => event.at.slice(0, 10)),
        '2026-10-02',
      ]);
    await insertInteractions(run, tenant.id, ALL_EVENTS);
    await insertInteractions(run, other.id, [
      {
        at: '2026-12-01T10:00:00Z',
        kind: 'impression',
        customerId: 'b-only',
        offerKey: 'gold-card',
        channelKey: 'email',
      },
    ]);
  });

  afterAll(async () => {
    await pool.end();
    await testApp.close();
  });

  async function list(query: string, key = tenant.keys.viewer) {
    return testApp.http.get(`/api/v1/interactions?${query}`).set(bearer(key));
  }

  it('lists the window newest first with the total', async () => {
    const response = await list('days=7&limit=3');
    expect(response.status).toBe(200);
    expect(response.body.page.total).toBe(CURRENT_EVENTS.length);
    expect(response.body.page.limit).toBe(3);
    expect(dataOf<Item>(response.body).map((item) => item.occurredAt)).toEqual([
      '2026-12-04T14:00:00.000Z',
      '2026-12-03T08:00:00.000Z',
      '2026-12-02T08:03:00.000Z',
    ]);
    expect(response.body.data[0]).toEqual(
      expect.objectContaining({
        kind: 'impression',
        customerId: 'c2',
        offerKey: 'gold-card',
        channelKey: 'email',
      }),
    );
  });

  it('pages through every row once with the cursor', async () => {
    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `days=7&limit=6&cursor=${cursor}` : 'days=7&limit=6';
      const response = await list(query);
      expect(response.status).toBe(200);
      seen.push(...response.body.data);
      cursor = response.body.page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(CURRENT_EVENTS.length);
    expect(new Set(seen.map((item) => item.id)).size).toBe(CURRENT_EVENTS.length);
    const times = seen.map((item) => item.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it.each([
    ['offerKey=gold-card&kind=impression', 3],
    ['channelKey=push', 8],
    ['outcome=conversion', 3],
    ['conversion=true', 3],
    ['classification=positive', 4],
    ['classification=negative', 1],
    ['customerId=c4', 5],
    ['kind=recommendation', 4],
  ])('filters by %s', async (filter, expected) => {
    const response = await list(`days=7&limit=200&${filter}`);
    expect(response.status).toBe(200);
    expect(response.body.page.total).toBe(expected);
    expect(response.body.data).toHaveLength(expected);
  });

  it('filters by segment', async () => {
    const schemaId = await createCustomerSchema(run, tenant.id);
    await insertCustomers(run, tenant.id, CUSTOMERS);
    const created = await testApp.http
      .post('/api/v1/segments')
      .set(bearer(tenant.keys.editor))
      .send({
        key: 'germany',
        name: 'DE',
        baseSchemaId: schemaId,
        status: 'active',
        conditions: [{ field: 'country', operator: '=', value: 'DE' }],
      });
    const response = await list(`days=7&limit=200&segmentId=${created.body.id}`);
    // c1: E1-E4, E12-E14; c3: E8-E11.
    expect(response.body.page.total).toBe(11);
    expect(new Set(dataOf<Item>(response.body).map((item) => item.customerId))).toEqual(
      new Set(['c1', 'c3']),
    );
    const unknown = await list('days=7&segmentId=7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({
      data: [],
      page: { limit: 50, nextCursor: null, total: 0 },
      warning: 'unknown segmentId',
    });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['kind=click', 'kind'],
    ['format=xml', 'format'],
    ['segmentId=1%27%20OR%20%271%27%3D%271', 'segmentId'],
    ['days=400', 'days'],
  ])('answers 400 to %s', async (query, field) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe(field);
  });

  it('treats attack strings in filters as values', async () => {
    const before = await run('SELECT count(*)::int AS total FROM interactions');
    for (const attack of ["'; DROP TABLE interactions; --", "x' OR '1'='1", '\\', '東京']) {
      const response = await list(
        `days=7&offerKey=${encodeURIComponent(attack)}&customerId=${encodeURIComponent(attack)}`,
      );
      expect(response.status).toBe(200);
      expect(response.body.page.total).toBe(0);
    }
    const after = await run('SELECT count(*)::int AS total FROM interactions');
    expect(after.rows[0].total).toBe(before.rows[0].total);
  });

  describe('CSV', () => {
    it('downloads every row with BOM, CRLF and formula guard', async () => {
      const csvTenant = await testApp.createTenant('drill-csv');
      await insertInteractions(run, csvTenant.id, [
        {
          at: '2026-10-02T10:00:00Z',
          kind: 'response',
          outcome: 'conversion',
          value: -5,
          customerId: '=1+1',
          offerKey: 'o,1',
          channelKey: 'say "hi"',
        },
      ]);
      await run(
        `INSERT INTO interactions (tenant_id, occurred_at, kind, customer_id, offer_key, channel_key)
         SELECT $1, '2026-10-03T00:00:00Z'::timestamptz + n * interval '1 second', 'impression', 'bulk-' || n, 'bulk', 'email'
         FROM generate_series(1, 2500) AS n`,
        [csvTenant.id],
      );

      const response = await testApp.http
        .get('/api/v1/interactions?from=2026-10-01&to=2026-10-08&format=csv')
        .set(bearer(csvTenant.keys.viewer))
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="interactions_2026-10-01_2026-10-08.csv"',
      );

      const bytes = response.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      expect(text.endsWith('\r\n')).toBe(true);

      const records = csvRecords(text);
      expect(records[0]).toBe(
        'occurredAt,id,kind,customerId,offerKey,channelKey,creativeKey,outcomeKey,direction,conversionValue,recommendationId,rank,modelKey,score,context',
      );
      // 2,500 bulk rows need three pages of the streamed export.
      expect(records).toHaveLength(1 + 2500 + 1);
      expect(records[1]).toMatch(
        /^2026-10-03T00:41:40\.000Z,[0-9a-f-]{36},impression,bulk-2500,bulk,email,/,
      );
      const last = records[records.length - 1];
      expect(last).toMatch(
        /^2026-10-02T10:00:00\.000Z,[0-9a-f-]{36},response,'=1\+1,"o,1","say ""hi""",,conversion,outbound,-5,,,,,$/,
      );
      expect(new Set(records.slice(1).map((record) => record.split(',')[1])).size).toBe(2501);
    });

    it('answers errors as JSON before streaming', async () => {
      const response = await list('format=csv&days=999');
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe('days');
    });
  });

  describe('tenant isolation', () => {
    it("never lists another tenant's rows", async () => {
      const a = await list('days=7&limit=200&customerId=b-only');
      expect(a.body.page.total).toBe(0);
      const b = await list('days=7&limit=200', other.keys.viewer);
      expect(b.body.page.total).toBe(1);
      expect(b.body.data[0].customerId).toBe('b-only');
    });

    it("ignores another tenant's cursor position", async () => {
      const a = await list('days=7&limit=1');
      const b = await list(`days=7&limit=200&cursor=${a.body.page.nextCursor}`, other.keys.viewer);
      expect(b.status).toBe(200);
      expect(dataOf<Item>(b.body).map((item) => item.customerId)).toEqual(['b-only']);
    });
  });
});
