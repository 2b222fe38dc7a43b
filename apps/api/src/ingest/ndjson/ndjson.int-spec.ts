import { sql } from 'drizzle-orm';

import { FixedClock } from '../../core/clock.js';
import { resultRows } from '../../database/mapper.js';
import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';
import { OutboxWorker } from '../outbox/outbox-worker.service.js';
import { CHUNK_LINES, MAX_LINE_BYTES, MAX_LISTED_REJECTIONS } from './ndjson-import.service.js';

jest.setTimeout(120_000);

const NOW = new Date('2026-12-04T12:00:00Z');

describe('POST /api/v1/ingest (NDJSON)', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('ndjson-a');
    tenantB = await testApp.createTenant('ndjson-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  const importLines = (tenant: TestTenant, body: string, contentType = 'application/x-ndjson') =>
    testApp.http
      .post('/api/v1/ingest')
      .set(bearer(tenant.keys.ingest))
      .set('Content-Type', contentType)
      .send(body);

  const interaction = (customerId: string, extra: object = {}) =>
    JSON.stringify({
      type: 'interaction',
      data: { kind: 'impression', customerId, offerKey: 'card', channelKey: 'email', ...extra },
    });

  async function count(tenant: TestTenant, customerPrefix: string): Promise<number> {
    const result = await testApp.db.execute(sql`
      SELECT count(*)::int AS total FROM interactions
      WHERE tenant_id = ${tenant.id} AND customer_id LIKE ${`${customerPrefix}%`}`);
    return resultRows<{ total: number }>(result)[0].total;
  }

  it('records valid lines and rejects invalid ones with their line numbers', async () => {
    const body = [
      interaction('mixed-1'),
      '{"type": "interaction", "data": {"kind": "impression"',
      '',
      interaction('mixed-2', { outcome: 'clicked' }),
      JSON.stringify({ type: 'telepathy', data: {} }),
      JSON.stringify({ type: 'interaction', data: [] }),
      interaction('mixed-3', { score: 2 }),
      interaction('mixed-4'),
    ].join('\n');

    const response = await importLines(tenantA, `${body}\n`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      accepted: 2,
      rejectedCount: 5,
      rejectedTruncated: false,
      lines: 7,
    });
    const rejected = (
      response.body.rejected as { line: number; field: string; reason: string }[]
    ).map((rejection) => [rejection.line, rejection.field, rejection.reason]);
    expect(rejected).toEqual([
      [2, 'line', expect.stringMatching(/^is not valid JSON: /)],
      [4, 'data.outcome', 'unknown outcome type'],
      [5, 'type', 'type telepathy is not supported'],
      [6, 'data', 'must be a JSON object: the body of a single item of that type'],
      [7, 'data.score', 'must be a number from 0 to 1'],
    ]);
    expect(await count(tenantA, 'mixed-')).toBe(2);
  });

  it('answers 415 naming the expected type for other content types', async () => {
    const response = await importLines(tenantA, interaction('json-1'), 'application/json');

    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
    expect(response.body.error.message).toContain('application/x-ndjson');
  });

  it('accepts a charset parameter on the content type', async () => {
    const response = await importLines(
      tenantA,
      interaction('charset-1'),
      'application/x-ndjson; charset=utf-8',
    );

    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(1);
  });

  it('answers 400 when no line is valid or the body is empty', async () => {
    const invalid = await importLines(tenantA, 'nope\n{"type":"interaction","data":{}}\n');
    const empty = await importLines(tenantA, '\n\n');

    expect(invalid.status).toBe(400);
    expect((invalid.body.error.details as { line: number }[]).map((detail) => detail.line)).toEqual(
      expect.arrayContaining([1, 2]),
    );
    expect(empty.status).toBe(400);
  });

  it('rejects a line over the size limit and reads on', async () => {
    const long = interaction('long-1', { context: { blob: 'x'.repeat(MAX_LINE_BYTES) } });
    const response = await importLines(
      tenantA,
      [interaction('long-0'), long, interaction('long-2')].join('\n'),
    );

    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(2);
    expect(response.body.rejected).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'line',
        reason: expect.stringContaining(`at most ${MAX_LINE_BYTES} bytes`),
      }),
    ]);
  });

  it('resolves respond lines against recommendations earlier in the same import', async () => {
    const lines: string[] = [];
    for (let index = 0; index < CHUNK_LINES + 200; index++) {
      lines.push(
        JSON.stringify({
          type: 'respond',
          data: {
            customerId: `chunked-${index}`,
            recommendationId: `rec-${index}`,
            outcome: 'click',
            idempotencyKey: `k-${index}`,
          },
        }),
      );
      lines.push(
        interaction(`chunked-${index}`, {
          kind: 'recommendation',
          recommendationId: `rec-${index}`,
          rank: 1,
        }),
      );
    }

    const response = await importLines(tenantA, lines.join('\n'));
    await testApp.app.get(OutboxWorker).drain();

    expect(response.body).toMatchObject({ accepted: lines.length, rejectedCount: 0 });
    const responses = await testApp.db.execute(sql`
      SELECT count(*)::int AS total FROM interactions
      WHERE tenant_id = ${tenantA.id} AND kind = 'response' AND customer_id LIKE 'chunked-%'`);
    expect(resultRows<{ total: number }>(responses)[0].total).toBe(CHUNK_LINES + 200);
  });

  it('is safe to run twice with idempotency keys', async () => {
    const body = [1, 2, 3]
      .map((index) => interaction(`twice-${index}`, { idempotencyKey: `twice-${index}` }))
      .join('\n');

    const first = await importLines(tenantA, body);
    const second = await importLines(tenantA, body);

    expect(first.body.accepted).toBe(3);
    expect(second.body.accepted).toBe(3);
    expect(await count(tenantA, 'twice-')).toBe(3);
  });

  it('caps the rejection list and counts the rest', async () => {
    const bad = Array.from({ length: MAX_LISTED_REJECTIONS + 50 }, () => 'not json');
    const response = await importLines(tenantA, [...bad, interaction('cap-1')].join('\n'));

    expect(response.status).toBe(200);
    expect(response.body.rejected).toHaveLength(MAX_LISTED_REJECTIONS);
    expect(response.body.rejected[0].line).toBe(1);
    expect(response.body).toMatchObject({
      accepted: 1,
      rejectedCount: MAX_LISTED_REJECTIONS + 50,
      rejectedTruncated: true,
    });
  });

  it("writes only to the caller's tenant and never resolves another tenant's recommendations", async () => {
    await importLines(
      tenantB,
      interaction('b-only', { kind: 'recommendation', recommendationId: 'rec-b', rank: 1 }),
    );
    const response = await importLines(
      tenantA,
      JSON.stringify({
        type: 'respond',
        data: {
          customerId: 'b-only',
          recommendationId: 'rec-b',
          outcome: 'click',
          idempotencyKey: 'cross',
        },
      }),
    );

    expect(response.status).toBe(400);
    expect(response.body.error.details[0]).toMatchObject({
      line: 1,
      field: 'data.recommendationId',
      reason: 'unknown recommendationId',
    });
    expect(await count(tenantA, 'b-only')).toBe(0);
    expect(await count(tenantB, 'b-only')).toBe(1);
  });

  it('answers 403 to a viewer key', async () => {
    const response = await testApp.http
      .post('/api/v1/ingest')
      .set(bearer(tenantA.keys.viewer))
      .set('Content-Type', 'application/x-ndjson')
      .send(interaction('viewer'));

    expect(response.status).toBe(403);
  });
});
