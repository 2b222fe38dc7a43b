import { sql } from 'drizzle-orm';

import { FixedClock } from '../core/clock.js';
import { resultRows, toNumber } from '../database/mapper.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { IngestLineRegistry } from '../write/ingest-line-registry.js';

const NOW = new Date('2026-12-04T12:00:00.000Z');

type StageResult = {
  stage: string;
  offerKey: string;
  passed: boolean;
  ruleId?: string;
  reason?: string;
};

function buildTrace(overrides: Record<string, unknown> = {}) {
  return {
    requestId: 'req-1',
    customerId: 'cust-1',
    flowKey: 'nba-main',
    channelKey: 'email',
    totalLatencyMs: 41.5,
    funnel: {
      initial: 4,
      afterQualification: 3,
      afterSuppression: 3,
      afterContactPolicy: 1,
      afterScoring: 1,
      final: 1,
    },
    stageResults: [
      { stage: 'qualification', offerKey: 'card-upgrade', passed: true },
      { stage: 'qualification', offerKey: 'loan-topup', passed: true },
      { stage: 'qualification', offerKey: 'savings-boost', passed: true },
      {
        stage: 'qualification',
        offerKey: 'travel-insurance',
        passed: false,
        ruleId: 'age_min',
        reason: 'age 17 below 18',
      },
      {
        stage: 'contactPolicy',
        offerKey: 'loan-topup',
        passed: false,
        ruleId: 'frequency_cap',
        reason: 'frequency_cap exceeded: 3/day at scope global',
      },
      {
        stage: 'contactPolicy',
        offerKey: 'savings-boost',
        passed: false,
        ruleId: 'frequency_cap',
        reason: 'frequency_cap exceeded: 3/day at scope global',
      },
      { stage: 'contactPolicy', offerKey: 'card-upgrade', passed: true },
    ] as StageResult[],
    scoringResults: [
      {
        offerKey: 'card-upgrade',
        modelKey: 'propensity-v3',
        score: 0.73,
        contributions: { tenure_months: 0.2 },
      },
    ],
    selectedOffers: ['card-upgrade'],
    experiment: { key: 'ranker-ab', variant: 'challenger' },
    degradedScoring: false,
    occurredAt: '2026-12-04T10:15:00Z',
    ...overrides,
  };
}

