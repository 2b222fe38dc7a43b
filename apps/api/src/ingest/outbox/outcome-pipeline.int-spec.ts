import { sql } from 'drizzle-orm';

import { FixedClock } from '../../core/clock.js';
import { resultRows } from '../../database/mapper.js';
import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';
import { OutboxWorker } from './outbox-worker.service.js';

jest.setTimeout(120_000);

const NOW = new Date('2026-12-04T12:00:00Z');
const OUTCOMES = ['click', 'conversion', 'dismiss', 'defer', 'save', 'opt_out'];

/**
 * The outcome pipeline under a real database fault. A trigger makes every
 * insert of tenant A's interactions fail, so the worker retries, gives up and
 * dead-letters. Once the fault is removed, admins retry and every outcome is
 * applied exactly once.
 */
describe('outcome pipeline under a database fault', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let worker: OutboxWorker;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  const outcomeIds: string[] = [];

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    worker = testApp.app.get(OutboxWorker);
    tenantA = await testApp.createTenant('pipeline-a');
    tenantB = await testApp.createTenant('pipeline-b');
    for (const tenant of [tenantA, tenantB]) {
      const recommendations = OUTCOMES.map((_, index) => ({
        kind: 'recommendation',
        customerId: `c${index}`,
        offerKey: 'card',
        channelKey: 'email',
        recommendationId: `rec-${index}`,
        rank: 1,
      }));
      await testApp.http
        .post('/api/v1/interactions')
        .set(bearer(tenant.keys.ingest))
        .send(recommendations);
    }
  });

  afterAll(async () => {
    await testApp.db.execute(sql`DROP TRIGGER IF EXISTS kaireon_test_fault ON interactions`);
    await testApp.close();
  });

  async function scalar(query: ReturnType<typeof sql>): Promise<number> {
    return resultRows<{ value: number }>(await testApp.db.execute(query))[0].value;
  }

  async function advanceAndDrain(times: number): Promise<void> {
    for (let step = 0; step < times; step++) {
      clock.advanceMs(10 * 60_000);
      await worker.drain();
    }
  }

  async function listedIds(tenant: TestTenant): Promise<string[]> {
    const response = await admin(tenant).list();
    return (response.body.data as { id: string }[]).map((event) => event.id);
  }

  const admin = (tenant: TestTenant) => ({
    list: () => testApp.http.get('/api/v1/admin/dlq').set(bearer(tenant.keys.admin)),
    act: (body: object) =>
      testApp.http.post('/api/v1/admin/dlq').set(bearer(tenant.keys.admin)).send(body),
  });

  it('dead-letters outcomes after every retry fails', async () => {
    await testApp.db.execute(sql`
      CREATE OR REPLACE FUNCTION kaireon_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'simulated storage fault for tenant %', NEW.tenant_id;
      END $$`);
    await testApp.db.execute(
      sql.raw(`
        CREATE TRIGGER kaireon_test_fault BEFORE INSERT ON interactions
        FOR EACH ROW WHEN (NEW.tenant_id = '${tenantA.id}'::uuid) EXECUTE FUNCTION kaireon_test_fault()`),
    );

    for (const tenant of [tenantA, tenantB]) {
      const outcomes = OUTCOMES.map((outcome, index) => ({
        customerId: `c${index}`,
        recommendationId: `rec-${index}`,
        outcome,
        conversionValue: outcome === 'conversion' ? 12.5 : undefined,
        idempotencyKey: `pipeline-${index}`,
      }));
      const response = await testApp.http
        .post('/api/v1/respond')
        .set(bearer(tenant.keys.ingest))
        .send(outcomes);
      expect(response.body).toEqual({ accepted: OUTCOMES.length, rejected: [] });
    }
    await worker.drain();

    const pending = await scalar(sql`
      SELECT count(*)::int AS value FROM outcome_outbox
      WHERE tenant_id = ${tenantA.id} AND status = 'pending' AND attempts = 1
        AND last_error LIKE 'simulated storage fault%'`);
    expect(pending).toBe(OUTCOMES.length);

    await advanceAndDrain(4);

    const dead = resultRows<{ id: string }>(
      await testApp.db.execute(
        sql`SELECT id FROM outcome_outbox WHERE tenant_id = ${tenantA.id} AND status = 'dead'`,
      ),
    );
    outcomeIds.push(...dead.map((row) => row.id));
    expect(outcomeIds).toHaveLength(OUTCOMES.length);
    const applied = await scalar(sql`
      SELECT count(*)::int AS value FROM interactions WHERE tenant_id = ${tenantA.id} AND kind = 'response'`);
    expect(applied).toBe(0);
  });

  it('lists dead-lettered outcomes to their tenant only', async () => {
    const listA = await admin(tenantA).list();
    const listB = await admin(tenantB).list();

    expect(listA.status).toBe(200);
    expect(listA.body).toMatchObject({
      totalEvents: OUTCOMES.length,
      byTopic: { interaction_events: OUTCOMES.length },
      alert: 'OK',
      page: { total: OUTCOMES.length, nextCursor: null },
    });
    for (const event of listA.body.data) {
      expect(event.topic).toBe('interaction_events');
      expect(event.error).toBe(`simulated storage fault for tenant ${tenantA.id}`);
      expect(event.retryCount).toBe(5);
      expect(outcomeIds).toContain(event.payload.outboxId);
      expect(event.payload.event.offerKey).toBe('card');
    }
    expect(listB.body).toMatchObject({
      totalEvents: 0,
      byTopic: { interaction_events: 0 },
      data: [],
    });

    const metrics = await testApp.http.get('/metrics');
    expect(metrics.text).toContain(
      `kaireon_dlq_depth{tenant="pipeline-a",topic="interaction_events"} ${OUTCOMES.length}`,
    );
  });

  it('ignores retry and purge by another tenant', async () => {
    const eventIds = await listedIds(tenantA);

    const retryByB = await admin(tenantB).act({ action: 'retry', eventIds });
    const purgeByB = await admin(tenantB).act({ action: 'purge', eventIds });
    const topicByB = await admin(tenantB).act({ action: 'purge', topic: 'interaction_events' });

    expect(retryByB.body).toMatchObject({ action: 'retry', requeued: 0 });
    expect(purgeByB.body).toEqual({ action: 'purge', deleted: 0 });
    expect(topicByB.body).toEqual({ action: 'purge', deleted: 0 });
    expect((await admin(tenantA).list()).body.totalEvents).toBe(OUTCOMES.length);
  });

  it('applies each outcome once after concurrent retries', async () => {
    await testApp.db.execute(sql`DROP TRIGGER kaireon_test_fault ON interactions`);
    const eventIds = await listedIds(tenantA);

    const [first, second] = await Promise.all([
      admin(tenantA).act({ action: 'retry', eventIds }),
      admin(tenantA).act({ action: 'retry', topic: 'interaction_events' }),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body.requeued + second.body.requeued).toBe(OUTCOMES.length);
    await Promise.all([worker.drain(), worker.drain()]);

    const perOutcome = resultRows<{ id: string; copies: number }>(
      await testApp.db.execute(sql`
        SELECT o.id, count(i.id)::int AS copies FROM outcome_outbox o
        LEFT JOIN interactions i ON i.tenant_id = o.tenant_id AND i.id = o.id
        WHERE o.tenant_id = ${tenantA.id} GROUP BY o.id`),
    );
    expect(perOutcome).toHaveLength(OUTCOMES.length);
    expect(perOutcome.every((row) => row.copies === 1)).toBe(true);
    expect((await admin(tenantA).list()).body).toMatchObject({ totalEvents: 0, data: [] });
    const metrics = await testApp.http.get('/metrics');
    expect(metrics.text).toContain(
      'kaireon_dlq_depth{tenant="pipeline-a",topic="interaction_events"} 0',
    );
  });

  it('counts retried outcomes once in rollups', async () => {
    const totals = async (tenant: TestTenant) =>
      resultRows(
        await testApp.db.execute(sql`
          SELECT sum(positive)::int AS positive, sum(negative)::int AS negative, sum(neutral)::int AS neutral,
                 sum(conversions)::int AS conversions, sum(conversion_value)::text AS revenue
          FROM interaction_rollups WHERE tenant_id = ${tenant.id}`),
      )[0];

    const expected = { positive: 3, negative: 2, neutral: 1, conversions: 1, revenue: '12.50' };
    expect(await totals(tenantA)).toEqual(expected);
    expect(await totals(tenantB)).toEqual(expected);
  });

  it('ignores a re-delivered applied outcome', async () => {
    await testApp.db.execute(sql`
      UPDATE outcome_outbox SET status = 'pending', available_at = ${NOW.toISOString()}::timestamptz
      WHERE tenant_id = ${tenantA.id}`);
    await worker.drain();

    const responses = await scalar(sql`
      SELECT count(*)::int AS value FROM interactions WHERE tenant_id = ${tenantA.id} AND kind = 'response'`);
    const stillPending = await scalar(sql`
      SELECT count(*)::int AS value FROM outcome_outbox WHERE tenant_id = ${tenantA.id} AND status <> 'applied'`);
    expect(responses).toBe(OUTCOMES.length);
    expect(stillPending).toBe(0);
  });

  it('audits both retries', async () => {
    const audit = await testApp.http
      .get('/api/v1/admin/audit-events')
      .set(bearer(tenantA.keys.admin));
    const events = audit.body.data as { action: string; details: { requeued: number } }[];
    const retries = events.filter((event) => event.action === 'dlq.retry');

    expect(retries).toHaveLength(2);
    const requeued = retries.map((event) => event.details.requeued);
    expect(requeued.reduce((sum, value) => sum + value, 0)).toBe(OUTCOMES.length);
  });
});
