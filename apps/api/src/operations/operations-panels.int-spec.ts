import { FixedClock } from '../core/clock.js';
import { DeadLetterService } from '../dead-letter/index.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { pluck } from './testing/json-lists.js';
import { removedCandidates, traceBody } from './testing/trace-fixtures.js';

const NOW = new Date('2026-12-04T12:30:00Z');

interface Panel {
  id: string;
  kind: string;
  empty: boolean;
  emptyMessage: string;
  title: string;
  notes?: string[];
  warning?: string;
  rows?: Record<string, unknown>[];
  items?: { label: string; value: number | null }[];
}

describe('Operations circuit breakers, DLQ and panels', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  let tenantEmpty: TestTenant;

  async function post(tenant: TestTenant, path: string, body: unknown[]) {
    const response = await testApp.http.post(path).set(bearer(tenant.keys.ingest)).send(body);
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(body.length);
  }

  function get(tenant: TestTenant, path: string) {
    return testApp.http.get(path).set(bearer(tenant.keys.viewer));
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('ops-a');
    tenantB = await testApp.createTenant('ops-b');
    tenantEmpty = await testApp.createTenant('ops-empty');

    await post(tenantA, '/api/v1/circuit-breakers/events', [
      {
        name: 'enrichment-redis',
        fromState: 'closed',
        toState: 'open',
        reason: 'old outage',
        occurredAt: '2026-11-20T10:00:00Z',
      },
      {
        name: 'enrichment-redis',
        fromState: 'open',
        toState: 'half_open',
        reason: 'cool-down over',
        occurredAt: '2026-12-04T08:05:00Z',
      },
      {
        name: 'enrichment-redis',
        fromState: 'half_open',
        toState: 'closed',
        reason: 'probe ok',
        occurredAt: '2026-12-04T08:06:00Z',
      },
      {
        name: 'connector-snowflake',
        fromState: 'closed',
        toState: 'open',
        reason: '5 consecutive timeouts',
        occurredAt: '2026-12-03T22:00:00Z',
      },
    ]);
    await post(tenantB, '/api/v1/circuit-breakers/events', [
      {
        name: 'tenant-b-breaker',
        fromState: 'closed',
        toState: 'open',
        occurredAt: '2026-12-04T09:00:00Z',
      },
    ]);

    const deadLetters = testApp.app.get(DeadLetterService);
    for (let index = 0; index < 12; index++) {
      const topic = index < 9 ? 'interaction_events' : 'breaker_events';
      await deadLetters.record({
        tenantId: tenantA.id,
        topic,
        payload: { index },
        error: 'apply failed',
        retryCount: 5,
      });
    }
    await deadLetters.record({
      tenantId: tenantB.id,
      topic: 'interaction_events',
      payload: {},
      error: 'x',
      retryCount: 5,
    });

    await post(tenantA, '/api/v1/decision-traces', [
      traceBody({
        occurredAt: '2026-12-04T11:00:00Z',
        requestId: 'req-panel',
        customerId: 'cust-1',
        totalLatencyMs: 30,
        candidates: removedCandidates('capped', 9, {
          stage: 'contactPolicy',
          ruleId: 'frequency_cap',
        }),
      }),
    ]);
    await post(tenantA, '/api/v1/decision-runs', [
      {
        flowKey: 'nba-main',
        status: 'completed',
        latencyMs: 30,
        occurredAt: '2026-12-04T11:00:00Z',
      },
    ]);
    await post(tenantA, '/api/v1/interactions', [
      ...['c1', 'c2', 'c3', 'c4'].map((customerId) => ({
        kind: 'impression',
        customerId,
        offerKey: 'offer_summer_promo',
        channelKey: 'email',
        occurredAt: '2026-12-04T10:00:00Z',
      })),
      {
        kind: 'response',
        customerId: 'c1',
        offerKey: 'offer_summer_promo',
        channelKey: 'email',
        outcome: 'click',
        occurredAt: '2026-12-04T10:05:00Z',
      },
    ]);
  }, 60_000);

  afterAll(async () => {
    await testApp.close();
  });

  describe('GET /api/v1/dashboards/operations/circuit-breakers', () => {
    it('gives each breaker its current state and history in the window', async () => {
      const response = await get(tenantA, '/api/v1/dashboards/operations/circuit-breakers?days=7');
      expect(response.status).toBe(200);
      expect(response.body.window).toEqual({ from: '2026-11-28', to: '2026-12-05', days: 7 });
      const [snowflake, redis] = response.body.breakers;
      expect(snowflake).toMatchObject({
        name: 'connector-snowflake',
        state: 'open',
        fromState: 'closed',
        lastChangeAt: '2026-12-03T22:00:00.000Z',
        reason: '5 consecutive timeouts',
        source: 'platform',
        historyTotal: 1,
      });
      expect(redis).toMatchObject({ name: 'enrichment-redis', state: 'closed', historyTotal: 2 });
      expect(redis.history).toEqual([
        {
          occurredAt: '2026-12-04T08:06:00.000Z',
          fromState: 'half_open',
          toState: 'closed',
          reason: 'probe ok',
          source: 'platform',
        },
        {
          occurredAt: '2026-12-04T08:05:00.000Z',
          fromState: 'open',
          toState: 'half_open',
          reason: 'cool-down over',
          source: 'platform',
        },
      ]);
    });

    it('includes older transitions in a longer window', async () => {
      const { body } = await get(tenantA, '/api/v1/dashboards/operations/circuit-breakers?days=30');
      expect(body.breakers[1].historyTotal).toBe(3);
    });

    it("never shows another tenant's breakers", async () => {
      const a = await get(tenantA, '/api/v1/dashboards/operations/circuit-breakers');
      expect(pluck(a.body.breakers, 'name')).toEqual(['connector-snowflake', 'enrichment-redis']);
      const b = await get(tenantB, '/api/v1/dashboards/operations/circuit-breakers');
      expect(pluck(b.body.breakers, 'name')).toEqual(['tenant-b-breaker']);
    });
  });

  describe('GET /api/v1/dashboards/operations/dlq', () => {
    it('gives depth by topic, the alert level and an hourly trend', async () => {
      const response = await get(tenantA, '/api/v1/dashboards/operations/dlq?days=1');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        window: { from: '2026-12-04', to: '2026-12-05', days: 1 },
        totalEvents: 12,
        byTopic: { interaction_events: 9, breaker_events: 3 },
        alert: 'WARNING',
      });
      const trend = response.body.depthTrend;
      expect(trend).toHaveLength(13);
      expect(trend[0]).toEqual({ hour: '2026-12-04T00:00:00.000Z', total: 0, byTopic: {} });
      expect(trend[12]).toEqual({
        hour: '2026-12-04T12:00:00.000Z',
        total: 12,
        byTopic: { breaker_events: 3, interaction_events: 9 },
      });
    });

    it("never counts another tenant's events", async () => {
      const b = await get(tenantB, '/api/v1/dashboards/operations/dlq');
      expect(b.body.totalEvents).toBe(1);
      expect(b.body.alert).toBe('OK');
      const empty = await get(tenantEmpty, '/api/v1/dashboards/operations/dlq');
      expect(empty.body.totalEvents).toBe(0);
    });

    it('rejects an invalid window naming the parameter', async () => {
      const response = await get(tenantA, '/api/v1/dashboards/operations/dlq?days=400');
      expect(response.status).toBe(400);
      expect(response.body.error.details[0]).toMatchObject({ field: 'days', value: '400' });
    });
  });

  describe('GET /api/v1/dashboards/operations/panels', () => {
    async function panelsOf(tenant: TestTenant, query: string) {
      const response = await get(tenant, `/api/v1/dashboards/operations/panels${query}`);
      expect(response.status).toBe(200);
      const byId = new Map<string, Panel>(
        (response.body.panels as Panel[]).map((panel) => [panel.id, panel]),
      );
      return { body: response.body, byId };
    }

    it('lists every Operations panel', async () => {
      const { body } = await panelsOf(tenantA, '?days=7');
      expect(body.dashboard).toBe('operations');
      expect(body.windowLabel).toBe('2026-11-28 to 2026-12-04 (7 UTC days)');
      expect(body.filterLabels).toEqual({
        Period: '2026-11-28 to 2026-12-04 (7 UTC days)',
        'Decision pipeline': 'last 7d',
      });
      expect(pluck(body.panels, 'id')).toEqual([
        'kpis',
        'latency-distribution',
        'latency-trend',
        'decision-pipeline-funnel',
        'decision-pipeline-filter-rates',
        'top-rules',
        'circuit-breakers',
        'circuit-breaker-history',
        'dlq',
        'dlq-trend',
        'acceptance-rate',
      ]);
    });

    it('fills the panels from the data', async () => {
      const { byId } = await panelsOf(tenantA, '?days=1');
      expect(byId.get('kpis')?.items?.[0]).toEqual({
        label: 'Total runs',
        value: 1,
        format: 'integer',
      });
      expect(byId.get('decision-pipeline-filter-rates')?.rows?.[2]).toEqual({
        stage: 'Contact policy',
        cumulative: 1,
        stageRate: 1,
        band: 'red (above 80%)',
      });
      expect(byId.get('top-rules')?.rows).toEqual([
        { stage: 'Contact policy', ruleId: 'frequency_cap', removed: 9 },
      ]);
      expect(byId.get('circuit-breakers')?.rows).toHaveLength(2);
      expect(byId.get('dlq')?.warning).toBe('Alert level WARNING (11 to 100 events)');
      expect(byId.get('acceptance-rate')?.rows).toEqual([
        {
          offerKey: 'offer_summer_promo',
          offerName: 'offer_summer_promo',
          impressions: 4,
          positive: 1,
          negative: 0,
          acceptRate: 0.25,
        },
      ]);
    });

    it('follows the period up to 168 hours and says when capped', async () => {
      const day = await panelsOf(tenantA, '?days=1');
      expect(day.byId.get('decision-pipeline-funnel')?.title).toBe('Decision pipeline (last 24h)');
      expect(day.byId.get('decision-pipeline-funnel')?.notes?.join(' ')).not.toMatch(/at most/);

      const month = await panelsOf(tenantA, '?days=30');
      expect(month.byId.get('decision-pipeline-funnel')?.title).toBe('Decision pipeline (last 7d)');
      expect(month.byId.get('decision-pipeline-funnel')?.notes).toContain(
        'The period is 30 days; the decision pipeline covers at most the last 7 days (168 hours).',
      );
    });

    it('takes an explicit windowHours', async () => {
      const { body, byId } = await panelsOf(tenantA, '?days=30&windowHours=5');
      expect(byId.get('top-rules')?.title).toBe('Top removing rules (last 5h)');
      expect(body.filterLabels['Decision pipeline']).toBe('last 5h');
    });

    it('says what is missing and how to send it when empty', async () => {
      const { byId } = await panelsOf(tenantEmpty, '?days=1');
      for (const id of [
        'kpis',
        'latency-distribution',
        'latency-trend',
        'top-rules',
        'circuit-breakers',
        'acceptance-rate',
      ]) {
        expect(byId.get(id)?.empty).toBe(true);
      }
      expect(byId.get('decision-pipeline-funnel')).toMatchObject({
        empty: true,
        emptyMessage:
          'No decision traces in the last 24h. Send them with POST /api/v1/decision-traces.',
      });
      expect(byId.get('kpis')?.emptyMessage).toContain('POST /api/v1/decision-runs');
      expect(byId.get('circuit-breakers')?.emptyMessage).toContain(
        'POST /api/v1/circuit-breakers/events',
      );
      expect(byId.get('dlq')?.empty).toBe(false);
      expect(byId.get('dlq-trend')?.empty).toBe(true);
    });
  });
});
