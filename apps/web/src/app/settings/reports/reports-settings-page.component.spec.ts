import { HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { buildIdentity } from '../../auth/auth.testing';
import { type Role } from '../../auth/session.model';
import { SessionService } from '../../auth/session.service';
import { FileDownloadService } from '../../reports/file-download.service';
import {
  DESTINATION_ID,
  RUN_ID,
  SCHEDULE_ID,
  SEGMENT_ID,
  TEMPLATE_ID,
  buildList,
  buildRun,
  buildSchedule,
  buildTemplate,
  findButton,
  findControl,
  installBlobText,
  typeInto,
} from '../../reports/reports.testing';
import { REPORT_RUN_POLL_MS } from '../../reports/run-status';
import { NEXT_RUNS_DEBOUNCE_MS } from '../../reports/schedule/schedule-fields.component';
import { VIEWER_TIME_ZONE } from '../../shared/format/format';
import { ReportsSettingsPageComponent } from './reports-settings-page.component';

const RUNS_URL = '/api/v1/reports/runs?limit=20';

describe('ReportsSettingsPageComponent', () => {
  let fixture: ComponentFixture<ReportsSettingsPageComponent>;
  let httpTesting: HttpTestingController;
  let page: HTMLElement;
  const identity = signal(buildIdentity({ role: 'editor' }));
  const files = { save: jest.fn(), createUrl: jest.fn(() => 'blob:preview-1'), release: jest.fn() };

  beforeAll(() => installBlobText());

  async function settle(rounds = 3): Promise<void> {
    for (let round = 0; round < rounds; round++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      fixture.detectChanges();
    }
  }

  async function open(role: Role, runs = [buildRun({ status: 'succeeded' })]): Promise<void> {
    identity.set(buildIdentity({ role }));
    fixture = TestBed.createComponent(ReportsSettingsPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await settle();
    httpTesting
      .expectOne('/api/v1/reports/templates?limit=200')
      .flush(buildList([buildTemplate()]));
    httpTesting
      .expectOne('/api/v1/reports/schedules?limit=200')
      .flush(buildList([buildSchedule()]));
    httpTesting
      .expectOne('/api/v1/segments?limit=200')
      .flush(buildList([{ id: SEGMENT_ID, name: 'High value' }]));
    await settle();
    httpTesting.expectOne(RUNS_URL).flush(buildList(runs));
    await settle();
  }

  function card(): HTMLElement {
    return page.querySelector<HTMLElement>(`[data-template-id="${TEMPLATE_ID}"]`)!;
  }

  function runNowStatus(): string {
    return card().querySelector('.run-now')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  beforeEach(() => {
    files.save.mockClear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionService, useValue: { identity } },
        { provide: VIEWER_TIME_ZONE, useValue: 'America/New_York' },
        { provide: REPORT_RUN_POLL_MS, useValue: 10 },
        { provide: NEXT_RUNS_DEBOUNCE_MS, useValue: 1 },
        { provide: FileDownloadService, useValue: files },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpTesting.verify();
  });

  it('shows templates with filters in words and schedules with their next run', async () => {
    await open('editor');

    const text = card().textContent.replace(/\s+/g, ' ');
    expect(card().querySelector('h3')?.textContent).toBe('Weekly business review');
    expect(card().querySelector('.filters')?.textContent).toBe(
      'Last 7 days, relative to each run · Segment: High value',
    );
    expect(card().querySelector('.formats')?.textContent).toBe('PDF, CSV');
    const dashboardLink = card().querySelector<HTMLAnchorElement>('dd a')!;
    expect(dashboardLink.textContent).toBe('Business');
    expect(dashboardLink.getAttribute('href')).toBe(
      `/dashboards/business?days=7&segmentId=${SEGMENT_ID}`,
    );
    expect(text).toContain('Weekdays at 08:00 (0 8 * * 1-5) in Europe/Berlin');
    expect(text).toContain('Next run: Dec 7, 2026, 02:00:00 America/New_York');
    expect(text).toContain('Team folder: Local folder weekly-business');
    const enabled = card().querySelector<HTMLInputElement>('input[role="switch"]')!;
    expect(enabled.checked).toBe(true);
    expect(enabled.disabled).toBe(false);
  });

  it('shows secretSet as "secret set" and never a secret', async () => {
    identity.set(buildIdentity({ role: 'editor' }));
    fixture = TestBed.createComponent(ReportsSettingsPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await settle();
    httpTesting
      .expectOne('/api/v1/reports/templates?limit=200')
      .flush(buildList([buildTemplate()]));
    httpTesting.expectOne('/api/v1/reports/schedules?limit=200').flush(
      buildList([
        buildSchedule({
          destinations: [
            {
              id: DESTINATION_ID,
              type: 'webhook',
              name: 'webhook',
              url: 'https://h.example/r',
              secretSet: true,
            },
          ],
        }),
      ]),
    );
    httpTesting.expectOne('/api/v1/segments?limit=200').flush(buildList([]));
    await settle();
    httpTesting.expectOne(RUNS_URL).flush(buildList([]));
    await settle();

    expect(card().textContent).toContain('Webhook https://h.example/r, signing secret: secret set');
  });

  it('runs a template now and follows the run until it finishes', async () => {
    await open('editor', []);

    findButton(card(), 'Run now').click();
    await settle();
    const start = httpTesting.expectOne(`/api/v1/reports/templates/${TEMPLATE_ID}/run-now`);
    expect(start.request.method).toBe('POST');
    expect(start.request.body).toEqual({});
    start.flush({ runId: RUN_ID }, { status: 202, statusText: 'Accepted' });
    await settle();
    httpTesting.expectOne(`/api/v1/reports/runs/${RUN_ID}`).flush(buildRun({ status: 'queued' }));
    await settle();

    expect(runNowStatus()).toContain('Run now:');
    expect(card().querySelector('.run-now app-status-badge')?.textContent).toContain('Queued');
    httpTesting.expectOne(RUNS_URL).flush(buildList([buildRun({ status: 'queued' })]));
    await settle();

    httpTesting
      .expectOne(`/api/v1/reports/runs/${RUN_ID}`)
      .flush(buildRun({ status: 'running', startedAt: '2026-12-04T10:00:01Z' }));
    await settle();
    expect(runNowStatus()).toContain('Running');
    httpTesting.match(RUNS_URL).forEach((request) => request.flush(buildList([])));

    httpTesting.expectOne(`/api/v1/reports/runs/${RUN_ID}`).flush(
      buildRun({
        status: 'succeeded',
        startedAt: '2026-12-04T10:00:01Z',
        finishedAt: '2026-12-04T10:00:04Z',
        artifacts: [{ format: 'pdf', bytes: 48_213, sha256: 'ab12' }],
        deliveries: [
          {
            destinationId: DESTINATION_ID,
            type: 'directory',
            status: 'delivered',
            attempts: 1,
            error: null,
          },
        ],
      }),
    );
    await settle();
    httpTesting.match(RUNS_URL).forEach((request) => request.flush(buildList([])));

    expect(runNowStatus()).toContain('Succeeded');
    expect(runNowStatus()).toContain('Files: PDF 48.2 kB');
    expect(card().querySelector('[data-run-status]')?.getAttribute('data-run-status')).toBe(
      'succeeded',
    );
    // A finished run is read no more.
    await settle(6);
    httpTesting.expectNone(`/api/v1/reports/runs/${RUN_ID}`);
  });

  it('says why Run now failed to start', async () => {
    await open('editor', []);

    findButton(card(), 'Run now').click();
    await settle();
    httpTesting.expectOne(`/api/v1/reports/templates/${TEMPLATE_ID}/run-now`).flush(
      {
        error: {
          code: 'not_found',
          message: 'Report template not found',
          status: 404,
          details: [],
          requestId: 'r1',
        },
      },
      { status: 404, statusText: 'Not Found' },
    );
    await settle();

    expect(runNowStatus()).toContain('Run now failed: Report template not found (request id r1)');
  });

  it('lists runs with status text, trigger, files and delivery results', async () => {
    await open('editor', [
      buildRun({
        status: 'failed',
        trigger: 'schedule',
        scheduleId: SCHEDULE_ID,
        scheduledFor: '2026-12-04T07:00:00Z',
        finishedAt: '2026-12-04T07:00:09Z',
        artifacts: [{ format: 'csv', bytes: 812, sha256: 'cd34' }],
        deliveries: [
          {
            destinationId: DESTINATION_ID,
            type: 'directory',
            status: 'failed',
            attempts: 3,
            error: 'EACCES: permission denied',
          },
        ],
      }),
    ]);

    const row = page.querySelector<HTMLTableRowElement>(`tr[data-run-id="${RUN_ID}"]`)!;
    const cells = Array.from(row.querySelectorAll('td')).map((cell) =>
      cell.textContent.replace(/\s+/g, ' ').trim(),
    );
    expect(row.getAttribute('data-run-status')).toBe('failed');
    expect(cells[0]).toContain('Failed');
    expect(cells[1]).toBe('Weekly business review');
    expect(cells[2]).toBe('Schedule');
    expect(cells[3]).toBe('Dec 4, 2026, 02:00:00 America/New_York');
    expect(cells[5]).toBe('CSV, 812 B');
    expect(cells[6]).toContain('Team folder');
    expect(cells[6]).toContain('Failed');
    expect(cells[6]).toContain('3 attempts');
    expect(cells[6]).toContain('EACCES: permission denied');
  });

  it('pages through the run history with cursors', async () => {
    identity.set(buildIdentity({ role: 'viewer' }));
    await open('viewer', []);
    findButton(page, 'Refresh').click();
    await settle();
    httpTesting.expectOne(RUNS_URL).flush(buildList([buildRun()], 'cursor-2'));
    await settle();

    findButton(page, 'Older runs').click();
    await settle();
    httpTesting
      .expectOne(`${RUNS_URL}&cursor=cursor-2`)
      .flush(buildList([buildRun({ id: '11111111-2222-4333-8444-555555555555' })]));
    await settle();

    expect(page.querySelector('.pager')?.textContent).toContain('Runs 21–21');
    findButton(page, 'Newer runs').click();
    await settle();
    httpTesting.expectOne(RUNS_URL).flush(buildList([buildRun()], 'cursor-2'));
    await settle();
  });

  it('lets viewers look and preview but not change or run', async () => {
    await open('viewer');

    expect(page.querySelector('.role-note')?.textContent).toContain(
      'you can see and preview reports',
    );
    const labels = Array.from(card().querySelectorAll('button')).map((button) =>
      button.textContent?.trim(),
    );
    expect(labels).toEqual(['Preview']);
    expect(card().querySelector<HTMLInputElement>('input[role="switch"]')!.disabled).toBe(true);
  });

  it('switches a schedule off', async () => {
    await open('editor');

    const enabled = card().querySelector<HTMLInputElement>('input[role="switch"]')!;
    enabled.click();
    await settle();
    const update = httpTesting.expectOne(`/api/v1/reports/schedules/${SCHEDULE_ID}`);
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({ enabled: false });
    update.flush(buildSchedule({ enabled: false, nextRunAt: null }));
    await settle();

    expect(card().textContent.replace(/\s+/g, ' ')).toContain('Next run: none while disabled');
  });

  it('edits a schedule and keeps the destination by its id', async () => {
    await open('editor');

    findButton(card(), 'Edit schedule').click();
    await settle();
    httpTesting
      .expectOne((request) => request.url === '/api/v1/reports/schedules/preview-next')
      .flush({ cron: '0 8 * * 1-5', timeZone: 'Europe/Berlin', nextRuns: [] });
    typeInto(findControl(page, 'Cron expression'), '30 7 * * *');
    await settle();
    httpTesting
      .expectOne((request) => request.url === '/api/v1/reports/schedules/preview-next')
      .flush({ cron: '30 7 * * *', timeZone: 'Europe/Berlin', nextRuns: [] });
    findButton(page, 'Save schedule').click();
    await settle();

    const update = httpTesting.expectOne(`/api/v1/reports/schedules/${SCHEDULE_ID}`);
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toEqual({
      cron: '30 7 * * *',
      timeZone: 'Europe/Berlin',
      enabled: true,
      destinations: [
        { type: 'directory', id: DESTINATION_ID, name: 'Team folder', path: 'weekly-business' },
      ],
    });
    update.flush(buildSchedule({ cron: '30 7 * * *' }));
    await settle();

    expect(page.querySelector('[role="dialog"]')).toBeNull();
    expect(card().textContent.replace(/\s+/g, ' ')).toContain('Every day at 07:30');
  });

  it('deletes a template after confirming that its schedules go too', async () => {
    await open('editor');

    findButton(card(), 'Delete').click();
    await settle();
    const dialog = page.querySelector('[role="dialog"]')!;
    expect(dialog.textContent).toContain(
      'Its schedule is deleted with it, so it is no longer sent.',
    );
    findButton(page, 'Delete report').click();
    await settle();
    const request = httpTesting.expectOne(`/api/v1/reports/templates/${TEMPLATE_ID}`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(page.querySelector(`[data-template-id="${TEMPLATE_ID}"]`)).toBeNull();
    expect(page.querySelector('.notice')?.textContent).toContain(
      'Deleted the report "Weekly business review" and its schedules.',
    );
  });

  it('previews a template as text for CSV and downloads it', async () => {
    await open('viewer');

    const format = card().querySelector<HTMLSelectElement>('select')!;
    format.value = 'csv';
    format.dispatchEvent(new Event('change'));
    findButton(card(), 'Preview').click();
    await settle();
    const request = httpTesting.expectOne(
      `/api/v1/reports/templates/${TEMPLATE_ID}/preview?format=csv`,
    );
    const file = new Blob(['\uFEFFsection,offer\r\nsummary,Gold card\r\n']);
    request.flush(file, {
      headers: new HttpHeaders({ 'Content-Disposition': 'attachment; filename=business-x.csv' }),
    });
    await settle();

    expect(page.querySelector('[role="dialog"] pre')?.textContent).toContain('summary,Gold card');
    findButton(page, 'Download').click();
    expect(files.save).toHaveBeenCalledWith(file, 'business-x.csv');
  });

  it('previews a PDF in a frame', async () => {
    await open('viewer');

    findButton(card(), 'Preview').click();
    await settle();
    httpTesting
      .expectOne(`/api/v1/reports/templates/${TEMPLATE_ID}/preview?format=pdf`)
      .flush(new Blob(['%PDF']));
    await settle();

    const frame = page.querySelector<HTMLIFrameElement>('[role="dialog"] iframe')!;
    expect(frame.getAttribute('src')).toBe('blob:preview-1');
    expect(frame.title).toBe('PDF of Weekly business review');
  });
});
