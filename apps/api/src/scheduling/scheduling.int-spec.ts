import type { NestExpressApplication } from '@nestjs/platform-express';
import { SchedulerRegistry } from '@nestjs/schedule';
import { sql } from 'drizzle-orm';
import request from 'supertest';

import { createApp } from '../app/create-app.js';
import { FixedClock } from '../core/clock.js';
import { resultRows, toNumber } from '../database/mapper.js';
import { PartitionService } from '../database/partitions.js';
import { bearer, createTestApp, type TestApp } from '../test-support/test-app.js';
import { testConfig } from '../test-support/test-config.js';
import type {
  DueSchedule,
  ScheduleOccurrence,
  ScheduleProgress,
  ScheduleSource,
} from './schedule-source.js';
import { ScheduleSourceRegistry } from './schedule-source.registry.js';
import { SchedulingService } from './scheduling.service.js';

const CRON_TOKEN = 'test-cron-token-0123456789';
const TENANT = '7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f';
const MINUTE_MS = 60_000;

/** A schedule source kept in memory, recording what the tick asked of it. */
class MemorySource implements ScheduleSource {
  readonly schedules = new Map<string, DueSchedule & { nextRunAt: Date | null }>();
  readonly runs: ScheduleOccurrence[] = [];
  readonly missed: ScheduleOccurrence[] = [];
  /** False makes the source forget progress, so every tick plans from the same point. */
  persist = true;
  /** False makes the source list nothing, so later tests on the same app see only their own. */
  active = true;
  failing = new Set<string>();

  constructor(readonly kind: string) {}

  add(
    schedule: Omit<DueSchedule, 'tenantId' | 'lastScheduledFor'> & {
      lastScheduledFor?: Date | null;
    },
  ): void {
    this.schedules.set(schedule.scheduleId, {
      tenantId: TENANT,
      lastScheduledFor: null,
      nextRunAt: null,
      ...schedule,
    });
  }

  listDue(now: Date): Promise<DueSchedule[]> {
    if (!this.active) {
      return Promise.resolve([]);
    }
    const due = [...this.schedules.values()].filter(
      (schedule) => !schedule.nextRunAt || schedule.nextRunAt <= now,
    );
    return Promise.resolve(due.map((schedule) => ({ ...schedule })));
  }

  run(occurrence: ScheduleOccurrence): Promise<void> {
    this.runs.push(occurrence);
    if (this.failing.has(occurrence.scheduleId)) {
      return Promise.reject(new Error(`report ${occurrence.scheduleId} failed to render`));
    }
    return Promise.resolve();
  }

  saveProgress(progress: ScheduleProgress): Promise<void> {
    const schedule = this.schedules.get(progress.scheduleId);
    if (this.persist && schedule) {
      const last = schedule.lastScheduledFor;
      schedule.lastScheduledFor =
        last && last > progress.lastScheduledFor ? last : progress.lastScheduledFor;
      schedule.nextRunAt = progress.nextRunAt;
    }
    return Promise.resolve();
  }

  recordMissed(occurrences: ScheduleOccurrence[]): Promise<void> {
    this.missed.push(...occurrences);
    return Promise.resolve();
  }
}

function iso(dates: { scheduledFor: Date }[]): string[] {
  return dates.map((occurrence) => occurrence.scheduledFor.toISOString());
}

async function occurrenceRows(testApp: TestApp, kind: string) {
  const result = await testApp.db.execute(sql`
    SELECT schedule_id, scheduled_for, status, error, claimed_by FROM schedule_occurrences
    WHERE schedule_kind = ${kind} ORDER BY schedule_id, scheduled_for`);
  return resultRows<Record<string, unknown>>(result).map((row) => ({
    scheduleId: row.schedule_id as string,
    scheduledFor: new Date(row.scheduled_for as string).toISOString(),
    status: row.status as string,
    error: row.error as string | null,
    claimedBy: row.claimed_by as string,
  }));
}

