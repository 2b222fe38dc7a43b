import { FixedClock } from '../core/clock.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { findBy, items, pluck } from './testing/json-lists.js';
import { passingCandidates, type TraceBody, traceBody } from './testing/trace-fixtures.js';

const NOW = new Date('2026-12-04T12:00:00Z');
const CAP_REASON = 'frequency_cap exceeded: 3/day at scope global';

const promoCapped = {
  offerKey: 'offer_summer_promo',
  removedAt: { stage: 'contactPolicy' as const, ruleId: 'frequency_cap', reason: CAP_REASON },
};

/** Five traces of tenant A, newest first: req-1 is the frequency-cap story. */
const TRACES: TraceBody[] = [
  {
    ...traceBody({
      occurredAt: '2026-12-04T10:00:00Z',
      requestId: 'req-1',
      customerId: 'cust-1',
      totalLatencyMs: 41,
      candidates: [
        promoCapped,
        { offerKey: 'card_upgrade' },
        {
          offerKey: 'travel_insurance',
          removedAt: { stage: 'qualification', ruleId: 'age_check', reason: 'age below 21' },
        },
      ],
      selected: ['card_upgrade'],
    }),
    experiment: { key: 'ranker-ab', variant: 'challenger' },
  } as TraceBody,
  traceBody({
    occurredAt: '2026-12-04T09:00:00Z',
    requestId: 'req-2',
    customerId: 'cust-1',
    totalLatencyMs: 35,
    candidates: [
      { offerKey: 'offer_summer_promo' },
      {
        offerKey: 'loan_topup',
        removedAt: { stage: 'qualification', ruleId: 'eligibility', reason: 'no account' },
      },
    ],
    selected: ['offer_summer_promo'],
  }),
  traceBody({
    occurredAt: '2026-12-04T08:00:00Z',
    requestId: 'req-3',
    customerId: 'cust-2',
    totalLatencyMs: 80,
    degradedScoring: true,
    candidates: [
      {
        offerKey: 'travel_insurance',
        removedAt: { stage: 'contactPolicy', ruleId: 'frequency_cap', reason: CAP_REASON },
      },
      ...passingCandidates('other', 2),
    ],
  }),
  traceBody({
    occurredAt: '2026-12-04T07:00:00Z',
    requestId: 'req-4',
    customerId: 'cust-3',
    totalLatencyMs: 20,
    candidates: [
      {
        offerKey: 'offer_summer_promo',
        removedAt: { stage: 'suppression', ruleId: 'recent_purchase', reason: 'bought 3 days ago' },
      },
    ],
  }),
  traceBody({
    occurredAt: '2026-12-02T07:00:00Z',
    requestId: 'req-5',
    customerId: '=cust-5',
    totalLatencyMs: 25,
    candidates: passingCandidates('plain', 1),
  }),
];

interface ListedTrace {
  id: string;
  requestId: string;
}