describe('decision traces', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp({ clock: new FixedClock(NOW) });
    tenantA = await testApp.createTenant('traces-a');
  });

  afterAll(async () => {
    await testApp.close();
  });

  function post(tenant: TestTenant, body: unknown) {
    return testApp.http
      .post('/api/v1/decision-traces')
      .set(bearer(tenant.keys.ingest))
      .send(body as object);
  }

  async function storedTraces(tenantId: string) {
    const result = await testApp.db.execute(sql`
      SELECT id, request_id, occurred_at, offer_keys, removal_tags, stage_results, initial_count, final_count
      FROM decision_traces WHERE tenant_id = ${tenantId} ORDER BY occurred_at, id`);
    return resultRows<Record<string, unknown>>(result).map((row) => ({
      id: row.id as string,
      requestId: row.request_id as string,
      occurredAt: new Date(row.occurred_at as string),
      offerKeys: row.offer_keys as string[],
      removalTags: row.removal_tags as string[],
      stageResults: row.stage_results as StageResult[],
      initialCount: toNumber(row.initial_count),
      finalCount: toNumber(row.final_count),
    }));
  }

  async function removalRollups(tenantId: string) {
    const result = await testApp.db.execute(sql`
      SELECT hour, stage, rule_id, offer_key, removed FROM trace_removal_rollups
      WHERE tenant_id = ${tenantId} ORDER BY hour, stage, rule_id, offer_key`);
    return resultRows<Record<string, unknown>>(result).map((row) => ({
      hour: new Date(row.hour as string).toISOString(),
      stage: row.stage as string,
      ruleId: row.rule_id as string,
      offerKey: row.offer_key as string,
      removed: toNumber(row.removed),
    }));
  }

  it('stores a trace with offer keys and removal tags', async () => {
    const response = await post(tenantA, buildTrace());

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      requestId: 'req-1',
      funnel: { initial: 4, final: 1 },
      offerKeys: ['card-upgrade', 'loan-topup', 'savings-boost', 'travel-insurance'],
      removalTags: ['contactPolicy:frequency_cap', 'qualification:age_min'],
      experiment: { key: 'ranker-ab', variant: 'challenger' },
      duplicate: false,
    });
    const [stored] = await storedTraces(tenantA.id);
    expect(stored.id).toBe(response.body.id);
    expect(stored.offerKeys).toEqual([
      'card-upgrade',
      'loan-topup',
      'savings-boost',
      'travel-insurance',
    ]);
    expect(stored.removalTags).toEqual(['contactPolicy:frequency_cap', 'qualification:age_min']);
    expect(stored.stageResults[4]).toEqual({
      stage: 'contactPolicy',
      offerKey: 'loan-topup',
      passed: false,
      ruleId: 'frequency_cap',
      reason: 'frequency_cap exceeded: 3/day at scope global',
    });
    expect(await removalRollups(tenantA.id)).toEqual([
      {
        hour: '2026-12-04T10:00:00.000Z',
        stage: 'contactPolicy',
        ruleId: 'frequency_cap',
        offerKey: 'loan-topup',
        removed: 1,
      },
      {
        hour: '2026-12-04T10:00:00.000Z',
        stage: 'contactPolicy',
        ruleId: 'frequency_cap',
        offerKey: 'savings-boost',
        removed: 1,
      },
      {
        hour: '2026-12-04T10:00:00.000Z',
        stage: 'qualification',
        ruleId: 'age_min',
        offerKey: 'travel-insurance',
        removed: 1,
      },
    ]);
  });

  it('finds traces through the GIN-indexed filters', async () => {
    const result = await testApp.db.execute(sql`
      SELECT count(*)::int AS n FROM decision_traces
      WHERE tenant_id = ${tenantA.id} AND removal_tags @> ARRAY['contactPolicy:frequency_cap']::text[]
        AND offer_keys @> ARRAY['loan-topup']::text[]`);
    expect(toNumber(resultRows<{ n: unknown }>(result)[0].n)).toBe(1);
  });

  it('keeps removal rollups equal to a recount of the stored stage results', async () => {
    const tenant = await testApp.createTenant('traces-recount');
    const offers = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'];
    const rules = ['age_min', 'frequency_cap', 'budget', 'opt_out'];
    const stages = ['qualification', 'suppression', 'contactPolicy', 'scoring'];
    const traces = Array.from({ length: 120 }, (_, index) => {
      const stageResults: StageResult[] = offers.map((offerKey, position) => {
        const removed = (index + position) % 3 === 0;
        return removed
          ? {
              stage: stages[(index + position) % 4],
              offerKey,
              passed: false,
              ruleId: rules[(index * position) % 4],
            }
          : { stage: 'qualification', offerKey, passed: true };
      });
      const removedCount = stageResults.filter((result) => !result.passed).length;
      const left = offers.length - removedCount;
      return buildTrace({
        requestId: `req-${index}`,
        occurredAt: new Date(NOW.getTime() - index * 1_000_000).toISOString(),
        funnel: {
          initial: 6,
          afterQualification: left,
          afterSuppression: left,
          afterContactPolicy: left,
          afterScoring: left,
          final: left,
        },
        stageResults,
        scoringResults: [],
        selectedOffers: [],
      });
    });
    const first = await post(tenant, traces.slice(0, 70));
    const second = await post(tenant, traces.slice(70));
    expect(first.body).toEqual({ accepted: 70, rejected: [] });
    expect(second.body).toEqual({ accepted: 50, rejected: [] });

    const recount = new Map<string, number>();
    for (const trace of await storedTraces(tenant.id)) {
      const hour = new Date(
        Math.floor(trace.occurredAt.getTime() / 3_600_000) * 3_600_000,
      ).toISOString();
      for (const result of trace.stageResults.filter((stageResult) => !stageResult.passed)) {
        const key = JSON.stringify([hour, result.stage, result.ruleId, result.offerKey]);
        recount.set(key, (recount.get(key) ?? 0) + 1);
      }
    }
    const rollups = await removalRollups(tenant.id);
    expect(rollups.length).toBe(recount.size);
    for (const row of rollups) {
      expect(row.removed).toBe(
        recount.get(JSON.stringify([row.hour, row.stage, row.ruleId, row.offerKey])),
      );
    }
  });

  it('answers 400 naming the field of an inconsistent trace', async () => {
    const tooMany = Array.from({ length: 501 }, (_, index) => ({
      stage: 'qualification',
      offerKey: `o${index}`,
      passed: true,
    }));
    const cases: [Record<string, unknown>, string][] = [
      [
        buildTrace({
          funnel: {
            initial: 4,
            afterQualification: 5,
            afterSuppression: 3,
            afterContactPolicy: 1,
            afterScoring: 1,
            final: 1,
          },
        }),
        'funnel.afterQualification',
      ],
      [buildTrace({ funnel: { initial: 4, afterQualification: 3 } }), 'funnel.afterSuppression'],
      [
        buildTrace({ stageResults: [{ stage: 'suppression', offerKey: 'x', passed: false }] }),
        'stageResults.0.ruleId',
      ],
      [
        buildTrace({ stageResults: [{ stage: 'ranking', offerKey: 'x', passed: true }] }),
        'stageResults.0.stage',
      ],
      [
        buildTrace({
          stageResults: [
            {
              stage: 'scoring',
              offerKey: 'x',
              passed: false,
              ruleId: 'r',
              reason: 'y'.repeat(501),
            },
          ],
        }),
        'stageResults.0.reason',
      ],
      [
        buildTrace({
          stageResults: [
            { stage: 'scoring', offerKey: 'x', passed: true },
            { stage: 'scoring', offerKey: 'x', passed: true },
          ],
        }),
        'stageResults.1.offerKey',
      ],
      [buildTrace({ stageResults: tooMany }), 'stageResults'],
      [
        buildTrace({
          scoringResults: [
            { offerKey: 'x', modelKey: 'm', score: 1, contributions: { a: 'high' } },
          ],
        }),
        'scoringResults.0.contributions',
      ],
      [
        buildTrace({
          funnel: {
            initial: 501,
            afterQualification: 0,
            afterSuppression: 0,
            afterContactPolicy: 0,
            afterScoring: 0,
            final: 0,
          },
        }),
        'funnel.initial',
      ],
      [buildTrace({ occurredAt: '2026-08-01T00:00:00Z' }), 'occurredAt'],
      [buildTrace({ customerId: undefined }), 'customerId'],
    ];
    for (const [body, field] of cases) {
      const response = await post(tenantA, body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(
        (response.body.error.details as { field: string }[]).map((detail) => detail.field),
      ).toContain(field);
    }
  });

  it('records a repeated idempotency key once', async () => {
    const tenant = await testApp.createTenant('traces-idempotent');
    const first = await post(tenant, buildTrace({ idempotencyKey: 'trace-1' }));
    const again = await post(tenant, buildTrace({ idempotencyKey: 'trace-1' }));
    expect(first.body.duplicate).toBe(false);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ duplicate: true, id: null });
    expect(await storedTraces(tenant.id)).toHaveLength(1);
    const removed = (await removalRollups(tenant.id)).reduce((sum, row) => sum + row.removed, 0);
    expect(removed).toBe(3);
  });

  it('records decision_trace NDJSON lines', async () => {
    const tenant = await testApp.createTenant('traces-ndjson');
    const handler = testApp.app.get(IngestLineRegistry).handler('decision_trace')!;
    const result = await handler(tenant.id, [
      { line: 1, data: buildTrace({ requestId: 'line-1' }) },
      {
        line: 2,
        data: buildTrace({
          funnel: {
            initial: 1,
            afterQualification: 2,
            afterSuppression: 0,
            afterContactPolicy: 0,
            afterScoring: 0,
            final: 0,
          },
        }),
      },
    ]);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toEqual([
      expect.objectContaining({ line: 2, field: 'data.funnel.afterQualification', value: 2 }),
    ]);
    expect((await storedTraces(tenant.id)).map((trace) => trace.requestId)).toEqual(['line-1']);
  });

  it('stores traces under the caller tenant only', async () => {
    const tenantB = await testApp.createTenant('traces-b');
    const tenantC = await testApp.createTenant('traces-c');
    await post(tenantB, buildTrace({ requestId: 'only-b' }));
    expect((await storedTraces(tenantB.id)).map((trace) => trace.requestId)).toEqual(['only-b']);
    expect(await storedTraces(tenantC.id)).toEqual([]);
    expect(await removalRollups(tenantC.id)).toEqual([]);
  });
});
