import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { BlankPage } from '../../auth/auth.testing';
import { VIEWER_TIME_ZONE } from '../../shared/format/format';
import {
  SEGMENT_ID,
  TEMPLATE_ID,
  buildList,
  buildSchedule,
  buildTemplate,
  findButton,
  findControl,
  selectOption,
  typeInto,
} from '../reports.testing';
import { NEXT_RUNS_DEBOUNCE_MS } from '../schedule/schedule-fields.component';
import { SaveReportDialogComponent } from './save-report-dialog.component';

const PREVIEW_URL = '/api/v1/reports/schedules/preview-next';
const NEXT_RUNS = [
  '2026-12-07T07:00:00.000Z',
  '2026-12-08T07:00:00.000Z',
  '2026-12-09T07:00:00.000Z',
  '2026-12-10T07:00:00.000Z',
  '2026-12-11T07:00:00.000Z',
];

function errorBody(status: number, message: string, field: string): object {
  return {
    error: {
      code: 'invalid',
      message,
      status,
      details: [{ field, reason: message }],
      requestId: 'r',
    },
  };
}

describe('SaveReportDialogComponent', () => {
  let fixture: ComponentFixture<SaveReportDialogComponent>;
  let httpTesting: HttpTestingController;
  let host: HTMLElement;
  let closed: jest.Mock;

  async function settle(): Promise<void> {
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      fixture.detectChanges();
    }
  }

  /** Opens the dialog on the Business dashboard with a 30-day period and a segment. */
  async function open(): Promise<void> {
    await TestBed.inject(Router).navigateByUrl(
      `/dashboards/business?days=30&segmentId=${SEGMENT_ID}`,
    );
    fixture = TestBed.createComponent(SaveReportDialogComponent);
    fixture.componentRef.setInput('dashboard', 'business');
    closed = jest.fn();
    fixture.componentInstance.closed.subscribe(closed);
    host = fixture.nativeElement as HTMLElement;
    await settle();
    httpTesting
      .expectOne('/api/v1/segments?limit=200')
      .flush(buildList([{ id: SEGMENT_ID, name: 'High value' }]));
    answerPreview('0 8 * * 1-5');
    await settle();
  }

  function answerPreview(cron: string, timeZone = 'Europe/Berlin'): void {
    const request = httpTesting.expectOne((candidate) => candidate.url === PREVIEW_URL);
    expect(request.request.params.get('cron')).toBe(cron);
    expect(request.request.params.get('timeZone')).toBe(timeZone);
    expect(request.request.params.get('count')).toBe('5');
    request.flush({ cron, timeZone, nextRuns: NEXT_RUNS });
  }

  function control<T extends HTMLElement>(text: string): T {
    return findControl<T>(host, text);
  }

  function type(element: HTMLInputElement, value: string): void {
    typeInto(element, value);
  }

  function select(element: HTMLSelectElement, value: string): void {
    selectOption(element, value);
  }

  function formatBox(label: string): HTMLInputElement {
    const formats = Array.from(host.querySelectorAll('fieldset')).find(
      (fieldset) => fieldset.querySelector('legend')?.textContent?.trim() === 'Formats',
    )!;
    const option = Array.from(formats.querySelectorAll('label')).find(
      (candidate) => candidate.textContent?.trim() === label,
    )!;

    return option.querySelector('input')!;
  }

  function button(text: string): HTMLButtonElement {
    return findButton(host, text);
  }

  async function submit(): Promise<void> {
    button('Save report').click();
    await settle();
  }

  /** Fills the dialog for a local-folder report in PDF and CSV. */
  async function fillFolderReport(): Promise<void> {
    type(control('Report name'), 'Weekly business review');
    formatBox('CSV').click();
    select(control('Destination type'), 'directory');
    await settle();
    type(control('Folder'), 'weekly-business');
    await settle();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'dashboards/:name', component: BlankPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: VIEWER_TIME_ZONE, useValue: 'Europe/Berlin' },
        { provide: NEXT_RUNS_DEBOUNCE_MS, useValue: 1 },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpTesting.verify();
  });

  it('is a labelled dialog with the fields browser tests use', async () => {
    await open();

    const dialog = host.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(host.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)?.textContent).toBe(
      'Save as Report',
    );
    for (const label of [
      'Report name',
      'Cadence',
      'Cron expression',
      'Time zone',
      'Destination type',
    ]) {
      expect(control(label)).toBeTruthy();
    }
    expect(formatBox('PDF').checked).toBe(true);
    expect(control<HTMLInputElement>('Time zone').value).toBe('Europe/Berlin');
    expect(control<HTMLInputElement>('Cron expression').value).toBe('0 8 * * 1-5');
    expect(host.querySelector('.summary')?.textContent).toContain(
      'Filters: Last 30 days, relative to each run · Segment: High value.',
    );
  });

  it('shows the next five run times and follows the cadence', async () => {
    await open();

    const runs = Array.from(host.querySelectorAll('.next-runs li')).map((item) =>
      item.textContent?.trim(),
    );
    expect(runs).toHaveLength(5);
    expect(runs[0]).toBe('Mon, Dec 7, 2026, 08:00 Europe/Berlin');

    select(control('Cadence'), 'monthly');
    await settle();
    expect(control<HTMLInputElement>('Cron expression').value).toBe('0 8 1 * *');
    answerPreview('0 8 1 * *');
    await settle();
  });

  it('shows a 422 from the preview beside the field it names', async () => {
    await open();

    type(control('Cron expression'), '61 8 * * *');
    await settle();
    expect(control<HTMLSelectElement>('Cadence').value).toBe('custom');
    httpTesting
      .expectOne((request) => request.url === PREVIEW_URL)
      .flush(errorBody(422, 'cron is invalid: minute "61" is out of range 0-59', 'cron'), {
        status: 422,
        statusText: 'Unprocessable Entity',
      });
    await settle();

    const cron = control<HTMLInputElement>('Cron expression');
    expect(cron.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector('#save-report-cron-error')?.textContent).toContain(
      'cron is invalid: minute "61" is out of range 0-59',
    );
    expect(cron.getAttribute('aria-describedby')).toContain('save-report-cron-error');
  });

  it('checks the form before sending anything', async () => {
    await open();

    type(control('Report name'), '  ');
    formatBox('PDF').click();
    type(control('Time zone'), 'Mars/Olympus');
    await settle();
    httpTesting
      .expectOne((request) => request.url === PREVIEW_URL)
      .flush({
        cron: '0 8 * * 1-5',
        timeZone: 'Mars/Olympus',
        nextRuns: [],
      });
    await submit();

    expect(host.querySelector('#save-report-name-error')?.textContent).toBe(
      'Enter a name for the report.',
    );
    expect(host.querySelector('#save-report-formats-error')?.textContent).toBe(
      'Choose at least one format.',
    );
    expect(host.querySelector('#save-report-time-zone-error')?.textContent).toContain(
      '"Mars/Olympus" is not a time zone in the list.',
    );
    expect(host.textContent).toContain('Enter the SMTP server host name.');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain(
      'Fix the fields marked below',
    );
    httpTesting.expectNone('/api/v1/reports/templates');
  });

  it('creates the template with the page filters, then its schedule', async () => {
    await open();
    await fillFolderReport();

    await submit();
    const templateRequest = httpTesting.expectOne('/api/v1/reports/templates');
    expect(templateRequest.request.method).toBe('POST');
    expect(templateRequest.request.body).toEqual({
      name: 'Weekly business review',
      dashboard: 'business',
      filters: { days: 30, segmentId: SEGMENT_ID },
      formats: ['pdf', 'csv'],
      timeZone: 'Europe/Berlin',
    });
    httpTesting.expectNone('/api/v1/reports/schedules');
    templateRequest.flush(buildTemplate());
    await settle();

    const scheduleRequest = httpTesting.expectOne('/api/v1/reports/schedules');
    expect(scheduleRequest.request.method).toBe('POST');
    expect(scheduleRequest.request.body).toEqual({
      templateId: TEMPLATE_ID,
      enabled: true,
      cron: '0 8 * * 1-5',
      timeZone: 'Europe/Berlin',
      destinations: [{ type: 'directory', path: 'weekly-business' }],
    });
    scheduleRequest.flush(buildSchedule());
    await settle();

    const saved = host.querySelector('.saved')!;
    expect(saved.textContent).toContain('Saved the report Weekly business review.');
    expect(saved.textContent).toContain('Dec 7, 2026, 08:00:00 Europe/Berlin');
    expect(saved.querySelector('a')?.getAttribute('href')).toBe('/settings/reports');
  });

  it('keeps the saved template when the schedule is refused', async () => {
    await open();
    await fillFolderReport();
    await submit();
    httpTesting.expectOne('/api/v1/reports/templates').flush(buildTemplate());
    await settle();

    httpTesting
      .expectOne('/api/v1/reports/schedules')
      .flush(
        errorBody(
          400,
          'destinations[0].path must stay inside DATA_DIR/reports',
          'destinations[0].path',
        ),
        { status: 400, statusText: 'Bad Request' },
      );
    await settle();

    expect(host.querySelector('[role="alert"]')?.textContent).toContain(
      'The report "Weekly business review" was saved, but its schedule was not',
    );
    const folder = control<HTMLInputElement>('Folder');
    expect(folder.getAttribute('aria-invalid')).toBe('true');
    expect(host.textContent).toContain('destinations[0].path must stay inside DATA_DIR/reports');

    type(folder, 'team/weekly');
    await settle();
    await submit();
    const update = httpTesting.expectOne(`/api/v1/reports/templates/${TEMPLATE_ID}`);
    expect(update.request.method).toBe('PATCH');
    update.flush(buildTemplate());
    await settle();
    const retry = httpTesting.expectOne('/api/v1/reports/schedules');
    expect(retry.request.body.destinations).toEqual([{ type: 'directory', path: 'team/weekly' }]);
    retry.flush(buildSchedule());
    await settle();

    expect(host.querySelector('.saved')).not.toBeNull();
  });

  it('closes on Escape', async () => {
    await open();

    host
      .querySelector('[role="dialog"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

    expect(closed).toHaveBeenCalledTimes(1);
  });
});
