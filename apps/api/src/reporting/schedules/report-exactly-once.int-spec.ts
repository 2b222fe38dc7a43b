import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';

import { createApp } from '../../app/create-app.js';
import { FixedClock } from '../../core/clock.js';
import { SchedulingService } from '../../scheduling/index.js';
import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';
import { testConfig } from '../../test-support/test-config.js';

// Chromium renders and app start-ups take seconds; the jest default of 5 s is too short.
jest.setTimeout(120_000);

const CREATED_AT = new Date('2026-12-05T10:01:00.000Z');
const SCHEDULES_PER_TENANT = 15;
const TICKS_PER_INSTANCE = 3;

interface OccurrenceCount {
  schedule_id: string;
  scheduled_for: Date;
  runs: number;
}

/**
 * Two app instances on one PostgreSQL database, each firing the HTTP tick several times and
 * its timer's tick once, all at the same moment: every due occurrence must get one run.
 */
describe('report schedules fire exactly once', () => {
  let first: TestApp;
  let second: NestExpressApplication;
  let secondHttp: TestAgent;
  const clocks = [new FixedClock(CREATED_AT), new FixedClock(CREATED_AT)];
  const tenants: TestTenant[] = [];
  const scheduleIds: string[] = [];

  async function query<T extends pg.QueryResultRow>(
    text: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    const client = new pg.Client({ connectionString: first.databaseUrl });
    await client.connect();
    try {
      return (await client.query<T>(text, params)).rows;
    } finally {
      await client.end();
    }
  }

  async function fireEverywhere(at: string): Promise<number> {
    for (const clock of clocks) {
      clock.set(new Date(at));
    }
    const token = bearer(first.config.cronToken);
    const httpTicks = [first.http, secondHttp].flatMap((http) =>
      Array.from({ length: TICKS_PER_INSTANCE }, () => http.post('/api/cron/tick').set(token)),
    );
    const timerTicks = [first.app, second].map((app) =>
      app.get(SchedulingService).tick({ trigger: 'schedule', now: new Date(at) }),
    );
    const [responses, timerResults] = await Promise.all([
      Promise.all(httpTicks),
      Promise.all(timerTicks),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(200);
    }
    const httpClaims = responses.reduce(
      (sum, response) => sum + (response.body.claimed as number),
      0,
    );
    return httpClaims + timerResults.reduce((sum, result) => sum + result.claimed, 0);
  }

  async function waitForRuns(scheduledFor: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [row] = await query<{ open: number }>(
        `SELECT count(*)::int AS open FROM report_runs WHERE scheduled_for = $1 AND status IN ('queued', 'running')`,
        [scheduledFor],
      );
      if (row.open === 0) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`${row.open} runs for ${scheduledFor} still open`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function runsPerOccurrence(scheduledFor: string): Promise<Map<string, number>> {
    const rows = await query<OccurrenceCount>(
      `SELECT schedule_id, scheduled_for, count(*)::int AS runs FROM report_runs
       WHERE scheduled_for = $1 GROUP BY schedule_id, scheduled_for`,
      [scheduledFor],
    );
    return new Map(rows.map((row) => [row.schedule_id, row.runs]));
  }

  beforeAll(async () => {
    first = await createTestApp({ clock: clocks[0] });
    second = await createApp(testConfig(first.databaseUrl), { clock: clocks[1] });
    await second.init();
    secondHttp = request(second.getHttpServer());
    for (const key of ['once-a', 'once-b']) {
      const tenant = await first.createTenant(key);
      tenants.push(tenant);
      for (let index = 0; index < SCHEDULES_PER_TENANT; index++) {
        const template = await first.http
          .post('/api/v1/reports/templates')
          .set(bearer(tenant.keys.editor))
          .send({ name: `${key}-${index}`, dashboard: 'business', formats: ['markdown'] });
        const schedule = await first.http
          .post('/api/v1/reports/schedules')
          .set(bearer(tenant.keys.editor))
          .send({ templateId: template.body.id, cron: '*/10 * * * *', timeZone: 'UTC' });
        expect(schedule.status).toBe(201);
        scheduleIds.push(schedule.body.id as string);
      }
    }
  });

  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it.each(['2026-12-05T10:10:00.000Z', '2026-12-05T10:20:00.000Z'])(
    'gives the occurrence at %s one run per schedule',
    async (occurrence) => {
      const tickAt = new Date(new Date(occurrence).getTime() + 30_000).toISOString();
      // The sum also counts the scheduling module's own system jobs, so it is only a lower bound.
      const claimed = await fireEverywhere(tickAt);
      expect(claimed).toBeGreaterThanOrEqual(scheduleIds.length);
      await waitForRuns(occurrence);

      const runs = await runsPerOccurrence(occurrence);
      expect([...runs.keys()].sort()).toEqual([...scheduleIds].sort());
      expect([...runs.values()].every((count) => count === 1)).toBe(true);
      const claims = await query<{ claims: number }>(
        `SELECT count(*)::int AS claims FROM schedule_occurrences
         WHERE schedule_kind = 'report' AND scheduled_for = $1 AND status <> 'missed'`,
        [occurrence],
      );
      expect(claims[0].claims).toBe(scheduleIds.length);
      const failed = await query<{ failed: number }>(
        `SELECT count(*)::int AS failed FROM report_runs WHERE scheduled_for = $1 AND status <> 'succeeded'`,
        [occurrence],
      );
      expect(failed[0].failed).toBe(0);
    },
  );

  it('lists each tenant only its own runs', async () => {
    for (const tenant of tenants) {
      const response = await first.http
        .get('/api/v1/reports/runs?limit=200')
        .set(bearer(tenant.keys.viewer));
      expect(response.body.page.total).toBe(SCHEDULES_PER_TENANT * 2);
    }
  });
});