describe('decision trace explorer', () => {
  const clock = new FixedClock(NOW);
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  const idByRequest = new Map<string, string>();
  let tenantBTraceId: string;

  function list(tenant: TestTenant, query = '') {
    return testApp.http.get(`/api/v1/decision-traces${query}`).set(bearer(tenant.keys.viewer));
  }

  async function requestIds(query: string): Promise<string[]> {
    const response = await list(tenantA, query);
    expect(response.status).toBe(200);
    return pluck(response.body.data, 'requestId') as string[];
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('traces-a');
    tenantB = await testApp.createTenant('traces-b');
    for (const [tenant, traces] of [
      [tenantA, TRACES],
      [
        tenantB,
        [
          traceBody({
            occurredAt: '2026-12-04T11:00:00Z',
            requestId: 'req-b',
            customerId: 'cust-1',
            totalLatencyMs: 9,
            candidates: [promoCapped],
          }),
        ],
      ],
    ] as const) {
      const response = await testApp.http
        .post('/api/v1/decision-traces')
        .set(bearer(tenant.keys.ingest))
        .send(traces);
      expect(response.body.accepted).toBe(traces.length);
    }
    for (const trace of (await list(tenantA)).body.data as ListedTrace[]) {
      idByRequest.set(trace.requestId, trace.id);
    }
    tenantBTraceId = (await list(tenantB)).body.data[0].id;
  }, 60_000);

  afterAll(async () => {
    await testApp.close();
  });

  describe('list', () => {
    it('lists newest first with the total', async () => {
      const response = await list(tenantA);
      expect(pluck(response.body.data, 'requestId')).toEqual([
        'req-1',
        'req-2',
        'req-3',
        'req-4',
        'req-5',
      ]);
      expect(response.body.page).toEqual({ limit: 50, nextCursor: null, total: 5 });
      expect(response.body.data[0]).toMatchObject({
        customerId: 'cust-1',
        flowKey: 'nba-main',
        channelKey: 'email',
        totalLatencyMs: 41,
        funnel: {
          initial: 3,
          afterQualification: 2,
          afterSuppression: 2,
          afterContactPolicy: 1,
          afterScoring: 1,
          final: 1,
        },
        selectedOffers: ['card_upgrade'],
        removalTags: ['contactPolicy:frequency_cap', 'qualification:age_check'],
      });
    });

    it('pages with a keyset cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await list(tenantA, query);
        expect(response.body.data.length).toBeLessThanOrEqual(2);
        expect(response.body.page.total).toBe(5);
        seen.push(...(pluck(response.body.data, 'requestId') as string[]));
        cursor = response.body.page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['req-1', 'req-2', 'req-3', 'req-4', 'req-5']);
    });

    it.each([
      ['?customerId=cust-1', ['req-1', 'req-2']],
      ['?requestId=req-3', ['req-3']],
      ['?offerKey=offer_summer_promo', ['req-1', 'req-2', 'req-4']],
      ['?stage=contactPolicy&ruleId=frequency_cap', ['req-1', 'req-3']],
      ['?ruleId=frequency_cap', ['req-1', 'req-3']],
      ['?stage=suppression', ['req-4']],
      ['?stage=qualification&ruleId=frequency_cap', []],
      ['?stage=contactPolicy&ruleId=frequency_cap&offerKey=offer_summer_promo', ['req-1']],
      ['?from=2026-12-04T08:00:00Z&to=2026-12-04T10:00:00Z', ['req-2', 'req-3']],
      ['?from=2026-12-04T09:00:00%2B01:00', ['req-1', 'req-2', 'req-3']],
    ])('filters %s', async (query, expected) => {
      expect(await requestIds(query)).toEqual(expected);
      const response = await list(tenantA, query);
      expect(response.body.page.total).toBe(expected.length);
    });

    it.each([
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?stage=ranking', 'stage'],
      ['?from=yesterday', 'from'],
      ['?from=2026-12-04T10:00:00', 'from'],
      ['?from=2026-12-04T10:00:00Z&to=2026-12-04T09:00:00Z', 'to'],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['?format=xml', 'format'],
      ['?tenantId=x', 'tenantId'],
    ])('rejects %s naming %s', async (query, field) => {
      const response = await list(tenantA, query);
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
    });

    it("never lists another tenant's traces", async () => {
      const response = await list(tenantA, '?customerId=cust-1');
      expect(pluck(response.body.data, 'requestId')).not.toContain('req-b');
      const b = await list(tenantB);
      expect(b.body.page.total).toBe(1);
      expect(b.body.data[0].requestId).toBe('req-b');
    });
  });

  describe('detail', () => {
    it('shows the rule and reason that removed offer_summer_promo', async () => {
      const response = await testApp.http
        .get(`/api/v1/decision-traces/${idByRequest.get('req-1')}`)
        .set(bearer(tenantA.keys.viewer));
      expect(response.status).toBe(200);
      const promo = findBy(response.body.offers, 'offerKey', 'offer_summer_promo');
      expect(promo).toEqual({
        offerKey: 'offer_summer_promo',
        lastStage: 'contactPolicy',
        outcome: 'removed',
        removedAt: 'contactPolicy',
        ruleId: 'frequency_cap',
        reason: CAP_REASON,
        score: null,
        modelKey: null,
      });
    });

    it('gives the stage timeline, scores, selection and experiment', async () => {
      const { body } = await testApp.http
        .get(`/api/v1/decision-traces/${idByRequest.get('req-1')}`)
        .set(bearer(tenantA.keys.viewer));
      expect(items(body.timeline).map((stage) => [stage.in, stage.out])).toEqual([
        [3, 2],
        [2, 2],
        [2, 1],
        [1, 1],
      ]);
      expect(body.timeline[2].rules).toEqual([{ ruleId: 'frequency_cap', removed: 1 }]);
      expect(body.selectedOffers).toEqual(['card_upgrade']);
      expect(findBy(body.offers, 'offerKey', 'card_upgrade')).toMatchObject({
        outcome: 'selected',
        lastStage: 'scoring',
        score: 0.9,
      });
      expect(body.scoringResults).toEqual([
        { offerKey: 'card_upgrade', modelKey: 'propensity-v3', score: 0.9, contributions: null },
      ]);
      expect(body.experiment).toEqual({ key: 'ranker-ab', variant: 'challenger' });
    });

    it('marks degraded scoring on the scoring stage', async () => {
      const { body } = await testApp.http
        .get(`/api/v1/decision-traces/${idByRequest.get('req-3')}`)
        .set(bearer(tenantA.keys.viewer));
      expect(body.degradedScoring).toBe(true);
      expect(pluck(body.timeline, 'degraded')).toEqual([false, false, false, true]);
    });

    it("answers 404 for another tenant's trace like a missing one", async () => {
      const foreign = await testApp.http
        .get(`/api/v1/decision-traces/${tenantBTraceId}`)
        .set(bearer(tenantA.keys.viewer));
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe('not_found');
      const missing = await testApp.http
        .get('/api/v1/decision-traces/7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f')
        .set(bearer(tenantA.keys.viewer));
      expect(missing.status).toBe(404);
      expect(String(foreign.body.error.message).replace(tenantBTraceId, 'ID')).toBe(
        String(missing.body.error.message).replace('7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f', 'ID'),
      );
    });

    it('rejects an id that is not a UUID', async () => {
      const response = await testApp.http
        .get('/api/v1/decision-traces/not-a-uuid')
        .set(bearer(tenantA.keys.viewer));
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe('id');
    });
  });

  describe('CSV download', () => {
    it('streams every matching trace', async () => {
      const response = await list(tenantA, '?format=csv&offerKey=offer_summer_promo&limit=1');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="decision-traces.csv"',
      );
      expect(response.text.startsWith('\uFEFFid,occurredAt,requestId,customerId,')).toBe(true);
      const records = response.text
        .slice(1)
        .split('\r\n')
        .filter((line) => line.length > 0);
      expect(records).toHaveLength(4);
      expect(records[1]).toContain(
        ',req-1,cust-1,nba-main,email,41,3,2,2,1,1,1,card_upgrade,false,',
      );
      expect(records.map((record) => record.split(',')[2])).toEqual([
        'requestId',
        'req-1',
        'req-2',
        'req-4',
      ]);
    });

    it('neutralises formula text', async () => {
      const response = await list(tenantA, '?format=csv&requestId=req-5');
      expect(response.text).toContain(",req-5,'=cust-5,");
    });

    it('rejects an invalid filter before streaming', async () => {
      const response = await list(tenantA, '?format=csv&stage=ranking');
      expect(response.status).toBe(400);
    });

    it('streams past the first page of 1,000 traces', async () => {
      const tenant = await testApp.createTenant('traces-many');
      const traces = Array.from({ length: 2_001 }, (_, index) =>
        traceBody({
          occurredAt: new Date(NOW.getTime() - (index + 1) * 1_000).toISOString(),
          requestId: `bulk-${index}`,
          customerId: 'bulk',
          totalLatencyMs: 1,
          candidates: passingCandidates('one', 1),
        }),
      );
      const posted = await testApp.http
        .post('/api/v1/decision-traces')
        .set(bearer(tenant.keys.ingest))
        .send(traces);
      expect(posted.body.accepted).toBe(2_001);

      const response = await list(tenant, '?format=csv');
      const records = response.text
        .slice(1)
        .split('\r\n')
        .filter((line) => line.length > 0);
      const requestIdsInCsv = records.slice(1).map((record) => record.split(',')[2]);
      expect(requestIdsInCsv).toHaveLength(2_001);
      expect(new Set(requestIdsInCsv).size).toBe(2_001);
      expect(requestIdsInCsv[0]).toBe('bulk-0');
      expect(requestIdsInCsv[2_000]).toBe('bulk-2000');
    }, 60_000);

    it("never contains another tenant's traces", async () => {
      const response = await list(tenantB, '?format=csv');
      expect(response.text).toContain('req-b');
      expect(response.text).not.toContain('req-1');
    });
  });
});
