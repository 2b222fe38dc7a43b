import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { buildIdentity } from '../auth/auth.testing';
import { type Role } from '../auth/session.model';
import { SessionService } from '../auth/session.service';
import { VIEWER_TIME_ZONE } from '../shared/format/format';
import { SEGMENT_REFRESH_POLL_MS } from './segment-refresh';
import { SegmentsPageComponent } from './segments-page.component';
import { SEGMENT_ID, buildPage, buildSegmentDto } from './segments.testing';

const DRAFT_ID = '9f1e2d3c-4b5a-4697-8877-665544332211';

describe('SegmentsPageComponent', () => {
  let fixture: ComponentFixture<SegmentsPageComponent>;
  let httpTesting: HttpTestingController;
  let page: HTMLElement;
  const identity = signal(buildIdentity({ role: 'editor' }));

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      fixture.detectChanges();
    }
  }

  async function open(role: Role, segments = [buildSegmentDto()]): Promise<void> {
    identity.set(buildIdentity({ role }));
    fixture = TestBed.createComponent(SegmentsPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await settle();
    httpTesting.expectOne('/api/v1/segments?limit=200').flush(buildPage(segments));
    await settle();
  }

  function rowOf(name: string): HTMLTableRowElement {
    return Array.from(page.querySelectorAll<HTMLTableRowElement>('tbody tr')).find((row) =>
      row.querySelector('.segment-name')?.textContent?.includes(name),
    )!;
  }

  function button(row: Element, label: string): HTMLButtonElement {
    return Array.from(row.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => candidate.textContent?.trim() === label,
    )!;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SEGMENT_REFRESH_POLL_MS, useValue: 10 },
        { provide: VIEWER_TIME_ZONE, useValue: 'Europe/Berlin' },
        { provide: SessionService, useValue: { identity } },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpTesting.verify();
  });

  it('lists name, key, status with text, customers and last refresh', async () => {
    await open('editor', [
      buildSegmentDto(),
      buildSegmentDto({
        id: DRAFT_ID,
        key: 'lapsed',
        name: 'Lapsed',
        status: 'draft',
        materialized: false,
        customerCount: null,
        lastRefreshedAt: null,
      }),
    ]);

    const active = rowOf('High value');
    expect(active.querySelector('code')?.textContent).toBe('high-value');
    expect(active.querySelector('app-status-badge')?.textContent).toContain('Active');
    expect(active.textContent).toContain('1,200');
    expect(active.textContent).toContain('Dec 4, 2026, 11:00:00 Europe/Berlin');
    const draft = rowOf('Lapsed');
    expect(draft.querySelector('app-status-badge')?.textContent).toContain('Draft');
    expect(draft.textContent).toContain('No view (draft)');
    expect(button(draft, 'Refresh').disabled).toBe(true);
  });

  it('refreshes and polls until the refresh ends', async () => {
    await open('editor');

    button(rowOf('High value'), 'Refresh').click();
    await settle();
    const start = httpTesting.expectOne(`/api/v1/segments/${SEGMENT_ID}/refresh`);
    expect(start.request.method).toBe('POST');
    start.flush(buildSegmentDto({ refreshing: true }), { status: 202, statusText: 'Accepted' });
    await settle();

    expect(rowOf('High value').textContent).toContain('Refreshing…');
    expect(button(rowOf('High value'), 'Refreshing…').disabled).toBe(true);

    httpTesting
      .expectOne(`/api/v1/segments/${SEGMENT_ID}`)
      .flush(buildSegmentDto({ refreshing: true }));
    await settle();
    httpTesting.expectOne(`/api/v1/segments/${SEGMENT_ID}`).flush(
      buildSegmentDto({
        refreshing: false,
        customerCount: 1350,
        lastRefreshedAt: '2026-12-04T12:00:00Z',
      }),
    );
    await settle();

    expect(rowOf('High value').textContent).not.toContain('Refreshing…');
    expect(rowOf('High value').textContent).toContain('1,350');
    await new Promise((resolve) => setTimeout(resolve, 30));
    httpTesting.expectNone(`/api/v1/segments/${SEGMENT_ID}`);
  });

  it('deletes only after confirmation', async () => {
    await open('admin');

    button(rowOf('High value'), 'Delete').click();
    await settle();
    httpTesting.expectNone(`/api/v1/segments/${SEGMENT_ID}`);
    const confirm = page.querySelector('[role="alertdialog"]')!;
    expect(confirm.textContent).toContain('Delete the segment High value?');

    button(confirm, 'Cancel').click();
    await settle();
    expect(page.querySelector('[role="alertdialog"]')).toBeNull();

    button(rowOf('High value'), 'Delete').click();
    await settle();
    button(page.querySelector('[role="alertdialog"]')!, 'Delete segment').click();
    await settle();
    const request = httpTesting.expectOne(`/api/v1/segments/${SEGMENT_ID}`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(page.querySelectorAll('tbody tr')).toHaveLength(0);
  });

  it('shows a failed refresh next to the segment', async () => {
    await open('editor');

    button(rowOf('High value'), 'Refresh').click();
    await settle();
    httpTesting.expectOne(`/api/v1/segments/${SEGMENT_ID}/refresh`).flush(
      {
        error: {
          code: 'conflict',
          message: 'Segment high-value is a draft and has no view',
          status: 409,
        },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();

    expect(page.querySelector('.problem-row')?.textContent).toContain(
      'Refresh failed: Segment high-value is a draft and has no view',
    );
  });

  it('hides the changing actions from viewers', async () => {
    await open('viewer');

    expect(page.querySelector('.actions')).toBeNull();
    expect(page.textContent).toContain(
      'Editors and admins can create, refresh and delete segments.',
    );
  });
});
