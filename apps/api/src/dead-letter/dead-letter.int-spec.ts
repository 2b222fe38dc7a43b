import { sql } from 'drizzle-orm';

import { FixedClock } from '../core/clock.js';
import { resultRows } from '../database/mapper.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import type { DeadLetterEvent } from './dead-letter.types.js';
import { DeadLetterService } from './dead-letter.service.js';

jest.setTimeout(60_000);

const NOW = new Date('2026-12-04T10:30:00Z');

describe('dead-letter queue', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let service: DeadLetterService;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  const resubmitted: DeadLetterEvent[] = [];
  let failNextResubmission = false;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    service = testApp.app.get(DeadLetterService);
    tenantA = await testApp.createTenant('dlq-a');
    tenantB = await testApp.createTenant('dlq-b');
    service.registerRetryHandler('test_events', (event) => {
      if (failNextResubmission) {
        failNextResubmission = false;
        return Promise.reject(new Error('downstream refused the event'));
      }
      resubmitted.push(event);
      return Promise.resolve();
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const list = (tenant: TestTenant, query = '') =>
    testApp.http.get(`/api/v1/admin/dlq${query}`).set(bearer(tenant.keys.admin));
  const act = (tenant: TestTenant, body: object) =>
    testApp.http.post('/api/v1/admin/dlq').set(bearer(tenant.keys.admin)).send(body);

  async function record(tenant: TestTenant, topic: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      clock.advanceMs(1_000);
      ids.push(
        await service.record({
          tenantId: tenant.id,
          topic,
          payload: { index },
          error: `failed ${index}`,
          retryCount: 3,
        }),
      );
    }
    return ids;
  }

  async function purgeAll(tenant: TestTenant): Promise<void> {
    for (const topic of ['test_events', 'orphan_events']) {
      await act(tenant, { action: 'purge', topic });
    }
  }

  it('pages through events newest first and filters by topic', async () => {
    const ids = await record(tenantA, 'test_events', 5);
    await record(tenantA, 'orphan_events', 2);

    const first = await list(tenantA, '?topic=test_events&limit=2');
    const second = await list(
      tenantA,
      `?topic=test_events&limit=2&cursor=${first.body.page.nextCursor}`,
    );
    const third = await list(
      tenantA,
      `?topic=test_events&limit=2&cursor=${second.body.page.nextCursor}`,
    );

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      totalEvents: 7,
      byTopic: { test_events: 5, orphan_events: 2 },
      alert: 'OK',
      page: { limit: 2, total: 5 },
    });
    const pages = [first, second, third].flatMap((page) =>
      (page.body.data as { id: string }[]).map((event) => event.id),
    );
    expect(pages).toEqual([...ids].reverse());
    expect(third.body.page.nextCursor).toBeNull();
    expect(first.body.data[0]).toEqual({
      id: ids[4],
      topic: 'test_events',
      payload: { index: 4 },
      error: 'failed 4',
      retryCount: 3,
      failedAt: new Date(NOW.getTime() + 5_000).toISOString(),
      lastRetriedAt: null,
    });
  });

  it("shows tenant B none of tenant A's events", async () => {
    const response = await list(tenantB);

    expect(response.body).toMatchObject({ totalEvents: 0, data: [], page: { total: 0 } });
    expect(response.body.byTopic).toMatchObject({ interaction_events: 0, test_events: 0 });
    expect(Object.values(response.body.byTopic).every((depth) => depth === 0)).toBe(true);
  });

  it('retries through the topic handler and keeps events of topics without one', async () => {
    const ids = ((await list(tenantA, '?limit=200')).body.data as { id: string }[]).map(
      (event) => event.id,
    );
    resubmitted.length = 0;

    const response = await act(tenantA, { action: 'retry', eventIds: ids });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ action: 'retry', requeued: 5, failed: 0, remaining: 2 });
    expect(resubmitted.map((event) => event.payload.index).sort()).toEqual([0, 1, 2, 3, 4]);
    expect((await list(tenantA)).body.byTopic).toMatchObject({ test_events: 0, orphan_events: 2 });
  });

  it('keeps an event whose re-submission fails, noting why', async () => {
    const [id] = await record(tenantA, 'test_events', 1);
    failNextResubmission = true;

    const response = await act(tenantA, { action: 'retry', eventIds: [id] });
    const stored = (await list(tenantA, '?topic=test_events')).body.data[0];

    expect(response.body).toEqual({ action: 'retry', requeued: 0, failed: 1, remaining: 1 });
    expect(stored.error).toBe(
      'retry failed: downstream refused the event; dead-lettered with: failed 0',
    );
    expect(stored.lastRetriedAt).toBe(clock.now().toISOString());
  });

  it("purges by id, leaving another tenant's ids untouched", async () => {
    const [ownId] = await record(tenantA, 'test_events', 1);
    const [otherId] = await record(tenantB, 'test_events', 1);

    const response = await act(tenantA, { action: 'purge', eventIds: [ownId, otherId] });

    expect(response.body).toEqual({ action: 'purge', deleted: 1 });
    expect(((await list(tenantB)).body.data as { id: string }[]).map((event) => event.id)).toEqual([
      otherId,
    ]);
  });

  it('audits retries and purges with the acting key', async () => {
    const audit = await testApp.http
      .get('/api/v1/admin/audit-events?limit=200')
      .set(bearer(tenantA.keys.admin));
    const actions = (audit.body.data as { action: string; actor: string }[]).map(
      (event) => `${event.action}:${event.actor}`,
    );

    expect(actions).toContain('dlq.retry:dlq-a-admin');
    expect(actions).toContain('dlq.purge:dlq-a-admin');
  });

  it('raises the alert level with the depth', async () => {
    await purgeAll(tenantA);
    await record(tenantA, 'test_events', 11);
    const warning = await list(tenantA);
    await record(tenantA, 'test_events', 90);
    const critical = await list(tenantA);

    expect(warning.body).toMatchObject({ totalEvents: 11, alert: 'WARNING' });
    expect(critical.body).toMatchObject({ totalEvents: 101, alert: 'CRITICAL' });
  });

  it('keeps the depth gauge and hourly samples current', async () => {
    const metrics = await testApp.http.get('/metrics');
    expect(metrics.text).toContain('kaireon_dlq_depth{tenant="dlq-a",topic="test_events"} 101');

    clock.set(new Date('2026-12-04T13:15:00Z'));
    await act(tenantA, { action: 'purge', topic: 'test_events' });
    const samples = resultRows(
      await testApp.db.execute(sql`
        SELECT to_char(sampled_at AT TIME ZONE 'UTC', 'HH24:MI') AS hour, depth FROM dead_letter_depth_samples
        WHERE tenant_id = ${tenantA.id} AND topic = 'test_events' ORDER BY sampled_at`),
    );
    const afterPurge = await testApp.http.get('/metrics');

    expect(samples).toEqual([
      { hour: '10:00', depth: 101 },
      { hour: '13:00', depth: 0 },
    ]);
    expect(afterPurge.text).toContain('kaireon_dlq_depth{tenant="dlq-a",topic="test_events"} 0');
  });

  it('draws an hourly depth trend, carrying depths through hours without changes', async () => {
    const trend = await service.depthTrend({
      tenantId: tenantA.id,
      from: new Date('2026-12-04T09:00:00Z'),
      to: new Date('2026-12-04T14:00:00Z'),
    });

    expect(
      trend.map((point) => [point.hour.slice(11, 16), point.byTopic.test_events ?? null]),
    ).toEqual([
      ['09:00', null],
      ['10:00', 101],
      ['11:00', 101],
      ['12:00', 101],
      ['13:00', 0],
    ]);
  });

  it.each([
    [{ action: 'retry' }, 'eventIds'],
    [
      { action: 'retry', topic: 'test_events', eventIds: ['7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f'] },
      'eventIds',
    ],
    [{ action: 'retry', eventIds: ['not-a-uuid'] }, 'eventIds'],
    [{ action: 'replay', topic: 'test_events' }, 'action'],
    [{ action: 'purge', topic: 'Bad Topic' }, 'topic'],
  ])('answers 400 to %j naming %s', async (body, field) => {
    const response = await act(tenantA, body);

    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe(field);
  });
});
