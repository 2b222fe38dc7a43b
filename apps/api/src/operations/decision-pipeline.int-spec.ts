import { FixedClock } from '../core/clock.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { pluck } from './testing/json-lists.js';
import {
  passingCandidates,
  removedCandidates,
  STAGES,
  type TraceBody,
  traceBody,
} from './testing/trace-fixtures.js';

const NOW = new Date('2026-12-04T12:00:00Z');
const FUNNEL_KEYS = [
  'initial',
  'afterQualification',
  'afterSuppression',
  'afterContactPolicy',
  'afterScoring',
] as const;
const LEAVING = {
  qualification: 'afterQualification',
  suppression: 'afterSuppression',
  contactPolicy: 'afterContactPolicy',
  scoring: 'afterScoring',
} as const;
const ENTERING = {
  qualification: 'initial',
  suppression: 'afterQualification',
  contactPolicy: 'afterSuppression',
  scoring: 'afterContactPolicy',
} as const;

/** Four traces inside the last 24 hours (one exactly at its start) and one just before it. */
const LARGE = traceBody({
  occurredAt: '2026-12-04T11:10:00Z',
  requestId: 'req-large',
  customerId: 'cust-1',
  totalLatencyMs: 40,
  candidates: [
    {
      offerKey: 'offer_summer_promo',
      removedAt: {
        stage: 'contactPolicy',
        ruleId: 'frequency_cap',
        reason: 'frequency_cap exceeded: 3/day at scope global',
      },
    },
    ...removedCandidates('ineligible', 4, { stage: 'qualification', ruleId: 'eligibility' }),
    ...removedCandidates('bought', 2, { stage: 'suppression', ruleId: 'recent_purchase' }),
    ...removedCandidates('capped', 41, { stage: 'contactPolicy', ruleId: 'frequency_cap' }),
    ...passingCandidates('kept', 2),
  ],
  selected: ['kept_1'],
});
const SMALL = traceBody({
  occurredAt: '2026-12-04T09:05:00Z',
  requestId: 'req-small',
  customerId: 'cust-2',
  totalLatencyMs: 50,
  candidates: passingCandidates('small', 2),
});
const MIDDLE = traceBody({
  occurredAt: '2026-12-03T20:30:00Z',
  requestId: 'req-middle',
  customerId: 'cust-3',
  totalLatencyMs: 60,
  candidates: [
    ...removedCandidates('ineligible', 5, { stage: 'qualification', ruleId: 'eligibility' }),
    ...removedCandidates('low', 1, { stage: 'scoring', ruleId: 'min_score' }),
    ...passingCandidates('mid', 4),
  ],
});
const AT_START = traceBody({
  occurredAt: '2026-12-03T12:00:00Z',
  requestId: 'req-start',
  customerId: 'cust-4',
  totalLatencyMs: 100,
  candidates: [
    ...removedCandidates('night', 3, { stage: 'contactPolicy', ruleId: 'quiet_hours' }),
    ...passingCandidates('day', 3),
  ],
});
const BEFORE = traceBody({
  occurredAt: '2026-12-03T11:59:59Z',
  requestId: 'req-before',
  customerId: 'cust-5',
  totalLatencyMs: 1000,
  candidates: removedCandidates('old', 8, { stage: 'qualification', ruleId: 'eligibility' }),
});
const LAST_24H = [LARGE, SMALL, MIDDLE, AT_START];

/** Funnel sums, computed here from the posted bodies. */
function sumsOf(traces: TraceBody[]) {
  const sums = Object.fromEntries(FUNNEL_KEYS.map((key) => [key, 0])) as Record<
    (typeof FUNNEL_KEYS)[number],
    number
  >;
  for (const trace of traces) {
    for (const key of FUNNEL_KEYS) {
      sums[key] += trace.funnel[key];
    }
  }
  return sums;
}