describe('scheduling tick', () => {
  let testApp: TestApp;
  let clock: FixedClock;
  let scheduling: SchedulingService;

  beforeAll(async () => {
    clock = new FixedClock(new Date('2026-03-26T12:00:00Z'));
    testApp = await createTestApp({ clock });
    scheduling = testApp.app.get(SchedulingService);
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** Ticks every `stepMinutes` from `from` (inclusive) to `to` (exclusive). */
  async function tickThrough(from: string, to: string, stepMinutes: number): Promise<void> {
    for (let at = Date.parse(from); at < Date.parse(to); at += stepMinutes * MINUTE_MS) {
      clock.set(new Date(at));
      await scheduling.tick({ trigger: 'schedule', now: new Date(at) });
    }
  }

  describe('daylight saving in Europe/Berlin', () => {
    it('runs a daily 02:30 schedule once a day across the spring change', async () => {
      const source = new MemorySource('dst-spring');
      source.add({
        scheduleId: 'daily',
        cron: '30 2 * * *',
        timeZone: 'Europe/Berlin',
        createdAt: new Date('2026-03-26T12:00:00Z'),
      });
      testApp.app.get(ScheduleSourceRegistry).register(source);

      await tickThrough('2026-03-26T12:00:00Z', '2026-03-31T00:00:00Z', 30);

      // CET (+01:00) until 2026-03-29 01:00Z; 02:30 does not exist that day and runs at 03:30 CEST.
      expect(iso(source.runs)).toEqual([
        '2026-03-27T01:30:00.000Z',
        '2026-03-28T01:30:00.000Z',
        '2026-03-29T01:30:00.000Z',
        '2026-03-30T00:30:00.000Z',
      ]);
      for (const run of source.runs) {
        expect(run.tickAt.toISOString()).toBe(run.scheduledFor.toISOString());
      }
      expect(source.missed).toEqual([]);
      expect(source.schedules.get('daily')!.nextRunAt!.toISOString()).toBe(
        '2026-03-31T00:30:00.000Z',
      );
      source.active = false;
    }, 60_000);

    it('runs a daily 02:30 schedule once a day across the autumn change', async () => {
      const source = new MemorySource('dst-autumn');
      source.add({
        scheduleId: 'daily',
        cron: '30 2 * * *',
        timeZone: 'Europe/Berlin',
        createdAt: new Date('2026-10-23T12:00:00Z'),
      });
      testApp.app.get(ScheduleSourceRegistry).register(source);

      await tickThrough('2026-10-23T12:00:00Z', '2026-10-28T00:00:00Z', 30);

      // CEST (+02:00) until 2026-10-25 01:00Z; the doubled 02:30 runs at its first occurrence.
      expect(iso(source.runs)).toEqual([
        '2026-10-24T00:30:00.000Z',
        '2026-10-25T00:30:00.000Z',
        '2026-10-26T01:30:00.000Z',
        '2026-10-27T01:30:00.000Z',
      ]);
      const rows = await occurrenceRows(testApp, 'dst-autumn');
      expect(rows.map((row) => [row.scheduledFor, row.status])).toEqual([
        ['2026-10-24T00:30:00.000Z', 'succeeded'],
        ['2026-10-25T00:30:00.000Z', 'succeeded'],
        ['2026-10-26T01:30:00.000Z', 'succeeded'],
        ['2026-10-27T01:30:00.000Z', 'succeeded'],
      ]);
      source.active = false;
    }, 60_000);
  });

  describe('downtime', () => {
    it('runs the most recent occurrence once and records earlier ones as missed', async () => {
      const source = new MemorySource('downtime');
      source.add({
        scheduleId: 'hourly',
        cron: '0 * * * *',
        timeZone: 'UTC',
        createdAt: new Date('2026-06-01T00:10:00Z'),
      });
      testApp.app.get(ScheduleSourceRegistry).register(source);

      await scheduling.tick({ trigger: 'schedule', now: new Date('2026-06-01T00:20:00Z') });
      expect(source.runs).toEqual([]);
      const result = await scheduling.tick({
        trigger: 'tick',
        now: new Date('2026-06-01T05:10:00Z'),
      });

      expect(result).toMatchObject({ claimed: 1, succeeded: 1, failed: 0 });
      expect(result.missed).toBe(4);
      expect(iso(source.runs)).toEqual(['2026-06-01T05:00:00.000Z']);
      expect(source.runs[0].trigger).toBe('tick');
      expect(iso(source.missed)).toEqual([
        '2026-06-01T01:00:00.000Z',
        '2026-06-01T02:00:00.000Z',
        '2026-06-01T03:00:00.000Z',
        '2026-06-01T04:00:00.000Z',
      ]);
      const rows = await occurrenceRows(testApp, 'downtime');
      expect(rows.map((row) => row.status)).toEqual([
        'missed',
        'missed',
        'missed',
        'missed',
        'succeeded',
      ]);
      source.active = false;
    });

    it('never runs or records an occurrence twice when progress is stale', async () => {
      const source = new MemorySource('stale');
      source.persist = false;
      source.add({
        scheduleId: 'hourly',
        cron: '0 * * * *',
        timeZone: 'UTC',
        createdAt: new Date('2026-06-01T00:10:00Z'),
      });
      testApp.app.get(ScheduleSourceRegistry).register(source);

      const first = await scheduling.tick({
        trigger: 'schedule',
        now: new Date('2026-06-01T03:10:00Z'),
      });
      const second = await scheduling.tick({
        trigger: 'tick',
        now: new Date('2026-06-01T03:10:00Z'),
      });

      expect(first).toMatchObject({ claimed: 1, missed: 2 });
      expect(second).toMatchObject({ claimed: 0, missed: 0 });
      expect(iso(source.runs)).toEqual(['2026-06-01T03:00:00.000Z']);
      expect(source.missed).toHaveLength(2);
      source.active = false;
    });
  });

  describe('failures', () => {
    it('records a failed run and keeps running the other schedules', async () => {
      const source = new MemorySource('failures');
      source.add({
        scheduleId: 'broken',
        cron: '0 * * * *',
        timeZone: 'UTC',
        createdAt: new Date('2026-07-01T00:30:00Z'),
      });
      source.add({
        scheduleId: 'healthy',
        cron: '0 * * * *',
        timeZone: 'UTC',
        createdAt: new Date('2026-07-01T00:30:00Z'),
      });
      source.add({
        scheduleId: 'bad-cron',
        cron: '61 * * * *',
        timeZone: 'UTC',
        createdAt: new Date('2026-07-01T00:30:00Z'),
      });
      source.failing.add('broken');
      let unreachable = true;
      const unlistable: ScheduleSource = {
        kind: 'unlistable',
        listDue: () =>
          unreachable
            ? Promise.reject(new Error('schedule table unreachable'))
            : Promise.resolve([]),
        run: () => Promise.resolve(),
        saveProgress: () => Promise.resolve(),
      };
      const registry = testApp.app.get(ScheduleSourceRegistry);
      registry.register(source);
      registry.register(unlistable);

      const result = await scheduling.tick({
        trigger: 'tick',
        now: new Date('2026-07-01T01:00:30Z'),
      });

      expect(result).toMatchObject({ claimed: 2, succeeded: 1, failed: 1, errors: 2 });
      const rows = await occurrenceRows(testApp, 'failures');
      expect(rows.map(({ scheduleId, status, error }) => ({ scheduleId, status, error }))).toEqual([
        { scheduleId: 'broken', status: 'failed', error: 'report broken failed to render' },
        { scheduleId: 'healthy', status: 'succeeded', error: null },
      ]);
      source.active = false;
      unreachable = false;
    });
  });

  describe('POST /api/cron/tick', () => {
    it('answers 401 without the cron token or with a wrong one', async () => {
      const tenant = await testApp.createTenant('tick-auth');
      const missing = await testApp.http.post('/api/cron/tick');
      const wrong = await testApp.http
        .post('/api/cron/tick')
        .set(bearer('not-the-cron-token-0123'));
      const apiKey = await testApp.http.post('/api/cron/tick').set(bearer(tenant.keys.admin));
      for (const response of [missing, wrong, apiKey]) {
        expect(response.status).toBe(401);
        expect(response.body.error.code).toBe('unauthorized');
      }
    });

    it('ticks with the cron token and reports what it did', async () => {
      clock.set(new Date('2026-08-01T09:00:00Z'));
      const source = new MemorySource('http-tick');
      source.add({
        scheduleId: 'every-5',
        cron: '*/5 * * * *',
        timeZone: 'UTC',
        createdAt: new Date('2026-08-01T08:52:00Z'),
      });
      testApp.app.get(ScheduleSourceRegistry).register(source);

      const response = await testApp.http.post('/api/cron/tick').set(bearer(CRON_TOKEN));

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        trigger: 'tick',
        now: '2026-08-01T09:00:00.000Z',
        schedules: 3,
        claimed: 1,
        missed: 1,
        succeeded: 1,
        failed: 0,
        errors: 0,
      });
      expect(iso(source.runs)).toEqual(['2026-08-01T09:00:00.000Z']);
      expect(iso(source.missed)).toEqual(['2026-08-01T08:55:00.000Z']);
    });
  });
});

