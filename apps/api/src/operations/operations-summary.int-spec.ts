import { FixedClock } from '../core/clock.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { findBy, items, pluck } from './testing/json-lists.js';

const NOW = new Date('2026-12-04T15:30:00Z');
/** sqrt(1.25) - 1: the histogram buckets grow by 1.25 and each sample is read at a bucket's middle. */
const HISTOGRAM_ERROR_BOUND = Math.sqrt(1.25) - 1;

interface RunBody {
  flowKey: string;
  status: 'completed' | 'failed';
  latencyMs: number;
  occurredAt: string;
}

function run(
  occurredAt: string,
  latencyMs: number,
  status: RunBody['status'] = 'completed',
): RunBody {
  return { flowKey: 'nba-main', status, latencyMs, occurredAt };
}

/** Today at 14:00-14:04: five runs, the 20 ms one failed. */
const TODAY = [
  run('2026-12-04T14:00:00Z', 10),
  run('2026-12-04T14:01:00Z', 20, 'failed'),
  run('2026-12-04T14:02:00Z', 30),
  run('2026-12-04T14:03:00Z', 40),
  run('2026-12-04T14:04:00Z', 100),
];
const SINGLE = [run('2026-12-01T08:15:00Z', 42)];
const TWO = [run('2026-11-30T06:10:00Z', 10), run('2026-11-30T06:20:00Z', 20)];
/** 1 to 100 ms on a day older than the 7-day raw retention: only the rollups keep them. */
const OLD = Array.from({ length: 100 }, (_, index) =>
  run(`2026-11-14T10:${String(index % 60).padStart(2, '0')}:00Z`, index + 1),
);

