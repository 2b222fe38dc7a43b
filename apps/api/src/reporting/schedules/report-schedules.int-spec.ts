import { FixedClock } from '../../core/clock.js';
import { SchedulingService } from '../../scheduling/index.js';
import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';

// Chromium renders and app start-ups take seconds; the jest default of 5 s is too short.
jest.setTimeout(120_000);

interface RunBody {
  id: string;
  scheduleId: string | null;
  trigger: string;
  scheduledFor: string | null;
  status: string;
}

/**
 * Schedules fired through `POST /api/cron/tick` and the timer's tick with a pinned clock. The
 * expected instants were worked out by hand from the zones' offsets: Europe/Berlin is UTC+1
 * in winter and UTC+2 in summer (2026: from 03-29 01:00Z to 10-25 01:00Z), Asia/Kolkata is
 * UTC+05:30 and Asia/Kathmandu UTC+05:45.
 */
describe('report schedules firing', () => {
  let testApp: TestApp;
  let clock: FixedClock;

  async function tick(at: string): Promise<{ claimed: number; missed: number }> {
    clock.set(new Date(at));
    const response = await testApp.http
      .post('/api/cron/tick')
      .set(bearer(testApp.config.cronToken));
    expect(response.status).toBe(200);
    return response.body as { claimed: number; missed: number };
  }

  /** Creates a tenant with a Markdown template and one schedule on it, created at `at`. */
  async function scheduleAt(params: {
    tenantKey: string;
    at: string;
    cron: string;
    timeZone: string;
  }): Promise<{ tenant: TestTenant; scheduleId: string; nextRunAt: string }> {
    clock.set(new Date(params.at));
    const tenant = await testApp.createTenant(params.tenantKey);
    const template = await testApp.http
      .post('/api/v1/reports/templates')
      .set(bearer(tenant.keys.editor))
      .send({ name: params.tenantKey, dashboard: 'business', formats: ['markdown'] });
    expect(template.status).toBe(201);
    const schedule = await testApp.http
      .post('/api/v1/reports/schedules')
      .set(bearer(tenant.keys.editor))
      .send({ templateId: template.body.id, cron: params.cron, timeZone: params.timeZone });
    expect(schedule.status).toBe(201);
    return {
      tenant,
      scheduleId: schedule.body.id as string,
      nextRunAt: schedule.body.nextRunAt as string,
    };
  }

  async function runsOf(tenant: TestTenant): Promise<RunBody[]> {
    const response = await testApp.http
      .get('/api/v1/reports/runs?limit=200')
      .set(bearer(tenant.keys.viewer));
    expect(response.status).toBe(200);
    return (response.body.data as RunBody[]).sort((a, b) =>
      (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? ''),
    );
  }

  async function nextRunAt(tenant: TestTenant, scheduleId: string): Promise<string | null> {
    const response = await testApp.http
      .get(`/api/v1/reports/schedules/${scheduleId}`)
      .set(bearer(tenant.keys.viewer));
    return response.body.nextRunAt as string | null;
  }

  async function disable(tenant: TestTenant, scheduleId: string): Promise<void> {
    const response = await testApp.http
      .patch(`/api/v1/reports/schedules/${scheduleId}`)
      .set(bearer(tenant.keys.editor))
      .send({ enabled: false });
    expect(response.status).toBe(200);
    expect(response.body.nextRunAt).toBeNull();
  }

  beforeAll(async () => {
    clock = new FixedClock(new Date('2026-03-27T12:00:00.000Z'));
    testApp = await createTestApp({ clock });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('Berlin spring gap runs at 03:30', async () => {
    const {
      tenant,
      scheduleId,
      nextRunAt: first,
    } = await scheduleAt({
      tenantKey: 'dst-spring',
      at: '2026-03-27T12:00:00.000Z',
      cron: '30 2 * * *',
      timeZone: 'Europe/Berlin',
    });
    expect(first).toBe('2026-03-28T01:30:00.000Z');

    await tick('2026-03-28T01:29:00.000Z');
    expect(await runsOf(tenant)).toHaveLength(0);
    await tick('2026-03-28T01:31:00.000Z');
    expect(await nextRunAt(tenant, scheduleId)).toBe('2026-03-29T01:30:00.000Z');
    await tick('2026-03-29T01:31:00.000Z');
    expect(await nextRunAt(tenant, scheduleId)).toBe('2026-03-30T00:30:00.000Z');
    await tick('2026-03-30T00:31:00.000Z');

    const runs = await runsOf(tenant);
    expect(runs.map((run) => [run.scheduledFor, run.trigger, run.scheduleId])).toEqual([
      ['2026-03-28T01:30:00.000Z', 'tick', scheduleId],
      ['2026-03-29T01:30:00.000Z', 'tick', scheduleId],
      ['2026-03-30T00:30:00.000Z', 'tick', scheduleId],
    ]);
    await disable(tenant, scheduleId);
  });

  it('Berlin autumn change runs once', async () => {
    const {
      tenant,
      scheduleId,
      nextRunAt: first,
    } = await scheduleAt({
      tenantKey: 'dst-autumn',
      at: '2026-10-23T12:00:00.000Z',
      cron: '30 2 * * *',
      timeZone: 'Europe/Berlin',
    });
    expect(first).toBe('2026-10-24T00:30:00.000Z');

    await tick('2026-10-24T00:31:00.000Z');
    expect(await nextRunAt(tenant, scheduleId)).toBe('2026-10-25T00:30:00.000Z');
    await tick('2026-10-25T00:31:00.000Z');
    expect(await nextRunAt(tenant, scheduleId)).toBe('2026-10-26T01:30:00.000Z');
    const second = await tick('2026-10-25T01:31:00.000Z');
    expect(second.claimed).toBe(0);
    await tick('2026-10-26T01:31:00.000Z');

    const runs = await runsOf(tenant);
    expect(runs.map((run) => run.scheduledFor)).toEqual([
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
    await disable(tenant, scheduleId);
  });

  it('Kolkata and Kathmandu offsets', async () => {
    const kolkata = await scheduleAt({
      tenantKey: 'kolkata',
      at: '2026-12-05T00:00:00.000Z',
      cron: '0 9 * * *',
      timeZone: 'Asia/Kolkata',
    });
    const kathmandu = await scheduleAt({
      tenantKey: 'kathmandu',
      at: '2026-12-05T00:00:00.000Z',
      cron: '0 9 * * *',
      timeZone: 'Asia/Kathmandu',
    });
    expect(kolkata.nextRunAt).toBe('2026-12-05T03:30:00.000Z');
    expect(kathmandu.nextRunAt).toBe('2026-12-05T03:15:00.000Z');

    await tick('2026-12-05T03:16:00.000Z');
    expect((await runsOf(kathmandu.tenant)).map((run) => run.scheduledFor)).toEqual([
      '2026-12-05T03:15:00.000Z',
    ]);
    expect(await runsOf(kolkata.tenant)).toHaveLength(0);
    await tick('2026-12-05T03:31:00.000Z');
    expect((await runsOf(kolkata.tenant)).map((run) => run.scheduledFor)).toEqual([
      '2026-12-05T03:30:00.000Z',
    ]);
    expect(await runsOf(kathmandu.tenant)).toHaveLength(1);
    await disable(kolkata.tenant, kolkata.scheduleId);
    await disable(kathmandu.tenant, kathmandu.scheduleId);
  });

  it('downtime runs latest, records missed', async () => {
    const { tenant, scheduleId } = await scheduleAt({
      tenantKey: 'downtime',
      at: '2026-12-06T00:00:30.000Z',
      cron: '0 * * * *',
      timeZone: 'UTC',
    });
    const result = await tick('2026-12-06T05:10:00.000Z');
    expect(result.missed).toBe(4);

    const runs = await runsOf(tenant);
    expect(
      runs.map((run) => [run.scheduledFor, run.status === 'missed' ? 'missed' : 'ran']),
    ).toEqual([
      ['2026-12-06T01:00:00.000Z', 'missed'],
      ['2026-12-06T02:00:00.000Z', 'missed'],
      ['2026-12-06T03:00:00.000Z', 'missed'],
      ['2026-12-06T04:00:00.000Z', 'missed'],
      ['2026-12-06T05:00:00.000Z', 'ran'],
    ]);
    expect(await nextRunAt(tenant, scheduleId)).toBe('2026-12-06T06:00:00.000Z');
    await disable(tenant, scheduleId);
  });

  it('timer tick uses trigger schedule', async () => {
    const { tenant, scheduleId } = await scheduleAt({
      tenantKey: 'timer',
      at: '2026-12-07T00:00:00.000Z',
      cron: '15 6 * * *',
      timeZone: 'UTC',
    });
    clock.set(new Date('2026-12-07T06:16:00.000Z'));
    await testApp.app.get(SchedulingService).tick({ trigger: 'schedule', now: clock.now() });
    const runs = await runsOf(tenant);
    expect(runs.map((run) => [run.scheduledFor, run.trigger])).toEqual([
      ['2026-12-07T06:15:00.000Z', 'schedule'],
    ]);
    await disable(tenant, scheduleId);
  });

  it('timing change skips earlier occurrences', async () => {
    const { tenant, scheduleId } = await scheduleAt({
      tenantKey: 'changed',
      at: '2026-12-08T00:00:00.000Z',
      cron: '0 * * * *',
      timeZone: 'UTC',
    });
    clock.set(new Date('2026-12-08T05:30:00.000Z'));
    const changed = await testApp.http
      .patch(`/api/v1/reports/schedules/${scheduleId}`)
      .set(bearer(tenant.keys.editor))
      .send({ cron: '45 * * * *' });
    expect(changed.body.nextRunAt).toBe('2026-12-08T05:45:00.000Z');
    await tick('2026-12-08T05:46:00.000Z');
    const runs = await runsOf(tenant);
    expect(runs.map((run) => [run.scheduledFor, run.status === 'missed'])).toEqual([
      ['2026-12-08T05:45:00.000Z', false],
    ]);
    await disable(tenant, scheduleId);
  });
});