describe('system jobs', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ clock: new FixedClock(now) });
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function count(query: ReturnType<typeof sql>): Promise<number> {
    return toNumber(resultRows<{ n: unknown }>(await testApp.db.execute(query))[0].n);
  }

  async function partitionExists(name: string): Promise<boolean> {
    return (
      (await count(sql`SELECT count(*)::int AS n FROM pg_class WHERE relname = ${name}`)) === 1
    );
  }

  it('creates partitions ahead and removes expired data on the first tick', async () => {
    const tenant = await testApp.createTenant('retention');
    await testApp.app
      .get(PartitionService)
      .ensureDays('decision_runs', ['2026-11-20', '2026-11-28']);
    // 2026-11-10 has no day partition, so its row lands in the default partition.
    await testApp.db.execute(sql`
      INSERT INTO decision_runs (tenant_id, occurred_at, flow_key, status, latency_ms) VALUES
        (${tenant.id}, '2026-11-20T10:00:00Z', 'expired', 'completed', 5),
        (${tenant.id}, '2026-11-10T10:00:00Z', 'expired-default', 'completed', 5),
        (${tenant.id}, '2026-11-28T00:00:00Z', 'kept', 'completed', 5)`);
    await testApp.db.execute(sql`
      INSERT INTO decision_run_rollups (tenant_id, hour, flow_key, channel_key, completed, histogram) VALUES
        (${tenant.id}, '2025-10-30T23:00:00Z', 'expired', '', 1, '{}'),
        (${tenant.id}, '2025-10-31T00:00:00Z', 'kept', '', 1, '{}')`);
    await testApp.db.execute(sql`
      INSERT INTO interaction_summaries (tenant_id, day, customer_id, offer_key, channel_key) VALUES
        (${tenant.id}, '2025-12-04', 'c1', 'expired', ''),
        (${tenant.id}, '2025-12-05', 'c1', 'kept', '')`);

    const result = await testApp.app.get(SchedulingService).tick({ trigger: 'schedule', now });

    expect(result.failed).toBe(0);
    // Both jobs are due once: the most recent 00:05 and 00:20 UTC of the day before `now`.
    const jobs = await occurrenceRows(testApp, 'system');
    expect(
      jobs.map(({ scheduleId, scheduledFor, status }) => [scheduleId, scheduledFor, status]),
    ).toEqual([
      ['partitions', '2026-12-04T00:05:00.000Z', 'succeeded'],
      ['retention', '2026-12-04T00:20:00.000Z', 'succeeded'],
    ]);
    expect(await partitionExists('decision_runs_p20261211')).toBe(true);
    expect(await partitionExists('decision_runs_p20261120')).toBe(false);
    expect(await partitionExists('decision_runs_p20261128')).toBe(true);
    const flows = resultRows<{ flow_key: string }>(
      await testApp.db.execute(
        sql`SELECT flow_key FROM decision_runs WHERE tenant_id = ${tenant.id}`,
      ),
    );
    expect(flows.map((row) => row.flow_key)).toEqual(['kept']);
    const rollups = resultRows<{ flow_key: string }>(
      await testApp.db.execute(
        sql`SELECT flow_key FROM decision_run_rollups WHERE tenant_id = ${tenant.id}`,
      ),
    );
    expect(rollups.map((row) => row.flow_key)).toEqual(['kept']);
    const summaries = resultRows<{ offer_key: string }>(
      await testApp.db.execute(
        sql`SELECT offer_key FROM interaction_summaries WHERE tenant_id = ${tenant.id}`,
      ),
    );
    expect(summaries.map((row) => row.offer_key)).toEqual(['kept']);

    const again = await testApp.app.get(SchedulingService).tick({ trigger: 'schedule', now });
    expect(again.claimed).toBe(0);
  });
});

