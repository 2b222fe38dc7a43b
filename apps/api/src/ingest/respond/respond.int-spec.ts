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

const NOW = new Date('2026-12-04T12:00:00Z');

interface StoredInteraction {
  kind: string;
  customer_id: string;
  offer_key: string;
  channel_key: string;
  outcome_key: string | null;
  model_key: string | null;
  score: number | null;
  rank: number | null;
  direction: string;
}

describe('POST /api/v1/respond', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('respond-a');
    tenantB = await testApp.createTenant('respond-b');
    const recommend = (tenant: TestTenant, items: object[]) =>
      testApp.http.post('/api/v1/interactions').set(bearer(tenant.keys.ingest)).send(items);
    await recommend(tenantA, [
      {
        kind: 'recommendation',
        customerId: 'c1',
        offerKey: 'card',
        channelKey: 'email',
        recommendationId: 'rec-a1',
        rank: 1,
        modelKey: 'm1',
        score: 0.7,
      },
      {
        kind: 'recommendation',
        customerId: 'c2',
        offerKey: 'card',
        channelKey: 'web',
        recommendationId: 'rec-a2',
        rank: 1,
      },
      {
        kind: 'recommendation',
        customerId: 'c2',
        offerKey: 'loan',
        channelKey: 'web',
        recommendationId: 'rec-a2',
        rank: 2,
      },
    ]);
    await recommend(tenantB, [
      {
        kind: 'recommendation',
        customerId: 'c1',
        offerKey: 'b-offer',
        channelKey: 'sms',
        recommendationId: 'rec-b1',
        rank: 1,
      },
    ]);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const respond = (tenant: TestTenant, body: unknown) =>
    testApp.http
      .post('/api/v1/respond')
      .set(bearer(tenant.keys.ingest))
      .send(body as object);

  async function appliedOutcome(
    tenant: TestTenant,
    id: string,
  ): Promise<StoredInteraction | undefined> {
    const result = await testApp.db.execute(sql`
      SELECT kind, customer_id, offer_key, channel_key, outcome_key, model_key, score, rank, direction
      FROM interactions WHERE tenant_id = ${tenant.id} AND id = ${id}`);
    return resultRows<StoredInteraction>(result)[0];
  }

  async function countInteractions(tenant: TestTenant, id: string): Promise<number> {
    const result = await testApp.db.execute(
      sql`SELECT count(*)::int AS total FROM interactions WHERE tenant_id = ${tenant.id} AND id = ${id}`,
    );
    return resultRows<{ total: number }>(result)[0].total;
  }

  it('resolves the recommendation and applies in background', async () => {
    const response = await respond(tenantA, {
      customerId: 'c1',
      recommendationId: 'rec-a1',
      outcome: 'click',
      idempotencyKey: 'r-1',
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'accepted',
      offerId: 'card',
      channelId: 'email',
      rank: 1,
      outcome: 'click',
      timestamp: NOW.toISOString(),
      duplicate: false,
    });
    // No drain here: the worker was nudged by the write.
    const deadline = Date.now() + 5_000;
    let stored = await appliedOutcome(tenantA, response.body.id);
    while (!stored && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      stored = await appliedOutcome(tenantA, response.body.id);
    }
    expect(stored).toEqual({
      kind: 'response',
      customer_id: 'c1',
      offer_key: 'card',
      channel_key: 'email',
      outcome_key: 'click',
      model_key: 'm1',
      score: 0.7,
      rank: 1,
      direction: 'inbound',
    });
  });

  it('picks the offer of a multi-offer recommendation by rank', async () => {
    const response = await respond(tenantA, {
      customerId: 'c2',
      recommendationId: 'rec-a2',
      rank: 2,
      outcome: 'dismiss',
      idempotencyKey: 'r-2',
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ offerId: 'loan', channelId: 'web' });
  });

  it('answers 400 when a multi-offer recommendation has no rank', async () => {
    const response = await respond(tenantA, {
      customerId: 'c2',
      recommendationId: 'rec-a2',
      outcome: 'click',
      idempotencyKey: 'r-3',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe('rank');
  });

  it('answers 400 naming idempotencyKey when it is missing', async () => {
    const response = await respond(tenantA, {
      customerId: 'c1',
      recommendationId: 'rec-a1',
      outcome: 'click',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'idempotencyKey is required: the Respond API records each outcome once per key',
    );
    expect(response.body.error.details[0]).toMatchObject({ field: 'idempotencyKey' });
  });

  it('takes the Idempotency-Key header for a single outcome', async () => {
    const response = await testApp.http
      .post('/api/v1/respond')
      .set(bearer(tenantA.keys.ingest))
      .set('Idempotency-Key', 'r-header')
      .send({ customerId: 'c1', recommendationId: 'rec-a1', outcome: 'save' });

    expect(response.status).toBe(201);
    expect(response.body.idempotencyKey).toBe('r-header');
  });

  it('rejects an unknown recommendationId and an unknown outcome', async () => {
    const unknownRecommendation = await respond(tenantA, {
      customerId: 'c1',
      recommendationId: 'rec-missing',
      outcome: 'click',
      idempotencyKey: 'r-4',
    });
    const unknownOutcome = await respond(tenantA, {
      customerId: 'c1',
      recommendationId: 'rec-a1',
      outcome: 'clicked',
      idempotencyKey: 'r-5',
    });

    expect(unknownRecommendation.status).toBe(400);
    expect(unknownRecommendation.body.error.details).toEqual([
      { field: 'recommendationId', value: 'rec-missing', reason: 'unknown recommendationId' },
    ]);
    expect(unknownOutcome.status).toBe(400);
    expect(unknownOutcome.body.error.details).toEqual([
      { field: 'outcome', value: 'clicked', reason: 'unknown outcome type' },
    ]);
  });

  it("treats another tenant's recommendation ids as unknown", async () => {
    const response = await respond(tenantA, {
      customerId: 'c1',
      recommendationId: 'rec-b1',
      outcome: 'click',
      idempotencyKey: 'r-6',
    });

    expect(response.status).toBe(400);
    expect(response.body.error.details[0].reason).toBe('unknown recommendationId');
  });

  it('records given offerId and channelId without a recorded recommendation', async () => {
    const response = await respond(tenantA, {
      customerId: 'c9',
      recommendationId: 'rec-elsewhere',
      offerId: 'card',
      channelId: 'push',
      outcome: 'conversion',
      conversionValue: 25.5,
      idempotencyKey: 'r-7',
    });

    expect(response.status).toBe(201);
    await testApp.app.get(OutboxWorker).drain();
    expect(await appliedOutcome(tenantA, response.body.id)).toMatchObject({
      offer_key: 'card',
      channel_key: 'push',
    });
  });

  it('queues a repeated key once and answers with the same id', async () => {
    const body = {
      customerId: 'c1',
      recommendationId: 'rec-a1',
      outcome: 'share',
      idempotencyKey: 'r-8',
    };
    const first = await respond(tenantA, body);
    const second = await respond(tenantA, body);
    const inBatch = await respond(tenantA, [body, body]);
    await testApp.app.get(OutboxWorker).drain();

    expect(second.body.id).toBe(first.body.id);
    expect(second.body.duplicate).toBe(true);
    expect(inBatch.body).toEqual({ accepted: 2, rejected: [] });
    expect(await countInteractions(tenantA, first.body.id)).toBe(1);
  });

  it('accepts the valid outcomes of a batch and lists the invalid ones', async () => {
    const response = await respond(tenantA, [
      { customerId: 'c1', recommendationId: 'rec-a1', outcome: 'defer', idempotencyKey: 'r-9' },
      { customerId: 'c1', recommendationId: 'rec-a1', outcome: 'defer' },
      { customerId: 'c1', recommendationId: 'rec-nope', outcome: 'defer', idempotencyKey: 'r-10' },
      {
        customerId: 'c1',
        recommendationId: 'rec-a1',
        outcome: 'defer',
        idempotencyKey: 'r-11',
        timestamp: '2026-12-06T00:00:00Z',
      },
    ]);

    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(1);
    expect(
      (response.body.rejected as { index: number; field: string }[]).map((rejection) => [
        rejection.index,
        rejection.field,
      ]),
    ).toEqual([
      [1, 'idempotencyKey'],
      [2, 'recommendationId'],
      [3, 'timestamp'],
    ]);
  });

  it('counts applied outcomes and received items in the metrics', async () => {
    await testApp.app.get(OutboxWorker).drain();
    const metrics = await testApp.http.get('/metrics');

    expect(metrics.text).toMatch(
      /kaireon_respond_outcome_total\{outcome_type="click",classification="positive"\} [1-9]/,
    );
    expect(metrics.text).toMatch(
      /kaireon_ingest_events_total\{kind="respond",result="rejected"\} [1-9]/,
    );
    expect(metrics.text).toMatch(
      /kaireon_ingest_events_total\{kind="respond",result="duplicate"\} [1-9]/,
    );
    expect(metrics.text).toMatch(/kaireon_outbox_apply_total\{result="applied"\} [1-9]/);
  });
});
