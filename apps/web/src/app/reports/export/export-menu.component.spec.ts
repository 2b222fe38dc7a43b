import { HttpHeaders, provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { BlankPage } from '../../auth/auth.testing';
import { Clock } from '../../core/clock';
import { type DashboardKey } from '../../dashboards/dashboard-catalog';
import { VIEWER_TIME_ZONE } from '../../shared/format/format';
import { FileDownloadService } from '../file-download.service';
import { SEGMENT_ID, installBlobText } from '../reports.testing';
import { ExportMenuComponent } from './export-menu.component';

const EXPORT_URL = '/api/v1/reports/export';

function errorBlob(status: number, message: string): Blob {
  return new Blob([
    JSON.stringify({ error: { code: 'x', message, status, details: [], requestId: 'req-9' } }),
  ]);
}

describe('ExportMenuComponent', () => {
  let fixture: ComponentFixture<ExportMenuComponent>;
  let httpTesting: HttpTestingController;
  let host: HTMLElement;
  const save = jest.fn();

  beforeAll(() => installBlobText());

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      fixture.detectChanges();
    }
  }

  async function open(url: string, dashboard: DashboardKey): Promise<void> {
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(ExportMenuComponent);
    fixture.componentRef.setInput('dashboard', dashboard);
    host = fixture.nativeElement as HTMLElement;
    await settle();
  }

  function exportButton(): HTMLButtonElement {
    return host.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
  }

  function menuItems(): HTMLButtonElement[] {
    return Array.from(host.querySelectorAll<HTMLButtonElement>('[role="menuitem"]'));
  }

  async function choose(label: string): Promise<TestRequest> {
    exportButton().click();
    await settle();
    menuItems()
      .find((item) => item.textContent?.trim() === label)!
      .click();
    await settle();

    return httpTesting.expectOne(EXPORT_URL);
  }

  function statusText(): string {
    return host.querySelector('[role="status"]')?.textContent?.trim() ?? '';
  }

  function alertText(): string {
    return host.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  beforeEach(() => {
    save.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'dashboards/:name', component: BlankPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: VIEWER_TIME_ZONE, useValue: 'Europe/Berlin' },
        { provide: Clock, useValue: { now: () => Date.parse('2026-12-04T09:00:00Z') } },
        { provide: FileDownloadService, useValue: { save } },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpTesting.verify();
  });

  it('lists the five formats as menu items', async () => {
    await open('/dashboards/business', 'business');

    exportButton().click();
    await settle();

    expect(exportButton().getAttribute('aria-expanded')).toBe('true');
    expect(menuItems().map((item) => item.textContent?.trim())).toEqual([
      'PDF',
      'PNG',
      'CSV',
      'HTML',
      'Markdown',
    ]);
  });

  it('sends the URL filters and viewer zone, then saves under the server name', async () => {
    await open(`/dashboards/business?days=30&segmentId=${SEGMENT_ID}&refresh=off`, 'business');

    const request = await choose('PDF');

    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Accept')).toBe('application/pdf');
    expect(request.request.body).toEqual({
      dashboard: 'business',
      format: 'pdf',
      filters: { days: 30, segmentId: SEGMENT_ID },
      timezone: 'Europe/Berlin',
    });
    expect(statusText()).toContain('Rendering PDF…');

    const file = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    request.flush(file, {
      headers: new HttpHeaders({
        'Content-Disposition': 'attachment; filename=business-2026-11-05-2026-12-05.pdf',
      }),
    });
    await settle();

    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0]).toBe(file);
    expect(save.mock.calls[0][1]).toBe('business-2026-11-05-2026-12-05.pdf');
    expect(statusText()).toBe('Downloaded business-2026-11-05-2026-12-05.pdf.');
  });

  it('sends a custom range and the Operations pipeline window', async () => {
    await open(
      `/dashboards/operations?from=2026-11-01&to=2026-11-08&windowHours=12&segmentId=${SEGMENT_ID}`,
      'operations',
    );

    const request = await choose('Markdown');

    expect(request.request.body.filters).toEqual({
      from: '2026-11-01',
      to: '2026-11-08',
      windowHours: 12,
    });
    expect(request.request.body.format).toBe('markdown');
    request.flush(new Blob(['# Operations']));
    await settle();

    expect(save.mock.calls[0][1]).toBe('operations.md');
  });

  it('cancels a render in progress', async () => {
    await open('/dashboards/business', 'business');
    const request = await choose('PNG');

    Array.from(host.querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Cancel export')!
      .click();
    await settle();

    expect(request.cancelled).toBe(true);
    expect(statusText()).toBe('PNG export cancelled.');
    expect(save).not.toHaveBeenCalled();
  });

  it('says so in the menu when the dashboard is not built yet', async () => {
    await open('/dashboards/data-health', 'data-health');
    const request = await choose('CSV');

    request.flush(errorBlob(404, 'The data-health dashboard is not built yet'), {
      status: 404,
      statusText: 'Not Found',
    });
    await settle();

    expect(alertText()).toContain(
      'Export failed: The data-health dashboard is not built yet (request id req-9)',
    );
    exportButton().click();
    await settle();
    expect(host.querySelector('.menu-note')?.textContent).toContain(
      'Cannot export: The data-health dashboard is not built yet',
    );
    expect(menuItems().every((item) => item.getAttribute('aria-disabled') === 'true')).toBe(true);
    menuItems()[0].click();
    await settle();
    httpTesting.expectNone(EXPORT_URL);
  });

  it('shows a rate limit with the time to try again', async () => {
    await open('/dashboards/business', 'business');
    const request = await choose('HTML');

    request.flush(
      errorBlob(429, 'Export limit of 10 per minute reached for this tenant; retry in 12 s'),
      {
        status: 429,
        statusText: 'Too Many Requests',
        headers: new HttpHeaders({ 'Retry-After': '12' }),
      },
    );
    await settle();

    expect(alertText()).toContain('Export limit of 10 per minute reached for this tenant');
    expect(alertText()).toContain('You can export again after 10:00:12 Europe/Berlin.');
  });

  it('shows a render timeout with the server message', async () => {
    await open('/dashboards/business', 'business');
    const request = await choose('PDF');

    request.flush(
      errorBlob(504, 'Rendering the PDF timed out after 30000 ms while drawing the charts'),
      { status: 504, statusText: 'Gateway Timeout' },
    );
    await settle();

    expect(alertText()).toContain(
      'Rendering the PDF timed out after 30000 ms while drawing the charts',
    );
    expect(statusText()).toBe('');
  });

  it('moves through the formats with the arrow keys and closes on Escape', async () => {
    await open('/dashboards/business', 'business');
    exportButton().click();
    await settle();
    await new Promise((resolve) => setTimeout(resolve));

    expect(document.activeElement?.textContent?.trim()).toBe('PDF');
    menuItems()[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    expect(document.activeElement?.textContent?.trim()).toBe('Markdown');

    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    await settle();
    expect(menuItems()).toHaveLength(0);
    expect(document.activeElement).toBe(exportButton());
  });
});