describe('two app instances on one database', () => {
  const now = new Date('2026-06-01T12:02:00Z');
  let first: TestApp;
  let second: NestExpressApplication;

  beforeAll(async () => {
    first = await createTestApp({ clock: new FixedClock(now) });
    second = await createApp(testConfig(first.databaseUrl), { clock: new FixedClock(now) });
    await second.init();
  });

  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('claims every due occurrence exactly once under concurrent ticks', async () => {
    const source = new MemorySource('race');
    // Forgetting progress makes every tick plan the same occurrences, so they all compete.
    source.persist = false;
    for (let index = 0; index < 60; index++) {
      source.add({
        scheduleId: `s${index}`,
        cron: '*/5 * * * *',
        timeZone: 'UTC',
        createdAt: new Date('2026-06-01T11:02:00Z'),
      });
    }
    first.app.get(ScheduleSourceRegistry).register(source);
    second.get(ScheduleSourceRegistry).register(source);
    const agents = [first.http, request(second.getHttpServer())];

    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        agents[index % 2].post('/api/cron/tick').set(bearer(CRON_TOKEN)),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(new Array(8).fill(200));
    // Each schedule: 12:00 is due, 11:05 to 11:55 (11) are missed.
    expect(source.runs).toHaveLength(60);
    expect(new Set(source.runs.map((run) => run.scheduleId)).size).toBe(60);
    expect(new Set(iso(source.runs))).toEqual(new Set(['2026-06-01T12:00:00.000Z']));
    expect(source.missed).toHaveLength(660);
    expect(
      new Set(
        source.missed.map(
          (occurrence) => `${occurrence.scheduleId}@${occurrence.scheduledFor.toISOString()}`,
        ),
      ).size,
    ).toBe(660);

    const rows = await occurrenceRows(first, 'race');
    expect(rows).toHaveLength(720);
    expect(rows.filter((row) => row.status === 'succeeded')).toHaveLength(60);
    expect(rows.filter((row) => row.status === 'missed')).toHaveLength(660);
    const systemRows = await occurrenceRows(first, 'system');
    expect(systemRows.map((row) => row.scheduleId)).toEqual(['partitions', 'retention']);
  }, 60_000);

  it('runs the timer only in in-process mode', async () => {
    expect(first.app.get(SchedulerRegistry).getTimeouts()).toEqual([]);
    const timed = await createApp(testConfig(first.databaseUrl, { reportScheduler: 'in-process' }));
    await timed.init();
    try {
      expect(timed.get(SchedulerRegistry).getTimeouts()).toEqual(['scheduling-first-tick']);
    } finally {
      await timed.close();
    }
  });
});
