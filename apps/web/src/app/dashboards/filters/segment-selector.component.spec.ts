import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { BlankPage } from '../../auth/auth.testing';
import { SEGMENT_ID, buildSegmentDto } from '../../segments/segments.testing';
import { SegmentSelectorComponent, segmentOptionLabel } from './segment-selector.component';

const ACTIVE_ID = SEGMENT_ID;
const DRAFT_ID = '9f1e2d3c-4b5a-4697-8877-665544332211';

describe('SegmentSelectorComponent', () => {
  let router: Router;
  let httpTesting: HttpTestingController;
  let fixture: ComponentFixture<SegmentSelectorComponent>;

  async function open(url: string, segments = [buildSegmentDto()]): Promise<HTMLElement> {
    await router.navigateByUrl(url);
    fixture = TestBed.createComponent(SegmentSelectorComponent);
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    const requests = httpTesting.match('/api/v1/segments?limit=200');
    for (const request of requests) {
      request.flush({
        data: segments,
        page: { limit: 200, nextCursor: null, total: segments.length },
      });
    }
    await fixture.whenStable();

    return fixture.nativeElement as HTMLElement;
  }

  function select(element: HTMLElement): HTMLSelectElement {
    return element.querySelector<HTMLSelectElement>('#segment-select')!;
  }

  function queryParams(): Record<string, string> {
    return router.parseUrl(router.url).queryParams;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'dashboards/business', data: { dashboard: 'business' }, component: BlankPage },
          {
            path: 'dashboards/operations',
            data: { dashboard: 'operations' },
            component: BlankPage,
          },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    router = TestBed.inject(Router);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpTesting.verify();
  });

  it('lists All customers and the segments with their status', async () => {
    const element = await open('/dashboards/business', [
      buildSegmentDto(),
      buildSegmentDto({ id: DRAFT_ID, name: 'Lapsed', status: 'draft', materialized: false }),
    ]);

    const options = Array.from(select(element).options).map((option) => option.textContent?.trim());
    expect(options).toEqual([
      'All customers',
      'High value (active)',
      'Lapsed (draft, no data until active)',
    ]);
    expect(select(element).value).toBe('');
  });

  it('writes the chosen segment to the URL and keeps the other filters', async () => {
    const element = await open('/dashboards/business?days=30&refresh=off');

    select(element).value = ACTIVE_ID;
    select(element).dispatchEvent(new Event('change'));
    await fixture.whenStable();

    expect(queryParams()).toEqual({ days: '30', refresh: 'off', segmentId: ACTIVE_ID });
  });

  it('selects the segment of the URL, and All customers removes it', async () => {
    const element = await open(`/dashboards/business?days=14&segmentId=${ACTIVE_ID}`);

    expect(select(element).value).toBe(ACTIVE_ID);

    select(element).value = '';
    select(element).dispatchEvent(new Event('change'));
    await fixture.whenStable();

    expect(queryParams()).toEqual({ days: '14' });
  });

  it('round-trips through the URL: a copied link selects the same segment', async () => {
    const first = await open('/dashboards/business');
    select(first).value = ACTIVE_ID;
    select(first).dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const link = router.url;
    fixture.destroy();

    const second = await open(link);

    expect(link).toBe(`/dashboards/business?segmentId=${ACTIVE_ID}`);
    expect(select(second).value).toBe(ACTIVE_ID);
  });

  it('keeps an unknown segment of a link visible as selected', async () => {
    const element = await open(`/dashboards/business?segmentId=${DRAFT_ID}`);

    expect(select(element).selectedOptions[0]?.textContent?.trim()).toBe(
      `Unknown segment ${DRAFT_ID}`,
    );
  });

  it('explains a segmentId that is not a UUID', async () => {
    const element = await open('/dashboards/business?segmentId=vip');

    expect(select(element).value).toBe('');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      `segmentId must be a segment's UUID (got "vip"). Showing all customers instead.`,
    );
  });

  it('is absent, and loads nothing, on a dashboard without segments', async () => {
    const element = await open('/dashboards/operations');

    expect(select(element)).toBeNull();
    httpTesting.expectNone('/api/v1/segments?limit=200');
  });
});

describe('segmentOptionLabel', () => {
  it('marks a refreshing segment', () => {
    expect(segmentOptionLabel({ name: 'VIP', status: 'active', refreshing: true })).toBe(
      'VIP (active, refreshing)',
    );
  });
});
