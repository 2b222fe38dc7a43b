import { sql } from 'drizzle-orm';

import { FixedClock } from '../core/clock.js';
import { resultRows, toNumber } from '../database/mapper.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { IngestLineRegistry } from '../write/ingest-line-registry.js';
import { LATENCY_BUCKET_COUNT, latencyBucketIndex } from './latency-histogram.js';

const NOW = new Date('2026-12-04T12:00:00.000Z');

interface RollupRow {
  hour: string;
  flowKey: string;
  channelKey: string;
  completed: number;
  failed: number;
  latencySumMs: number;
  latencyMaxMs: number;
  histogram: number[];
}

function buildRun(overrides: Record<string, unknown> = {}) {
  return {
    flowKey: 'nba-main',
    channelKey: 'email',
    status: 'completed',
    latencyMs: 40,
    occurredAt: '2026-12-04T10:15:00Z',
    ...overrides,
  };
}

describe('decision runs', () => {
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp({ clock: new FixedClock(NOW) });
    tenantA = await testApp.createTenant('runs-a');
    tenantB = await testApp.createTenant('runs-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function rawRuns(tenantId: string) {
    const result = await testApp.db.execute(sql`
      SELECT id, flow_key, channel_key, status, latency_ms, occurred_at, request_id
      FROM decision_runs WHERE tenant_id = ${tenantId} ORDER BY occurred_at, id`);
    return resultRows<Record<string, unknown>>(result).map((row) => ({
      id: row.id as string,
      flowKey: row.flow_key as string,
      channelKey: row.channel_key as string,
      status: row.status as string,
      latencyMs: toNumber(row.latency_ms),
      occurredAt: new Date(row.occurred_at as string),
      requestId: row.request_id as string | null,
    }));
  }

  async function rollups(tenantId: string): Promise<RollupRow[]> {
    const result = await testApp.db.execute(sql`
      SELECT hour, flow_key, channel_key, completed, failed, latency_sum_ms, latency_max_ms, histogram
      FROM decision_run_rollups WHERE tenant_id = ${tenantId} ORDER BY hour, flow_key, channel_key`);
    return resultRows<Record<string, unknown>>(result).map((row) => ({
      hour: new Date(row.hour as string).toISOString(),
      flowKey: row.flow_key as string,
      channelKey: row.channel_key as string,
      completed: toNumber(row.completed),
      failed: toNumber(row.failed),
      latencySumMs: toNumber(row.latency_sum_ms),
      latencyMaxMs: toNumber(row.latency_max_ms),
      histogram: (row.histogram as unknown[]).map(toNumber),
    }));
  }

  function post(tenant: TestTenant, body: unknown) {
    return testApp.http
      .post('/api/v1/decision-runs')
      .set(bearer(tenant.keys.ingest))
      .send(body as object);
  }

  describe('single object', () => {
    it('stores a raw row and counts it in the hourly rollup', async () => {
      const response = await post(tenantA, buildRun({ latencyMs: 1, requestId: 'req-1' }));

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        flowKey: 'nba-main',
        channelKey: 'email',
        status: 'completed',
        latencyMs: 1,
        occurredAt: '2026-12-04T10:15:00.000Z',
        requestId: 'req-1',
        rawStored: true,
        duplicate: false,
      });
      const raw = await rawRuns(tenantA.id);
      expect(raw.map((run) => run.id)).toEqual([response.body.id]);
      const [rollup] = await rollups(tenantA.id);
      expect(rollup).toMatchObject({
        hour: '2026-12-04T10:00:00.000Z',
        completed: 1,
        failed: 0,
        latencySumMs: 1,
        latencyMaxMs: 1,
      });
      // 1 ms lies in (0.9765625, 1.220703125], bucket 4.
      expect(rollup.histogram).toHaveLength(LATENCY_BUCKET_COUNT);
      expect(rollup.histogram[4]).toBe(1);
      expect(rollup.histogram.reduce((sum, count) => sum + count, 0)).toBe(1);
    });

    it('defaults occurredAt to now and channelKey to none', async () => {
      const response = await post(tenantB, { flowKey: 'nba-main', status: 'failed', latencyMs: 7 });
      expect(response.status).toBe(201);
      expect(response.body.occurredAt).toBe(NOW.toISOString());
      expect(response.body.channelKey).toBeNull();
    });

    it('answers 400 naming the invalid field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [buildRun({ latencyMs: -1 }), 'latencyMs'],
        [buildRun({ status: 'ok' }), 'status'],
        [buildRun({ flowKey: '' }), 'flowKey'],
        [buildRun({ occurredAt: '2026-12-04T10:15:00' }), 'occurredAt'],
        [buildRun({ occurredAt: '2026-12-04T14:00:00Z' }), 'occurredAt'],
        [buildRun({ occurredAt: '2025-10-01T00:00:00Z' }), 'occurredAt'],
        [buildRun({ extra: 1 }), 'extra'],
      ];
      for (const [body, field] of cases) {
        const response = await post(tenantA, body);
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(response.body.error.details[0].field).toBe(field);
        expect(response.body.error.message).toContain(field);
      }
    });

    it('records a repeated idempotency key once', async () => {
      const before = await rollups(tenantB.id);
      const first = await post(tenantB, buildRun({ idempotencyKey: 'run-key-1', latencyMs: 3 }));
      const again = await post(tenantB, buildRun({ idempotencyKey: 'run-key-1', latencyMs: 3 }));
      const viaHeader = await post(tenantB, buildRun({ latencyMs: 3 })).set(
        'Idempotency-Key',
        'run-key-1',
      );

      expect(first.status).toBe(201);
      expect(first.body.duplicate).toBe(false);
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ duplicate: true, id: null });
      expect(viaHeader.body).toMatchObject({ duplicate: true, id: null });
      const added =
        (await rollups(tenantB.id)).reduce((sum, row) => sum + row.completed, 0) -
        before.reduce((sum, row) => sum + row.completed, 0);
      expect(added).toBe(1);
    });

    it('rejects a header key that differs from the body key', async () => {
      const response = await post(tenantB, buildRun({ idempotencyKey: 'a' })).set(
        'Idempotency-Key',
        'b',
      );
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe('Idempotency-Key');
    });
  });

  describe('raw retention', () => {
    let tenant: TestTenant;

    beforeAll(async () => {
      tenant = await testApp.createTenant('runs-retention');
    });

    it('stores only the last 7 UTC days raw', async () => {
      const response = await post(tenant, [
        // 2026-11-28 is the first of the 7 retained days ending 2026-12-04.
        buildRun({ occurredAt: '2026-11-28T00:00:00Z', latencyMs: 10 }),
        buildRun({ occurredAt: '2026-11-27T23:59:59.999Z', latencyMs: 20 }),
        buildRun({ occurredAt: '2026-11-20T08:30:00Z', latencyMs: 30, status: 'failed' }),
      ]);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ accepted: 3, rejected: [] });
      const raw = await rawRuns(tenant.id);
      expect(raw.map((run) => run.occurredAt.toISOString())).toEqual(['2026-11-28T00:00:00.000Z']);
      const rows = await rollups(tenant.id);
      expect(
        rows.map(({ hour, completed, failed, latencySumMs }) => ({
          hour,
          completed,
          failed,
          latencySumMs,
        })),
      ).toEqual([
        { hour: '2026-11-20T08:00:00.000Z', completed: 0, failed: 1, latencySumMs: 30 },
        { hour: '2026-11-27T23:00:00.000Z', completed: 1, failed: 0, latencySumMs: 20 },
        { hour: '2026-11-28T00:00:00.000Z', completed: 1, failed: 0, latencySumMs: 10 },
      ]);
    });

    it('answers a single old run with rawStored false', async () => {
      const response = await post(tenant, buildRun({ occurredAt: '2026-11-01T00:00:00Z' }));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ id: null, rawStored: false, duplicate: false });
    });
  });

  describe('batches', () => {
    let tenant: TestTenant;

    beforeAll(async () => {
      tenant = await testApp.createTenant('runs-batch');
    });

    it('keeps raw rows and rollups in agreement', async () => {
      const runs = Array.from({ length: 600 }, (_, index) =>
        buildRun({
          flowKey: index % 3 === 0 ? 'nba-main' : 'retention-flow',
          channelKey: index % 4 === 0 ? undefined : 'push',
          status: index % 7 === 0 ? 'failed' : 'completed',
          latencyMs: ((index * 37) % 5000) / 7,
          occurredAt: new Date(NOW.getTime() - (index % 50) * 1_234_567).toISOString(),
        }),
      );
      const first = await post(tenant, runs.slice(0, 350));
      const second = await post(tenant, runs.slice(350));
      expect(first.body.accepted).toBe(350);
      expect(second.body.accepted).toBe(250);

      const raw = await rawRuns(tenant.id);
      expect(raw).toHaveLength(600);
      const expected = new Map<string, RollupRow>();
      for (const run of raw) {
        const hour = new Date(
          Math.floor(run.occurredAt.getTime() / 3_600_000) * 3_600_000,
        ).toISOString();
        const key = `${hour}|${run.flowKey}|${run.channelKey}`;
        const row = expected.get(key) ?? {
          hour,
          flowKey: run.flowKey,
          channelKey: run.channelKey,
          completed: 0,
          failed: 0,
          latencySumMs: 0,
          latencyMaxMs: 0,
          histogram: new Array<number>(LATENCY_BUCKET_COUNT).fill(0),
        };
        row[run.status === 'completed' ? 'completed' : 'failed'] += 1;
        row.latencySumMs += run.latencyMs;
        row.latencyMaxMs = Math.max(row.latencyMaxMs, run.latencyMs);
        row.histogram[latencyBucketIndex(run.latencyMs)] += 1;
        expected.set(key, row);
      }
      const stored = await rollups(tenant.id);
      expect(stored).toHaveLength(expected.size);
      for (const row of stored) {
        const want = expected.get(`${row.hour}|${row.flowKey}|${row.channelKey}`)!;
        expect({ ...row, latencySumMs: undefined }).toEqual({ ...want, latencySumMs: undefined });
        expect(row.latencySumMs).toBeCloseTo(want.latencySumMs, 6);
      }
    });

    it('records valid items and lists rejected ones', async () => {
      const response = await post(tenant, [
        buildRun({ idempotencyKey: 'dup' }),
        buildRun({ latencyMs: 'fast' }),
        buildRun({ idempotencyKey: 'dup' }),
        'not an object',
      ]);
      expect(response.status).toBe(200);
      expect(response.body.accepted).toBe(2);
      expect(response.body.rejected).toEqual([
        {
          index: 1,
          field: 'latencyMs',
          value: 'fast',
          reason: 'must be a number from 0 to 3600000',
        },
        { index: 3, field: 'item', value: 'not an object', reason: 'must be a JSON object' },
      ]);
    });

    it('answers 400 when no item is valid', async () => {
      const response = await post(tenant, [buildRun({ status: 'x' }), buildRun({ latencyMs: -5 })]);
      expect(response.status).toBe(400);
      expect(
        (response.body.error.details as { index: number; field: string }[]).map((detail) => [
          detail.index,
          detail.field,
        ]),
      ).toEqual([
        [0, 'status'],
        [1, 'latencyMs'],
      ]);
    });
  });

  describe('NDJSON lines', () => {
    it('records decision_run lines and reports rejections by line', async () => {
      const tenant = await testApp.createTenant('runs-ndjson');
      const handler = testApp.app.get(IngestLineRegistry).handler('decision_run')!;
      const result = await handler(tenant.id, [
        { line: 3, data: buildRun() },
        { line: 4, data: buildRun({ status: 'broken' }) },
        { line: 7, data: buildRun({ latencyMs: 12 }) },
      ]);
      expect(result).toEqual({
        accepted: 2,
        rejected: [
          {
            line: 4,
            field: 'data.status',
            value: 'broken',
            reason: 'must be one of completed, failed',
          },
        ],
      });
      expect(await rawRuns(tenant.id)).toHaveLength(2);
    });
  });

  describe('tenant isolation', () => {
    it('stores rows under the caller tenant only', async () => {
      const tenantC = await testApp.createTenant('runs-c');
      const tenantD = await testApp.createTenant('runs-d');
      await post(tenantC, buildRun({ flowKey: 'only-c' }));

      expect((await rawRuns(tenantC.id)).map((run) => run.flowKey)).toEqual(['only-c']);
      expect(await rawRuns(tenantD.id)).toEqual([]);
      expect(await rollups(tenantD.id)).toEqual([]);
    });

    it('scopes idempotency keys to the tenant', async () => {
      const tenantE = await testApp.createTenant('runs-e');
      const tenantF = await testApp.createTenant('runs-f');
      const inE = await post(tenantE, buildRun({ idempotencyKey: 'shared-key' }));
      const inF = await post(tenantF, buildRun({ idempotencyKey: 'shared-key' }));
      expect(inE.body.duplicate).toBe(false);
      expect(inF.body.duplicate).toBe(false);
      expect(await rawRuns(tenantF.id)).toHaveLength(1);
    });
  });
});
