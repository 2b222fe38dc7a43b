import { sql } from 'drizzle-orm';

import { FixedClock } from '../../core/clock.js';
import { resultRows } from '../../database/mapper.js';
import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';

const NOW = new Date('2026-12-04T12:00:00Z');

describe('POST /api/v1/interactions', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('interactions-a');
    tenantB = await testApp.createTenant('interactions-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  const post = (tenant: TestTenant, body: unknown) =>
    testApp.http
      .post('/api/v1/interactions')
      .set(bearer(tenant.keys.ingest))
      .send(body as object);

  async function countRows(tenant: TestTenant, where: string): Promise<number> {
    const result = await testApp.db.execute(
      sql`SELECT count(*)::int AS total FROM interactions WHERE tenant_id = ${tenant.id} AND ${sql.raw(where)}`,
    );
    return resultRows<{ total: number }>(result)[0].total;
  }

  it('records a single impression and answers 201 with the stored item', async () => {
    const response = await post(tenantA, {
      kind: 'impression',
      customerId: 'single-1',
      offerKey: 'card',
      channelKey: 'email',
      occurredAt: '2026-12-04T10:15:00+01:00',
      context: { page: 'home' },
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'impression',
      customerId: 'single-1',
      direction: 'outbound',
      occurredAt: '2026-12-04T09:15:00.000Z',
      context: { page: 'home' },
      duplicate: false,
    });
    expect(await countRows(tenantA, `customer_id = 'single-1'`)).toBe(1);
  });

  it('answers 400 naming the field for a single invalid object', async () => {
    const response = await post(tenantA, {
      kind: 'response',
      customerId: 'c',
      offerKey: 'card',
      channelKey: 'email',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_parameter');
    expect(response.body.error.message).toBe('outcome is required when kind is response');
    expect(response.body.error.details[0]).toMatchObject({
      field: 'outcome',
      reason: 'is required when kind is response',
    });
  });

  it('rejects an unknown outcome type with its value', async () => {
    const response = await post(tenantA, {
      kind: 'response',
      customerId: 'c',
      offerKey: 'card',
      channelKey: 'email',
      outcome: 'clicked',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([
      { field: 'outcome', value: 'clicked', reason: 'unknown outcome type' },
    ]);
  });

  it('rejects a recommendation without recommendationId', async () => {
    const response = await post(tenantA, {
      kind: 'recommendation',
      customerId: 'c',
      offerKey: 'card',
      channelKey: 'email',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe('recommendationId');
  });

  it.each([
    ['older than the retention', '2025-12-01T00:00:00Z'],
    ['more than a day ahead', '2026-12-05T12:00:01Z'],
  ])('rejects occurredAt %s', async (_case, occurredAt) => {
    const response = await post(tenantA, {
      kind: 'impression',
      customerId: 'c',
      offerKey: 'card',
      channelKey: 'email',
      occurredAt,
    });

    expect(response.status).toBe(400);
    expect(response.body.error.details[0]).toMatchObject({
      field: 'occurredAt',
      value: occurredAt,
    });
    expect(response.body.error.details[0].reason).toMatch(
      /^must be from 2025-12-04T12:00:00.000Z to 2026-12-05T12:00:00.000Z/,
    );
  });

  it('rejects a score above 1 and unknown fields', async () => {
    const response = await post(tenantA, {
      kind: 'impression',
      customerId: 'c',
      offerKey: 'card',
      channelKey: 'email',
      score: 1.5,
      colour: 'red',
    });

    expect(response.status).toBe(400);
    const fields = (response.body.error.details as { field: string }[]).map(
      (detail) => detail.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['score', 'colour']));
  });

  it('commits the valid items of a batch and lists the invalid ones', async () => {
    const valid = (customerId: string) => ({
      kind: 'impression',
      customerId,
      offerKey: 'card',
      channelKey: 'push',
    });
    const response = await post(tenantA, [
      valid('batch-1'),
      { ...valid('batch-2'), outcome: 'nope' },
      valid('batch-3'),
      { ...valid('batch-4'), conversionValue: -1 },
      'not an object',
    ]);

    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(2);
    expect(response.body.rejected).toEqual([
      { index: 1, field: 'outcome', value: 'nope', reason: 'unknown outcome type' },
      {
        index: 3,
        field: 'conversionValue',
        value: -1,
        reason: 'must be a number from 0 to 1000000000000 with at most 2 decimals',
      },
      { index: 4, field: 'item', value: 'not an object', reason: 'must be a JSON object' },
    ]);
    expect(await countRows(tenantA, `customer_id LIKE 'batch-%'`)).toBe(2);
  });

  it('answers 400 with every rejection when no item of a batch is valid', async () => {
    const response = await post(tenantA, [{ kind: 'nope' }, { kind: 'impression' }]);

    expect(response.status).toBe(400);
    const indexes = (response.body.error.details as { index: number }[]).map(
      (detail) => detail.index,
    );
    expect(new Set(indexes)).toEqual(new Set([0, 1]));
  });

  it('records a repeated item key once, within a batch and across requests', async () => {
    const item = {
      kind: 'impression',
      customerId: 'idem-1',
      offerKey: 'card',
      channelKey: 'sms',
      idempotencyKey: 'k-1',
    };
    const first = await post(tenantA, [item, item]);
    const again = await post(tenantA, [item, { ...item, idempotencyKey: 'k-2' }]);

    expect(first.body).toEqual({ accepted: 2, rejected: [] });
    expect(again.body).toEqual({ accepted: 2, rejected: [] });
    expect(await countRows(tenantA, `customer_id = 'idem-1'`)).toBe(2);
  });

  it('records a repeated Idempotency-Key header once and answers with the same id', async () => {
    const item = {
      kind: 'impression',
      customerId: 'idem-header',
      offerKey: 'card',
      channelKey: 'sms',
    };
    const send = () =>
      testApp.http
        .post('/api/v1/interactions')
        .set(bearer(tenantA.keys.ingest))
        .set('Idempotency-Key', 'h-1')
        .send(item);
    const first = await send();
    const second = await send();

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(first.body.duplicate).toBe(false);
    expect(second.body.duplicate).toBe(true);
    expect(await countRows(tenantA, `customer_id = 'idem-header'`)).toBe(1);
  });

  it('rejects the Idempotency-Key header on a batch', async () => {
    const response = await testApp.http
      .post('/api/v1/interactions')
      .set(bearer(tenantA.keys.ingest))
      .set('Idempotency-Key', 'h-2')
      .send([{ kind: 'impression', customerId: 'c', offerKey: 'card', channelKey: 'sms' }]);

    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe('Idempotency-Key');
  });

  it('keeps idempotency keys per tenant', async () => {
    const item = {
      kind: 'impression',
      customerId: 'shared-key',
      offerKey: 'card',
      channelKey: 'sms',
      idempotencyKey: 'same',
    };
    await post(tenantA, item);
    const forB = await post(tenantB, item);

    expect(forB.body.duplicate).toBe(false);
    expect(await countRows(tenantA, `customer_id = 'shared-key'`)).toBe(1);
    expect(await countRows(tenantB, `customer_id = 'shared-key'`)).toBe(1);
  });

  it('validates outcomes against the caller tenant only', async () => {
    const created = await testApp.http
      .post('/api/v1/outcome-types')
      .set(bearer(tenantB.keys.editor))
      .send({ key: 'b_only', name: 'B only', classification: 'positive', category: 'response' });
    expect(created.status).toBe(201);
    const item = {
      kind: 'response',
      customerId: 'c',
      offerKey: 'card',
      channelKey: 'email',
      outcome: 'b_only',
    };

    expect((await post(tenantA, item)).status).toBe(400);
    expect((await post(tenantB, item)).status).toBe(201);
  });

  it('answers 403 to a viewer key', async () => {
    const response = await testApp.http
      .post('/api/v1/interactions')
      .set(bearer(tenantA.keys.viewer))
      .send({ kind: 'impression', customerId: 'c', offerKey: 'card', channelKey: 'email' });

    expect(response.status).toBe(403);
  });
});