/** Removals per stage and rule from the bodies' stage results, in the endpoint's order. */
function topRulesOf(traces: TraceBody[]) {
  const counts = new Map<string, { stage: string; ruleId: string; removed: number }>();
  for (const trace of traces) {
    for (const result of trace.stageResults.filter((entry) => !entry.passed)) {
      const key = `${result.stage}:${result.ruleId}`;
      const entry = counts.get(key) ?? { stage: result.stage, ruleId: result.ruleId!, removed: 0 };
      entry.removed += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      STAGES.indexOf(a.stage as never) - STAGES.indexOf(b.stage as never) ||
      b.removed - a.removed ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

describe('GET /api/v1/dashboards/decision-pipeline', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  async function postTraces(tenant: TestTenant, traces: TraceBody[]) {
    const response = await testApp.http
      .post('/api/v1/decision-traces')
      .set(bearer(tenant.keys.ingest))
      .send(traces);
    expect(response.status).toBe(200);
    expect(response.body.accepted).toBe(traces.length);
  }

  function getPipeline(tenant: TestTenant, query = '') {
    return testApp.http
      .get(`/api/v1/dashboards/decision-pipeline${query}`)
      .set(bearer(tenant.keys.viewer));
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('pipeline-a');
    tenantB = await testApp.createTenant('pipeline-b');
    await postTraces(tenantA, [...LAST_24H, BEFORE]);
    await postTraces(tenantB, [
      traceBody({
        occurredAt: '2026-12-04T10:00:00Z',
        requestId: 'req-b',
        customerId: 'cust-b',
        totalLatencyMs: 7,
        candidates: removedCandidates('b', 30, { stage: 'suppression', ruleId: 'tenant_b_rule' }),
      }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await testApp.close();
  });

  beforeEach(() => clock.set(NOW));

  it('echoes the default 24-hour window', async () => {
    const response = await getPipeline(tenantA);
    expect(response.status).toBe(200);
    expect(response.body.windowHours).toBe(24);
    expect(response.body.window).toEqual({
      from: '2026-12-03T12:00:00.000Z',
      to: '2026-12-04T12:00:00.000Z',
    });
    expect(response.body.traceCount).toBe(4);
  });

  it('averages the funnel over the traces', async () => {
    const { body } = await getPipeline(tenantA, '?windowHours=24');
    const sums = sumsOf(LAST_24H);
    for (const key of FUNNEL_KEYS) {
      expect(body.funnel[key]).toBeCloseTo(sums[key] / LAST_24H.length, 10);
    }
    // By hand: (50 + 2 + 10 + 6) / 4 and (2 + 2 + 5 + 3) / 4.
    expect(body.funnel.initial).toBe(17);
    expect(body.funnel.afterContactPolicy).toBe(3);
  });

  it('computes filter rates as ratios of sums', async () => {
    const { body } = await getPipeline(tenantA, '?windowHours=24');
    const sums = sumsOf(LAST_24H);
    for (const stage of STAGES) {
      const rate = body.filterRates[stage];
      const leaving = sums[LEAVING[stage]];
      const entering = sums[ENTERING[stage]];
      expect(rate.cumulative).toBeCloseTo((sums.initial - leaving) / sums.initial, 10);
      expect(rate.stage).toBeCloseTo((entering - leaving) / entering, 10);
    }
    // Contact policy by hand: (68 - 12) / 68 = 0.8235, red; a mean of per-trace ratios
    // would give (48/50 + 0 + 5/10 + 3/6) / 4 = 0.49, green.
    expect(body.filterRates.contactPolicy.cumulative).toBeCloseTo(56 / 68, 10);
    expect(body.filterRates.contactPolicy.band).toBe('red');
    expect(body.filterRates.qualification.band).toBe('green');
  });

  it('gives total-latency percentiles by linear interpolation', async () => {
    const { body } = await getPipeline(tenantA, '?windowHours=24');
    // Latencies 40, 50, 60, 100: P50 at rank 1.5, P95 at 2.85, P99 at 2.97 (0-based).
    expect(body.durationMs.p50).toBeCloseTo(55, 10);
    expect(body.durationMs.p95).toBeCloseTo(94, 10);
    expect(body.durationMs.p99).toBeCloseTo(98.8, 10);
  });

  it('lists top removing rules per stage', async () => {
    const { body } = await getPipeline(tenantA, '?windowHours=24');
    expect(body.topRules).toEqual(topRulesOf(LAST_24H));
    expect(body.topRules).toContainEqual({
      stage: 'contactPolicy',
      ruleId: 'frequency_cap',
      removed: 42,
    });
    expect(body.topRulesWindow).toEqual({
      from: '2026-12-03T12:00:00.000Z',
      to: '2026-12-04T12:00:00.000Z',
    });
  });

  it('widens to 48 hours', async () => {
    const { body } = await getPipeline(tenantA, '?windowHours=48');
    const traces = [...LAST_24H, BEFORE];
    expect(body.windowHours).toBe(48);
    expect(body.traceCount).toBe(5);
    expect(body.funnel.initial).toBeCloseTo(sumsOf(traces).initial / 5, 10);
    expect(body.topRules).toEqual(topRulesOf(traces));
  });

  it('leaves the partial first hour out of top rules', async () => {
    const tenant = await testApp.createTenant('pipeline-partial');
    clock.set(new Date('2026-12-04T12:30:00Z'));
    await postTraces(tenant, [
      traceBody({
        occurredAt: '2026-12-04T11:40:00Z',
        requestId: 'req-partial',
        customerId: 'cust-p',
        totalLatencyMs: 10,
        candidates: removedCandidates('p', 2, { stage: 'qualification', ruleId: 'early_rule' }),
      }),
      traceBody({
        occurredAt: '2026-12-04T12:10:00Z',
        requestId: 'req-full',
        customerId: 'cust-p',
        totalLatencyMs: 20,
        candidates: removedCandidates('f', 1, { stage: 'qualification', ruleId: 'late_rule' }),
      }),
    ]);

    const { body } = await getPipeline(tenant, '?windowHours=1');
    expect(body.traceCount).toBe(2);
    expect(body.topRules).toEqual([{ stage: 'qualification', ruleId: 'late_rule', removed: 1 }]);
    expect(body.topRulesWindow.from).toBe('2026-12-04T12:00:00.000Z');
  });

  it('gives every key as null without traces', async () => {
    const tenant = await testApp.createTenant('pipeline-empty');
    const response = await getPipeline(tenant);
    expect(response.status).toBe(200);
    const rate = { cumulative: null, stage: null, band: null };
    expect(response.body).toMatchObject({
      windowHours: 24,
      traceCount: 0,
      durationMs: { p50: null, p95: null, p99: null },
      funnel: {
        initial: null,
        afterQualification: null,
        afterSuppression: null,
        afterContactPolicy: null,
        afterScoring: null,
      },
      filterRates: { qualification: rate, suppression: rate, contactPolicy: rate, scoring: rate },
      topRules: [],
    });
  });

  it.each([
    ['0', 'must be at least 1'],
    ['169', 'must be at most 168'],
    ['1.5', 'must be an integer from 1 to 168'],
    ['abc', 'must be an integer from 1 to 168'],
  ])('rejects windowHours=%s', async (value, reason) => {
    const response = await getPipeline(tenantA, `?windowHours=${value}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_parameter');
    expect(response.body.error.message).toBe('windowHours must be an integer from 1 to 168');
    expect(response.body.error.details).toEqual([{ field: 'windowHours', value, reason }]);
  });

  it('rejects an unknown parameter', async () => {
    const response = await getPipeline(tenantA, '?hours=5');
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe('hours');
  });

  it("never counts another tenant's traces", async () => {
    const a = await getPipeline(tenantA);
    expect(pluck(a.body.topRules, 'ruleId')).not.toContain('tenant_b_rule');
    const b = await getPipeline(tenantB);
    expect(b.body.traceCount).toBe(1);
    expect(b.body.funnel.initial).toBe(30);
    expect(b.body.topRules).toEqual([
      { stage: 'suppression', ruleId: 'tenant_b_rule', removed: 30 },
    ]);
  });
});