describe('GET /api/v1/dashboards/operations/summary', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  async function postRuns(tenant: TestTenant, runs: RunBody[]) {
    const response = await testApp.http
      .post('/api/v1/decision-runs')
      .set(bearer(tenant.keys.ingest))
      .send(runs);
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(runs.length);
  }

  function getSummary(tenant: TestTenant, query: string) {
    return testApp.http
      .get(`/api/v1/dashboards/operations/summary${query}`)
      .set(bearer(tenant.keys.viewer));
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('summary-a');
    tenantB = await testApp.createTenant('summary-b');
    await postRuns(tenantA, [...TODAY, ...SINGLE, ...TWO, ...OLD]);
    await postRuns(tenantB, [run('2026-12-04T14:30:00Z', 5000)]);
    for (const [occurredAt, title] of [
      ['2026-12-03T09:00:00Z', 'frequency cap 3/day'],
      ['2026-11-12T09:00:00Z', 'old policy'],
    ]) {
      const response = await testApp.http
        .post('/api/v1/annotations')
        .set(bearer(tenantA.keys.ingest))
        .send({ kind: 'policy_change', title, occurredAt, source: 'platform' });
      expect(response.status).toBe(201);
    }
  }, 60_000);

  afterAll(async () => {
    await testApp.close();
  });

  describe('KPI cards', () => {
    it('counts runs and interpolates P95 between ranks', async () => {
      const response = await getSummary(tenantA, '?days=1');
      expect(response.status).toBe(200);
      expect(response.body.window).toEqual({ from: '2026-12-04', to: '2026-12-05', days: 1 });
      expect(response.body.source).toBe('raw');
      expect(response.body.approximate).toBe(false);
      expect(response.body.relativeErrorBound).toBeNull();
      // 10, 20, 30, 40, 100: rank 0.95 * 4 = 3.8, so 40 + 0.8 * (100 - 40) = 88.
      expect(response.body.kpis).toEqual({
        totalRuns: 5,
        completed: 4,
        failed: 1,
        avgLatencyMs: 40,
        p95LatencyMs: expect.closeTo(88, 10),
        successRate: 0.8,
      });
    });

    it('gives null figures for an empty window', async () => {
      const { body } = await getSummary(tenantA, '?from=2026-12-02&to=2026-12-03');
      expect(body.kpis).toEqual({
        totalRuns: 0,
        completed: 0,
        failed: 0,
        avgLatencyMs: null,
        p95LatencyMs: null,
        successRate: null,
      });
      expect(body.latencyDistribution).toEqual({ p95LatencyMs: null, runs: [] });
    });

    it('takes a single sample as its own P95', async () => {
      const { body } = await getSummary(tenantA, '?from=2026-12-01&to=2026-12-02');
      expect(body.kpis.p95LatencyMs).toBe(42);
      expect(body.kpis.avgLatencyMs).toBe(42);
      expect(body.kpis.successRate).toBe(1);
    });

    it('interpolates between two samples', async () => {
      const { body } = await getSummary(tenantA, '?from=2026-11-30&to=2026-12-01');
      // 10 + 0.95 * (20 - 10).
      expect(body.kpis.p95LatencyMs).toBeCloseTo(19.5, 10);
      expect(body.kpis.avgLatencyMs).toBe(15);
    });

    it('uses raw runs for 7 days and rollups for 8', async () => {
      const seven = await getSummary(tenantA, '?days=7');
      expect(seven.body.approximate).toBe(false);
      expect(seven.body.kpis.totalRuns).toBe(TODAY.length + SINGLE.length + TWO.length);

      const eight = await getSummary(tenantA, '?days=8');
      expect(eight.body.source).toBe('rollups');
      expect(eight.body.approximate).toBe(true);
      expect(eight.body.kpis.totalRuns).toBe(TODAY.length + SINGLE.length + TWO.length);
    });

    it('estimates P95 from histograms beyond the raw retention', async () => {
      const { body } = await getSummary(tenantA, '?from=2026-11-14&to=2026-11-15');
      expect(body.source).toBe('rollups');
      expect(body.approximate).toBe(true);
      expect(body.relativeErrorBound).toBeCloseTo(HISTOGRAM_ERROR_BOUND, 10);
      expect(body.kpis.totalRuns).toBe(100);
      expect(body.kpis.avgLatencyMs).toBeCloseTo(50.5, 10);
      // Exact P95 of 1..100: rank 0.95 * 99 = 94.05, so 95 + 0.05 * (96 - 95) = 95.05.
      const exact = 95.05;
      expect(Math.abs(body.kpis.p95LatencyMs - exact) / exact).toBeLessThanOrEqual(
        HISTOGRAM_ERROR_BOUND,
      );
      expect(body.latencyDistribution.runs).toEqual([]);
    });
  });

  describe('latency distribution', () => {
    it('lists recent runs newest first with the period P95', async () => {
      const { body } = await getSummary(tenantA, '?days=1');
      expect(body.latencyDistribution.p95LatencyMs).toBeCloseTo(88, 10);
      const runs = body.latencyDistribution.runs;
      expect(pluck(runs, 'latencyMs')).toEqual([100, 40, 30, 20, 10]);
      expect(runs[3]).toMatchObject({ status: 'failed', occurredAt: '2026-12-04T14:01:00.000Z' });
      expect(runs[0].id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('latency trend', () => {
    it('gives hourly P50 and P99 over 7 days up to this hour', async () => {
      const { body } = await getSummary(tenantA, '?days=1');
      const trend = body.latencyTrend;
      expect(trend.from).toBe('2026-11-28T00:00:00.000Z');
      expect(trend.to).toBe('2026-12-04T16:00:00.000Z');
      expect(trend.points).toHaveLength(6 * 24 + 16);
      expect(trend.approximate).toBe(false);
      expect(trend.coverageFrom).toBe('2026-11-30T06:00:00.000Z');

      const byHour = new Map(items(trend.points).map((point) => [point.hour, point]));
      // Today 14:00: ranks 2 and 3.96 of 10, 20, 30, 40, 100.
      expect(byHour.get('2026-12-04T14:00:00.000Z')).toEqual({
        hour: '2026-12-04T14:00:00.000Z',
        runs: 5,
        p50: 30,
        p99: expect.closeTo(97.6, 10),
      });
      // Two samples 10 and 20: 15 and 10 + 0.99 * 10.
      expect(byHour.get('2026-11-30T06:00:00.000Z')).toMatchObject({
        runs: 2,
        p50: 15,
        p99: expect.closeTo(19.9, 10),
      });
      expect(byHour.get('2026-12-04T13:00:00.000Z')).toEqual({
        hour: '2026-12-04T13:00:00.000Z',
        runs: 0,
        p50: null,
        p99: null,
      });
    });

    it('carries the annotations of its range', async () => {
      const { body } = await getSummary(tenantA, '?days=1');
      expect(body.latencyTrend.annotations).toEqual([
        expect.objectContaining({
          occurredAt: '2026-12-03T09:00:00.000Z',
          kind: 'policy_change',
          title: 'frequency cap 3/day',
          source: 'platform',
        }),
      ]);
    });

    it('estimates from rollups for an old window', async () => {
      const { body } = await getSummary(tenantA, '?from=2026-11-14&to=2026-11-15');
      const trend = body.latencyTrend;
      expect(trend.from).toBe('2026-11-08T00:00:00.000Z');
      expect(trend.to).toBe('2026-11-15T00:00:00.000Z');
      expect(trend.approximate).toBe(true);
      const point = findBy(trend.points, 'hour', '2026-11-14T10:00:00.000Z');
      expect(point?.runs).toBe(100);
      // Exact P50 of 1..100 is 50.5.
      expect(Math.abs(Number(point?.p50) - 50.5) / 50.5).toBeLessThanOrEqual(HISTOGRAM_ERROR_BOUND);
      expect(pluck(trend.annotations, 'title')).toEqual(['old policy']);
    });
  });

  describe('validation', () => {
    it.each([
      ['?days=0', 'days'],
      ['?days=abc', 'days'],
      ['?days=366', 'days'],
      ['?days=7&from=2026-12-01&to=2026-12-02', 'days'],
      ['?from=2026-12-01', 'to'],
      ['?from=2026-02-30&to=2026-03-02', 'from'],
    ])('rejects %s naming %s', async (query, field) => {
      const response = await getSummary(tenantA, query);
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
    });
  });

  describe('tenancy', () => {
    it("never shows another tenant's runs", async () => {
      const a = await getSummary(tenantA, '?days=1');
      expect(pluck(a.body.latencyDistribution.runs, 'latencyMs')).not.toContain(5000);

      const b = await getSummary(tenantB, '?days=1');
      expect(b.body.kpis.totalRuns).toBe(1);
      expect(b.body.kpis.p95LatencyMs).toBe(5000);
      expect(b.body.latencyTrend.annotations).toEqual([]);
    });
  });
});
