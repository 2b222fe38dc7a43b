import { sql } from 'drizzle-orm';

import { FixedClock } from '../core/clock.js';
import { resultRows } from '../database/mapper.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { IngestLineRegistry } from '../write/ingest-line-registry.js';
import { CircuitOpenError } from './circuit-breaker.js';
import { CircuitBreakerRegistry } from './circuit-breaker.registry.js';
import { CircuitBreakerEventsService } from './circuit-breaker-events.service.js';

const NOW = new Date('2026-12-04T12:00:00.000Z');

function buildEvent(overrides: Record<string, unknown> = {}) {
  return {
    name: 'scoring-service',
    fromState: 'closed',
    toState: 'open',
    reason: '5 consecutive timeouts',
    occurredAt: '2026-12-04T11:00:00Z',
    ...overrides,
  };
}

describe('circuit breakers', () => {
  let testApp: TestApp;
  let clock: FixedClock;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    clock = new FixedClock(NOW);
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('breakers-a');
    tenantB = await testApp.createTenant('breakers-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  function post(tenant: TestTenant, body: unknown) {
    return testApp.http
      .post('/api/v1/circuit-breakers/events')
      .set(bearer(tenant.keys.ingest))
      .send(body as object);
  }

  async function stateChangeCount(name: string, from: string, to: string): Promise<number> {
    const response = await testApp.http.get('/metrics');
    const line = response.text
      .split('\n')
      .find((text) =>
        text.startsWith(
          `kaireon_circuit_breaker_state_change_total{name="${name}",from="${from}",to="${to}"}`,
        ),
      );
    return line ? Number(line.split(' ').pop()) : 0;
  }

  async function readiness() {
    const response = await testApp.http.get('/api/ready');
    return {
      status: response.status,
      service: response.body.info?.service as { degraded: boolean; reasons?: string[] },
    };
  }

  describe('readiness', () => {
    it('reports degraded with 200 while a platform breaker is open', async () => {
      const tenant = await testApp.createTenant('breakers-ready');
      expect(await readiness()).toEqual({
        status: 200,
        service: { status: 'up', degraded: false },
      });

      await post(tenant, buildEvent({ name: 'ready-probe' }));
      const open = await readiness();
      expect(open.status).toBe(200);
      expect(open.service.degraded).toBe(true);
      expect(open.service.reasons).toEqual(['1 platform circuit breaker is open']);

      await post(
        tenant,
        buildEvent({
          name: 'ready-probe',
          fromState: 'open',
          toState: 'half_open',
          occurredAt: '2026-12-04T11:01:00Z',
        }),
      );
      await post(
        tenant,
        buildEvent({
          name: 'ready-probe',
          fromState: 'half_open',
          toState: 'closed',
          occurredAt: '2026-12-04T11:02:00Z',
        }),
      );
      expect((await readiness()).service.degraded).toBe(false);
    });

    it('ignores an older event posted after a newer one', async () => {
      const tenant = await testApp.createTenant('breakers-late');
      await post(
        tenant,
        buildEvent({
          name: 'late',
          fromState: 'open',
          toState: 'closed',
          occurredAt: '2026-12-04T11:30:00Z',
        }),
      );
      await post(tenant, buildEvent({ name: 'late', occurredAt: '2026-12-04T11:00:00Z' }));
      expect((await readiness()).service.degraded).toBe(false);
    });
  });

  describe('recording', () => {
    it('stores a platform transition and counts it', async () => {
      const before = await stateChangeCount('payments-api', 'closed', 'open');
      const response = await post(tenantA, buildEvent({ name: 'payments-api' }));

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        name: 'payments-api',
        fromState: 'closed',
        toState: 'open',
        reason: '5 consecutive timeouts',
        source: 'platform',
        occurredAt: '2026-12-04T11:00:00.000Z',
        duplicate: false,
      });
      expect(await stateChangeCount('payments-api', 'closed', 'open')).toBe(before + 1);
      const rows = await testApp.db.execute(
        sql`SELECT source FROM circuit_breaker_events WHERE tenant_id = ${tenantA.id} AND id = ${response.body.id}`,
      );
      expect(resultRows<{ source: string }>(rows)).toEqual([{ source: 'platform' }]);
    });

    it('answers 400 for a transition to the same state or an unknown state', async () => {
      const same = await post(tenantA, buildEvent({ toState: 'closed' }));
      expect(same.status).toBe(400);
      expect(same.body.error.details[0].field).toBe('toState');
      const unknown = await post(tenantA, buildEvent({ fromState: 'broken' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details[0]).toMatchObject({
        field: 'fromState',
        reason: 'must be one of closed, open, half_open',
      });
    });

    it('records batches, idempotency keys and NDJSON lines', async () => {
      const tenant = await testApp.createTenant('breakers-batch');
      const batch = await post(tenant, [
        buildEvent({ name: 'batch-1', idempotencyKey: 'k1' }),
        buildEvent({ name: 'batch-1', idempotencyKey: 'k1' }),
        buildEvent({ name: 'batch-2', toState: 'sideways' }),
      ]);
      expect(batch.status).toBe(200);
      expect(batch.body.accepted).toBe(2);
      expect(batch.body.rejected).toEqual([
        expect.objectContaining({ index: 2, field: 'toState' }),
      ]);

      const handler = testApp.app.get(IngestLineRegistry).handler('breaker_event')!;
      const lines = await handler(tenant.id, [{ line: 5, data: buildEvent({ name: 'batch-3' }) }]);
      expect(lines).toEqual({ accepted: 1, rejected: [] });
      const states = await testApp.http
        .get('/api/v1/circuit-breakers')
        .set(bearer(tenant.keys.viewer));
      expect((states.body.data as { name: string }[]).map((state) => state.name)).toEqual([
        'batch-1',
        'batch-3',
      ]);
    });
  });

  describe('reads', () => {
    let tenant: TestTenant;

    beforeAll(async () => {
      tenant = await testApp.createTenant('breakers-reads');
      await post(tenant, [
        buildEvent({ name: 'alpha', occurredAt: '2026-12-04T08:00:00Z' }),
        buildEvent({
          name: 'alpha',
          fromState: 'open',
          toState: 'half_open',
          occurredAt: '2026-12-04T08:01:00Z',
        }),
        buildEvent({ name: 'beta', occurredAt: '2026-12-04T09:00:00Z', reason: 'error rate 60%' }),
        buildEvent({
          name: 'alpha',
          fromState: 'half_open',
          toState: 'closed',
          occurredAt: '2026-12-04T08:02:00Z',
          reason: 'trial ok',
        }),
      ]);
    });

    it('lists the current state of every breaker', async () => {
      const response = await testApp.http
        .get('/api/v1/circuit-breakers')
        .set(bearer(tenant.keys.viewer));
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual([
        {
          name: 'alpha',
          state: 'closed',
          fromState: 'half_open',
          since: '2026-12-04T08:02:00.000Z',
          reason: 'trial ok',
          source: 'platform',
        },
        {
          name: 'beta',
          state: 'open',
          fromState: 'closed',
          since: '2026-12-04T09:00:00.000Z',
          reason: 'error rate 60%',
          source: 'platform',
        },
      ]);
    });

    it('pages through the history newest first', async () => {
      const first = await testApp.http
        .get('/api/v1/circuit-breakers/events?limit=3')
        .set(bearer(tenant.keys.viewer));
      expect(first.status).toBe(200);
      expect(first.body.page).toMatchObject({ limit: 3, total: 4 });
      expect(
        (first.body.data as { occurredAt: string }[]).map((event) => event.occurredAt),
      ).toEqual([
        '2026-12-04T09:00:00.000Z',
        '2026-12-04T08:02:00.000Z',
        '2026-12-04T08:01:00.000Z',
      ]);
      const second = await testApp.http
        .get(`/api/v1/circuit-breakers/events?limit=3&cursor=${first.body.page.nextCursor}`)
        .set(bearer(tenant.keys.viewer));
      expect(
        (second.body.data as { occurredAt: string }[]).map((event) => event.occurredAt),
      ).toEqual(['2026-12-04T08:00:00.000Z']);
      expect(second.body.page.nextCursor).toBeNull();
    });

    it('filters the history by name and time range', async () => {
      const response = await testApp.http
        .get('/api/v1/circuit-breakers/events')
        .query({ name: 'alpha', from: '2026-12-04T08:01:00Z', to: '2026-12-04T08:02:00Z' })
        .set(bearer(tenant.keys.viewer));
      expect((response.body.data as { toState: string }[]).map((event) => event.toState)).toEqual([
        'half_open',
      ]);
      expect(response.body.page.total).toBe(1);
    });

    it('answers 400 when the range ends before it starts', async () => {
      const response = await testApp.http
        .get('/api/v1/circuit-breakers/events')
        .query({ from: '2026-12-04T09:00:00Z', to: '2026-12-04T08:00:00Z' })
        .set(bearer(tenant.keys.viewer));
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe('to');
    });
  });

  describe('tenant isolation', () => {
    it('never shows another tenant breakers or events', async () => {
      await post(tenantB, buildEvent({ name: 'only-in-b' }));
      const states = await testApp.http
        .get('/api/v1/circuit-breakers')
        .set(bearer(tenantA.keys.viewer));
      const events = await testApp.http
        .get('/api/v1/circuit-breakers/events?name=only-in-b')
        .set(bearer(tenantA.keys.viewer));
      expect((states.body.data as { name: string }[]).map((state) => state.name)).not.toContain(
        'only-in-b',
      );
      expect(events.body).toEqual({ data: [], page: { limit: 50, nextCursor: null, total: 0 } });

      const inB = await testApp.http
        .get('/api/v1/circuit-breakers/events?name=only-in-b')
        .set(bearer(tenantB.keys.viewer));
      expect(inB.body.page.total).toBe(1);
    });
  });

  describe('registry', () => {
    it('records internal transitions per tenant and restores them', async () => {
      const tenant = await testApp.createTenant('breakers-internal');
      const registry = testApp.app.get(CircuitBreakerRegistry);
      const breaker = registry.get(tenant.id, 'report-delivery:webhook', {
        failureThreshold: 2,
        coolDownMs: 60_000,
      });
      expect(registry.get(tenant.id, 'report-delivery:webhook')).toBe(breaker);
      const before = await stateChangeCount('report-delivery:webhook', 'closed', 'open');

      const failing = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9'));
      await expect(breaker.execute(failing)).rejects.toThrow('ECONNREFUSED');
      await expect(breaker.execute(failing)).rejects.toThrow('ECONNREFUSED');
      await expect(breaker.execute(() => Promise.resolve(1))).rejects.toBeInstanceOf(
        CircuitOpenError,
      );

      expect(await stateChangeCount('report-delivery:webhook', 'closed', 'open')).toBe(before + 1);
      const states = await testApp.http
        .get('/api/v1/circuit-breakers')
        .set(bearer(tenant.keys.viewer));
      expect(states.body.data).toEqual([
        expect.objectContaining({
          name: 'report-delivery:webhook',
          state: 'open',
          source: 'internal',
          since: NOW.toISOString(),
        }),
      ]);
      const ready = await readiness();
      expect(ready.service.reasons).toContain('1 outbound-call circuit breaker is open');

      // A new process starts from the recorded state, so the breaker stays open.
      const restarted = new CircuitBreakerRegistry(
        testApp.app.get(CircuitBreakerEventsService),
        clock,
      );
      const restored = restarted.get(tenant.id, 'report-delivery:webhook', { coolDownMs: 60_000 });
      await expect(restored.execute(() => Promise.resolve(1))).rejects.toBeInstanceOf(
        CircuitOpenError,
      );

      // Another tenant's breaker of the same name is separate.
      expect(registry.get(tenantB.id, 'report-delivery:webhook').state).toBe('closed');

      clock.advanceMs(60_000);
      await expect(breaker.execute(() => Promise.resolve(2))).resolves.toBe(2);
      const history = await testApp.http
        .get('/api/v1/circuit-breakers/events')
        .set(bearer(tenant.keys.viewer));
      expect(
        (history.body.data as { fromState: string; toState: string }[]).map(
          (event) => `${event.fromState}>${event.toState}`,
        ),
      ).toEqual(['half_open>closed', 'open>half_open', 'closed>open']);
      expect((await readiness()).service.reasons ?? []).not.toContain(
        '1 outbound-call circuit breaker is open',
      );
    });
  });
});
