import { createHash, createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import pg from 'pg';

import { FixedClock } from '../../core/clock.js';
import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';
import { ReportingSettings } from '../reporting-settings.js';
import { LocalHttpReceiver, LocalSmtpServer, mailParts } from '../testing/local-receivers.js';
import { binaryParser, pdfToText, seedBusinessData } from '../testing/report-test-data.js';

// Chromium renders and app start-ups take seconds; the jest default of 5 s is too short.
jest.setTimeout(120_000);

const NOW = new Date('2026-12-05T10:15:00.000Z');
const SMTP_LOGIN = { username: 'mailer', password: 'smtp-secret-pass' };
const WEBHOOK_SECRET = 'hook-secret-0123';
const FILE_BASE = 'business-2026-11-29-2026-12-06';

interface RunBody {
  id: string;
  templateId: string;
  scheduleId: string | null;
  trigger: string;
  scheduledFor: string | null;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  artifacts: { format: string; bytes: number; sha256: string }[];
  deliveries: {
    destinationId: string;
    type: string;
    status: string;
    attempts: number;
    error: string | null;
  }[];
}

describe('report templates, Run Now and deliveries', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let settings: ReportingSettings;
  let receiver: LocalHttpReceiver;
  let smtp: LocalSmtpServer;
  let smtpPort: number;
  let templateId: string;
  let scheduleId: string;

  const editor = () => bearer(tenant.keys.editor);
  const viewer = () => bearer(tenant.keys.viewer);

  async function waitForRun(
    runId: string,
    done: (run: RunBody) => boolean = isFinished,
  ): Promise<RunBody> {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const response = await testApp.http.get(`/api/v1/reports/runs/${runId}`).set(viewer());
      expect(response.status).toBe(200);
      const run = response.body as RunBody;
      if (done(run)) {
        return run;
      }
      if (Date.now() > deadline) {
        throw new Error(`run ${runId} did not finish: ${JSON.stringify(run)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function destinations() {
    return [
      {
        type: 'email',
        name: 'Finance',
        host: '127.0.0.1',
        port: smtpPort,
        secure: false,
        from: 'reports@kaireon.test',
        to: ['ops@example.com', 'cfo@example.com'],
        username: SMTP_LOGIN.username,
        password: SMTP_LOGIN.password,
      },
      { type: 'webhook', name: 'Data lake', url: receiver.url('/hook'), secret: WEBHOOK_SECRET },
      { type: 'slack', name: 'Team channel', webhookUrl: receiver.url('/slack') },
      { type: 'directory', name: 'Archive', path: 'weekly' },
    ];
  }

  beforeAll(async () => {
    receiver = new LocalHttpReceiver();
    await receiver.start();
    smtp = new LocalSmtpServer(SMTP_LOGIN);
    smtpPort = await smtp.start();
    testApp = await createTestApp({ clock: new FixedClock(NOW) });
    settings = testApp.app.get(ReportingSettings);
    settings.deliveryBackoffMs = 20;
    settings.exportsPerMinute = 1_000;
    tenant = await testApp.createTenant('deliveries-a');
    await seedBusinessData(testApp, tenant, '2026-12-03');
  });

  afterAll(async () => {
    await testApp.close();
    await receiver.stop();
    await smtp.stop();
  });

  describe('templates', () => {
    it('creates a template and reads it back', async () => {
      const created = await testApp.http
        .post('/api/v1/reports/templates')
        .set(editor())
        .send({
          name: 'Weekly business review',
          dashboard: 'business',
          filters: { days: 7, from: null, to: null, segmentId: null, windowHours: null },
          formats: ['pdf', 'csv'],
          timeZone: 'Europe/Berlin',
        });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name: 'Weekly business review',
        dashboard: 'business',
        filters: { days: 7 },
        formats: ['pdf', 'csv'],
        timeZone: 'Europe/Berlin',
        createdBy: 'deliveries-a-editor',
      });
      expect(Object.keys(created.body.filters)).toEqual(['days']);
      templateId = created.body.id as string;

      const fetched = await testApp.http
        .get(`/api/v1/reports/templates/${templateId}`)
        .set(viewer());
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(created.body);
    });

    it('pages the template list', async () => {
      const second = await testApp.http
        .post('/api/v1/reports/templates')
        .set(editor())
        .send({ name: 'Daily CSV', dashboard: 'business', formats: ['csv'] });
      expect(second.status).toBe(201);
      expect(second.body.timeZone).toBe('UTC');
      const first = await testApp.http.get('/api/v1/reports/templates?limit=1').set(viewer());
      expect(first.body.page.total).toBe(2);
      expect(first.body.data).toHaveLength(1);
      const next = await testApp.http
        .get(`/api/v1/reports/templates?limit=1&cursor=${first.body.page.nextCursor as string}`)
        .set(viewer());
      expect(next.body.data).toHaveLength(1);
      expect(next.body.page.nextCursor).toBeNull();
      expect(new Set([first.body.data[0].id, next.body.data[0].id]).size).toBe(2);
    });

    it('updates fields and keeps the others', async () => {
      const response = await testApp.http
        .patch(`/api/v1/reports/templates/${templateId}`)
        .set(editor())
        .send({ name: 'Weekly review' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: 'Weekly review',
        formats: ['pdf', 'csv'],
        filters: { days: 7 },
      });
    });

    it.each([
      [{ formats: [] }, 'formats'],
      [{ formats: ['pdf', 'pdf'] }, 'formats'],
      [{ formats: ['xlsx'] }, 'formats'],
      [{ timeZone: 'Berlin' }, 'timeZone'],
      [{ name: '   ' }, 'name'],
      [{ filters: { days: 400 } }, 'filters.days'],
      [{ filters: { days: 3, from: '2026-11-01', to: '2026-11-02' } }, 'filters.days'],
    ])('rejects %j naming the field', async (change, field) => {
      const response = await testApp.http
        .post('/api/v1/reports/templates')
        .set(editor())
        .send({ name: 'Bad', dashboard: 'business', formats: ['csv'], ...change });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
    });

    it('records audit events for template changes', async () => {
      const response = await testApp.http
        .get('/api/v1/admin/audit-events?limit=50')
        .set(bearer(tenant.keys.admin));
      const actions = (response.body.data as { action: string; targetId: string }[])
        .filter((event) => event.targetId === templateId)
        .map((event) => event.action);
      expect(actions).toEqual(['report_template.updated', 'report_template.created']);
    });
  });

  describe('schedules', () => {
    it('creates a schedule with every destination type and never returns secrets', async () => {
      const response = await testApp.http.post('/api/v1/reports/schedules').set(editor()).send({
        templateId,
        cron: '0 8 * * 1',
        timeZone: 'Europe/Berlin',
        destinations: destinations(),
      });
      expect(response.status).toBe(201);
      scheduleId = response.body.id as string;
      expect(response.body.nextRunAt).toBe('2026-12-07T07:00:00.000Z');
      expect(response.body.enabled).toBe(true);
      const [email, webhook, slack, directory] = response.body.destinations;
      expect(email).toMatchObject({
        type: 'email',
        username: 'mailer',
        secretSet: true,
        to: ['ops@example.com', 'cfo@example.com'],
      });
      expect(webhook).toMatchObject({
        type: 'webhook',
        url: receiver.url('/hook'),
        secretSet: true,
      });
      expect(slack).toEqual({ id: slack.id, type: 'slack', name: 'Team channel', secretSet: true });
      expect(directory).toMatchObject({ type: 'directory', path: 'weekly', secretSet: false });
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(SMTP_LOGIN.password);
      expect(text).not.toContain(WEBHOOK_SECRET);
      expect(text).not.toContain('/slack');
      expect(text).not.toContain('Sealed');
    });

    it('stores secrets encrypted', async () => {
      const client = new pg.Client({ connectionString: testApp.databaseUrl });
      await client.connect();
      try {
        const result = await client.query<{ destinations: string }>(
          'SELECT destinations::text AS destinations FROM report_schedules WHERE id = $1',
          [scheduleId],
        );
        const stored = result.rows[0].destinations;
        expect(stored).not.toContain(SMTP_LOGIN.password);
        expect(stored).not.toContain(WEBHOOK_SECRET);
        expect(stored).not.toContain('/slack');
        expect(stored).toMatch(/"passwordSealed": "v1:/);
      } finally {
        await client.end();
      }
    });

    it('keeps stored secrets when an update leaves them out', async () => {
      const current = await testApp.http
        .get(`/api/v1/reports/schedules/${scheduleId}`)
        .set(viewer());
      const resent = (current.body.destinations as Record<string, unknown>[]).map((item) => {
        const { secretSet: _secretSet, ...rest } = item;
        return rest;
      });
      const response = await testApp.http
        .patch(`/api/v1/reports/schedules/${scheduleId}`)
        .set(editor())
        .send({ destinations: resent, cron: '0 9 * * 1' });
      expect(response.status).toBe(200);
      expect(response.body.nextRunAt).toBe('2026-12-07T08:00:00.000Z');
      expect(
        (response.body.destinations as { secretSet: boolean }[]).map((item) => item.secretSet),
      ).toEqual([true, true, true, false]);
    });

    it.each([
      [{ cron: '61 * * * *' }, 'cron', /^cron is invalid: minute "61"/],
      [{ cron: '* * *' }, 'cron', /^cron is invalid: cron expression "\* \* \*" has 3 fields/],
      [
        { timeZone: 'Europe/Atlantis' },
        'timeZone',
        /^timeZone is invalid: time zone "Europe\/Atlantis"/,
      ],
      [{ timeZone: 'CET' }, 'timeZone', /^timeZone is invalid/],
    ])('answers 422 for %j naming the field', async (change, field, message) => {
      const response = await testApp.http
        .post('/api/v1/reports/schedules')
        .set(editor())
        .send({ templateId, cron: '0 8 * * *', ...change });
      expect(response.status).toBe(422);
      expect(response.body.error.details[0].field).toBe(field);
      expect(response.body.error.message).toMatch(message);
    });

    it.each([
      [{ type: 'webhook', url: 'ftp://127.0.0.1/x' }, 'destinations[0].url'],
      [{ type: 'webhook', url: 'http://user:pw@127.0.0.1/x' }, 'destinations[0].url'],
      [{ type: 'slack', webhookUrl: 'not a url' }, 'destinations[0].webhookUrl'],
      [{ type: 'directory', path: '../outside' }, 'destinations[0].path'],
      [{ type: 'directory', path: 'a/../../outside' }, 'destinations[0].path'],
      [
        { type: 'email', host: '127.0.0.1', from: 'a@b.test', to: ['nobody'] },
        'destinations[0].to[0]',
      ],
      [
        { type: 'email', host: '127.0.0.1', from: 'a@b.test', to: [], port: 25 },
        'destinations[0].to',
      ],
      [{ type: 'pager' }, 'destinations[0].type'],
      [{ type: 'webhook', url: 'https://example.test/h', colour: 'red' }, 'destinations[0].colour'],
    ])('rejects destination %j naming the field', async (destination, field) => {
      const response = await testApp.http
        .post('/api/v1/reports/schedules')
        .set(editor())
        .send({ templateId, cron: '0 8 * * *', destinations: [destination] });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
      expect(JSON.stringify(response.body)).not.toContain('user:pw');
    });

    it('lets only an admin set an absolute directory', async () => {
      const body = {
        templateId,
        cron: '0 8 * * *',
        destinations: [{ type: 'directory', path: '/tmp/kaireon-reports' }],
      };
      const byEditor = await testApp.http
        .post('/api/v1/reports/schedules')
        .set(editor())
        .send(body);
      expect(byEditor.status).toBe(403);
      expect(byEditor.body.error.message).toContain('destinations[0].path');
      const byAdmin = await testApp.http
        .post('/api/v1/reports/schedules')
        .set(bearer(tenant.keys.admin))
        .send(body);
      expect(byAdmin.status).toBe(201);
      const removed = await testApp.http
        .delete(`/api/v1/reports/schedules/${byAdmin.body.id as string}`)
        .set(editor());
      expect(removed.status).toBe(204);
    });

    it('previews the next run times in the zone', async () => {
      const response = await testApp.http
        .get(
          '/api/v1/reports/schedules/preview-next?cron=0%208%20*%20*%20*&timeZone=Europe/Berlin&count=3',
        )
        .set(viewer());
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        cron: '0 8 * * *',
        timeZone: 'Europe/Berlin',
        nextRuns: [
          '2026-12-06T07:00:00.000Z',
          '2026-12-07T07:00:00.000Z',
          '2026-12-08T07:00:00.000Z',
        ],
      });
      const invalid = await testApp.http
        .get('/api/v1/reports/schedules/preview-next?cron=0%2025%20*%20*%20*')
        .set(viewer());
      expect(invalid.status).toBe(422);
      expect(invalid.body.error.details[0].field).toBe('cron');
    });
  });

  describe('preview and Run Now', () => {
    it('previews the first format without storing or sending', async () => {
      const requestsBefore = receiver.requests.length;
      const response = await testApp.http
        .get(`/api/v1/reports/templates/${templateId}/preview`)
        .set(viewer())
        .buffer(true)
        .parse(binaryParser);
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toBe(`attachment; filename=${FILE_BASE}.pdf`);
      expect(pdfToText(response.body as Buffer)).toContain('Europe/Berlin');
      const csv = await testApp.http
        .get(`/api/v1/reports/templates/${templateId}/preview?format=csv`)
        .set(viewer());
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const runs = await testApp.http
        .get(`/api/v1/reports/runs?templateId=${templateId}`)
        .set(viewer());
      expect(runs.body.page.total).toBe(0);
      expect(receiver.requests.length).toBe(requestsBefore);
      expect(smtp.messages).toHaveLength(0);
    });

    it('runs now in the background and delivers to every destination', async () => {
      const accepted = await testApp.http
        .post(`/api/v1/reports/templates/${templateId}/run-now`)
        .set(editor())
        .send({});
      expect(accepted.status).toBe(202);
      const run = await waitForRun(accepted.body.runId as string);
      expect(run).toMatchObject({
        templateId,
        scheduleId: null,
        trigger: 'run_now',
        scheduledFor: null,
        status: 'succeeded',
        startedAt: NOW.toISOString(),
        error: null,
      });
      expect(run.artifacts.map((artifact) => artifact.format)).toEqual(['pdf', 'csv']);
      for (const artifact of run.artifacts) {
        expect(artifact.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(artifact.bytes).toBeGreaterThan(100);
      }
      expect(
        run.deliveries.map((delivery) => [delivery.type, delivery.status, delivery.attempts]),
      ).toEqual([
        ['email', 'delivered', 1],
        ['webhook', 'delivered', 1],
        ['slack', 'delivered', 1],
        ['directory', 'delivered', 1],
      ]);
    });

    it('emailed the files as attachments after logging in', () => {
      expect(smtp.messages).toHaveLength(1);
      const [message] = smtp.messages;
      expect(message.user).toBe(SMTP_LOGIN.username);
      expect(message.from).toBe('reports@kaireon.test');
      expect(message.to).toEqual(['ops@example.com', 'cfo@example.com']);
      const attachments = mailParts(message.raw).filter((part) =>
        (part.headers['content-disposition'] ?? '').startsWith('attachment'),
      );
      expect(attachments.map((part) => part.headers['content-disposition'])).toEqual([
        `attachment; filename=${FILE_BASE}.pdf`,
        `attachment; filename=${FILE_BASE}.csv`,
      ]);
      expect(attachments[0].body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(attachments[1].body.toString('utf8')).toContain('Dashboard,Business');
    });

    it('posted a signed webhook whose files match the run artefacts', async () => {
      const [request] = receiver.received('/hook');
      const signature = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(request.rawBody).digest('hex')}`;
      expect(request.headers['x-kaireon-signature']).toBe(signature);
      const body = JSON.parse(request.rawBody);
      expect(request.headers['x-kaireon-timestamp']).toBe(String(Math.floor(NOW.getTime() / 1000)));
      expect(body.run.sentAt).toBe(NOW.toISOString());
      expect(body.report).toMatchObject({
        templateId,
        dashboard: 'business',
        name: 'Weekly review',
        timeZone: 'Europe/Berlin',
      });
      const runs = await testApp.http
        .get(`/api/v1/reports/runs?templateId=${templateId}`)
        .set(viewer());
      const run = runs.body.data[0] as RunBody;
      expect(body.run.id).toBe(run.id);
      const files = body.artifacts as {
        format: string;
        filename: string;
        contentType: string;
        base64: string;
      }[];
      expect(files.map((file) => [file.format, file.filename, file.contentType])).toEqual([
        ['pdf', `${FILE_BASE}.pdf`, 'application/pdf'],
        ['csv', `${FILE_BASE}.csv`, 'text/csv; charset=utf-8'],
      ]);
      for (const [index, file] of files.entries()) {
        const content = Buffer.from(file.base64, 'base64');
        expect(content.length).toBe(run.artifacts[index].bytes);
        expect(createHash('sha256').update(content).digest('hex')).toBe(
          run.artifacts[index].sha256,
        );
      }
    });

    it('posted the KPI figures to Slack', () => {
      const [request] = receiver.received('/slack');
      const message = JSON.parse(request.rawBody) as { text: string };
      expect(message.text).toContain(
        '*Weekly review* (Business), 2026-11-29 to 2026-12-05 (7 UTC days)',
      );
      expect(message.text).toContain('• Impressions: *72*');
      expect(message.text).toContain('• Revenue: *4,146.99*');
    });

    it('wrote the files under DATA_DIR/reports', async () => {
      const runs = await testApp.http
        .get(`/api/v1/reports/runs?templateId=${templateId}`)
        .set(viewer());
      const runId = runs.body.data[0].id as string;
      const folder = path.join(testApp.config.dataDir, 'reports', 'weekly', runId);
      expect(fs.readdirSync(folder).sort()).toEqual([`${FILE_BASE}.csv`, `${FILE_BASE}.pdf`]);
      expect(fs.readFileSync(path.join(folder, `${FILE_BASE}.csv`), 'utf8')).toContain(
        'Карта Плюс',
      );
    });
  });

  describe('failed deliveries', () => {
    let failingScheduleId: string;
    let runId: string;

    it('retries a failing receiver, then records the failure and dead-letters it', async () => {
      receiver.answer('/failing', 500);
      const schedule = await testApp.http
        .post('/api/v1/reports/schedules')
        .set(editor())
        .send({
          templateId,
          cron: '0 6 * * *',
          enabled: false,
          destinations: [{ type: 'webhook', url: receiver.url('/failing') }],
        });
      expect(schedule.status).toBe(201);
      expect(schedule.body.nextRunAt).toBeNull();
      failingScheduleId = schedule.body.id as string;

      const accepted = await testApp.http
        .post(`/api/v1/reports/templates/${templateId}/run-now`)
        .set(editor())
        .send({ scheduleId: failingScheduleId });
      expect(accepted.status).toBe(202);
      runId = accepted.body.runId as string;
      const run = await waitForRun(runId);
      expect(run.status).toBe('failed');
      expect(run.error).toBe('1 of 1 deliveries failed');
      expect(run.deliveries).toEqual([
        {
          destinationId: schedule.body.destinations[0].id,
          type: 'webhook',
          status: 'failed',
          attempts: 3,
          error: `webhook ${receiver.url('').replace(/\/$/, '')} responded with HTTP 500`,
        },
      ]);
      expect(receiver.received('/failing')).toHaveLength(3);

      const dlq = await testApp.http
        .get('/api/v1/admin/dlq?topic=report_delivery')
        .set(bearer(tenant.keys.admin));
      expect(dlq.status).toBe(200);
      expect(dlq.body.data).toHaveLength(1);
      expect(dlq.body.data[0]).toMatchObject({
        topic: 'report_delivery',
        retryCount: 3,
        payload: { runId, templateId, scheduleId: failingScheduleId, destinationType: 'webhook' },
      });
    });

    it('delivers again from the dead-letter queue once the receiver recovers', async () => {
      receiver.answer('/failing', 200);
      const dlq = await testApp.http
        .get('/api/v1/admin/dlq?topic=report_delivery')
        .set(bearer(tenant.keys.admin));
      const retried = await testApp.http
        .post('/api/v1/admin/dlq')
        .set(bearer(tenant.keys.admin))
        .send({ action: 'retry', eventIds: [dlq.body.data[0].id] });
      expect(retried.status).toBe(200);
      expect(retried.body.requeued).toBe(1);
      const run = await waitForRun(
        runId,
        (current) => current.deliveries[0]?.status === 'delivered',
      );
      expect(run.deliveries[0]).toMatchObject({ status: 'delivered', attempts: 4, error: null });
      expect(run.status).toBe('succeeded');
      expect(run.error).toBeNull();
      expect(receiver.received('/failing')).toHaveLength(4);
      const after = await testApp.http
        .get('/api/v1/admin/dlq?topic=report_delivery')
        .set(bearer(tenant.keys.admin));
      expect(after.body.data).toHaveLength(0);
    });
  });

  describe('metrics', () => {
    it('counts runs by status and deliveries by type and status', async () => {
      const response = await testApp.http.get('/metrics');
      expect(response.status).toBe(200);
      const text = response.text;
      expect(text).toContain('kaireon_report_runs_total{status="succeeded"} 1');
      expect(text).toContain('kaireon_report_runs_total{status="failed"} 1');
      expect(text).toContain(
        'kaireon_report_delivery_total{destination_type="email",status="delivered"} 1',
      );
      expect(text).toContain(
        'kaireon_report_delivery_total{destination_type="webhook",status="delivered"} 2',
      );
      expect(text).toContain(
        'kaireon_report_delivery_total{destination_type="webhook",status="failed"} 1',
      );
      expect(text).toContain(
        'kaireon_report_delivery_total{destination_type="slack",status="delivered"} 1',
      );
      expect(text).toContain(
        'kaireon_report_delivery_total{destination_type="directory",status="delivered"} 1',
      );
    });
  });

  describe('runs and deletion', () => {
    it('lists runs newest first with paging and a template filter', async () => {
      const all = await testApp.http.get('/api/v1/reports/runs?limit=1').set(viewer());
      expect(all.status).toBe(200);
      expect(all.body.page.total).toBe(2);
      expect(all.body.data).toHaveLength(1);
      const next = await testApp.http
        .get(`/api/v1/reports/runs?limit=1&cursor=${all.body.page.nextCursor as string}`)
        .set(viewer());
      expect(next.body.data).toHaveLength(1);
      expect(next.body.data[0].id).not.toBe(all.body.data[0].id);
      const none = await testApp.http
        .get('/api/v1/reports/runs?templateId=00000000-0000-4000-8000-000000000000')
        .set(viewer());
      expect(none.body.page.total).toBe(0);
    });

    it('deletes a template with its schedules and keeps its runs', async () => {
      const removed = await testApp.http
        .delete(`/api/v1/reports/templates/${templateId}`)
        .set(editor());
      expect(removed.status).toBe(204);
      expect(
        (await testApp.http.get(`/api/v1/reports/templates/${templateId}`).set(viewer())).status,
      ).toBe(404);
      expect(
        (await testApp.http.get(`/api/v1/reports/schedules/${scheduleId}`).set(viewer())).status,
      ).toBe(404);
      const runs = await testApp.http
        .get(`/api/v1/reports/runs?templateId=${templateId}`)
        .set(viewer());
      expect(runs.body.page.total).toBe(2);
    });
  });
});

function isFinished(run: RunBody): boolean {
  return run.status === 'succeeded' || run.status === 'failed';
}
