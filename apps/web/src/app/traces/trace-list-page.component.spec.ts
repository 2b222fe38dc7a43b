import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { BlankPage } from '../auth/auth.testing';
import { VIEWER_TIME_ZONE } from '../shared/format/format';
import { TraceListPageComponent } from './trace-list-page.component';
import { TEST_TRACE_ID, buildTracePage, buildTraceSummary } from './traces.testing';

const LIST_URL = '/api/v1/decision-traces';

/** Reads a Blob's bytes; jsdom's Blob has no text() or arrayBuffer(). */
function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The blob could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}

describe('TraceListPageComponent', () => {
  let harness: RouterTestingHarness;
  let httpTesting: HttpTestingController;
  let router: Router;
  let page: HTMLElement;

  async function settle(): Promise<void> {
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setTimeout(resolve));
      harness.detectChanges();
    }
  }

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url);
    page = harness.routeNativeElement!;
    await settle();
  }

  function takeListRequest(): TestRequest {
    return httpTesting.expectOne(
      (request) => request.url === LIST_URL && request.params.get('format') === null,
    );
  }

  function input(id: string): HTMLInputElement {
    return page.querySelector<HTMLInputElement>(`#${id}`)!;
  }

  function button(text: string): HTMLButtonElement {
    const found = Array.from(page.querySelectorAll('button')).find(
      (candidate) => candidate.textContent?.trim() === text,
    );
    if (!found) {
      throw new Error(`No button "${text}"`);
    }

    return found;
  }

  function query(): Record<string, string> {
    return router.parseUrl(router.url).queryParams;
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'traces', component: TraceListPageComponent },
            { path: '**', component: BlankPage },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: VIEWER_TIME_ZONE, useValue: 'UTC' },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    httpTesting.verify();
    jest.restoreAllMocks();
  });

  it('reads a pipeline bar link', async () => {
    await open('/traces?stage=contactPolicy&ruleId=frequency_cap&from=2026-12-03T12:00:00Z');

    const request = takeListRequest();
    expect(
      Object.fromEntries(
        request.request.params.keys().map((key) => [key, request.request.params.get(key)]),
      ),
    ).toEqual({
      limit: '50',
      stage: 'contactPolicy',
      ruleId: 'frequency_cap',
      from: '2026-12-03T12:00:00Z',
    });
    request.flush(buildTracePage([buildTraceSummary()]));
    await settle();

    expect(page.querySelector<HTMLSelectElement>('#trace-stage')!.value).toBe('contactPolicy');
    expect(input('trace-rule').value).toBe('frequency_cap');
    expect(input('trace-from').value).toBe('2026-12-03T12:00');
    expect(input('trace-to').value).toBe('');
  });

  it('puts applied filters in the URL and starts from the first page', async () => {
    await open('/traces?stage=contactPolicy&cursor=abc');
    takeListRequest().flush(buildTracePage([buildTraceSummary()]));
    await settle();

    input('trace-offer').value = ' offer_summer_promo ';
    input('trace-offer').dispatchEvent(new Event('input'));
    input('trace-to').value = '2026-12-04T12:00';
    input('trace-to').dispatchEvent(new Event('input'));
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();

    expect(query()).toEqual({
      stage: 'contactPolicy',
      offerKey: 'offer_summer_promo',
      to: '2026-12-04T12:00:00Z',
    });
    const request = takeListRequest();
    expect(request.request.params.get('offerKey')).toBe('offer_summer_promo');
    expect(request.request.params.get('cursor')).toBeNull();
    request.flush(buildTracePage([]));
  });

  it('refuses a range that ends before it starts, without navigating', async () => {
    await open('/traces');
    takeListRequest().flush(buildTracePage([buildTraceSummary()]));
    await settle();

    input('trace-from').value = '2026-12-04T12:00';
    input('trace-from').dispatchEvent(new Event('input'));
    input('trace-to').value = '2026-12-04T11:00';
    input('trace-to').dispatchEvent(new Event('input'));
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();

    expect(page.querySelector('.form-problems')?.textContent).toContain(
      'The end of the time range must be after its start.',
    );
    expect(query()).toEqual({});
  });

  it('clears the filters but keeps the page size', async () => {
    await open('/traces?stage=scoring&limit=100');
    takeListRequest().flush(buildTracePage([]));
    await settle();

    button('Clear filters').click();
    await settle();

    expect(query()).toEqual({ limit: '100' });
    takeListRequest().flush(buildTracePage([]));
  });

  it('pages forward with the next cursor and back again', async () => {
    await open('/traces?stage=contactPolicy');
    takeListRequest().flush(buildTracePage([buildTraceSummary()], { nextCursor: 'c2', total: 80 }));
    await settle();
    expect(button('Previous page').disabled).toBe(true);

    button('Next page').click();
    await settle();

    expect(query()).toEqual({ stage: 'contactPolicy', cursor: 'c2' });
    const second = takeListRequest();
    expect(second.request.params.get('cursor')).toBe('c2');
    second.flush(
      buildTracePage([buildTraceSummary({ id: 'f0000000-0000-4000-8000-000000000002' })]),
    );
    await settle();
    expect(button('Previous page').disabled).toBe(false);

    button('Previous page').click();
    await settle();

    expect(query()).toEqual({ stage: 'contactPolicy' });
    takeListRequest().flush(buildTracePage([buildTraceSummary()], { nextCursor: 'c2' }));
    await settle();
    expect(button('Previous page').disabled).toBe(true);
  });

  it('links each trace to its detail, carrying the list filters', async () => {
    await open('/traces?stage=contactPolicy&offerKey=offer_summer_promo');
    takeListRequest().flush(buildTracePage([buildTraceSummary()], { total: 1 }));
    await settle();

    const link = page.querySelector<HTMLAnchorElement>('a[aria-label="Open trace req-8c1f"]')!;
    const url = new URL(link.href);
    expect(url.pathname).toBe(`/traces/${TEST_TRACE_ID}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      stage: 'contactPolicy',
      offerKey: 'offer_summer_promo',
    });
    const cells = Array.from(page.querySelectorAll('tbody tr td')).map((cell) =>
      cell.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(cells).toContain('4 → 1');
    const removals = Array.from(page.querySelectorAll('tbody .tag-list li')).map(
      (item) => item.textContent,
    );
    expect(removals).toEqual(['Qualification: min_age', 'Contact Policy: frequency_cap']);
    expect(page.querySelector('.list-summary')?.textContent).toContain('1 matching traces');
  });

  it('explains URL values it ignored', async () => {
    await open('/traces?stage=ranking');

    expect(page.querySelector('.problems')?.textContent).toContain(
      'stage must be one of qualification, suppression, contactPolicy, scoring (got "ranking")',
    );
    expect(takeListRequest().request.params.get('stage')).toBeNull();
  });

  it('explains an empty list', async () => {
    await open('/traces');
    takeListRequest().flush(buildTracePage([]));
    await settle();
    expect(page.textContent).toContain('No decision traces have been recorded yet.');
    expect(page.textContent).toContain('POST /api/v1/decision-traces');

    await open('/traces?customerId=cust-9');
    takeListRequest().flush(buildTracePage([]));
    await settle();
    expect(page.textContent).toContain('No decision traces match these filters.');
  });

  it('downloads the matching traces as CSV', async () => {
    const createObjectURL = jest.fn().mockReturnValue('blob:traces');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    await open('/traces?stage=contactPolicy&cursor=abc');
    takeListRequest().flush(buildTracePage([buildTraceSummary()]));
    await settle();

    button('Download CSV').click();
    await settle();
    const csv = httpTesting.expectOne((request) => request.params.get('format') === 'csv');
    expect(csv.request.params.get('stage')).toBe('contactPolicy');
    expect(csv.request.params.get('cursor')).toBeNull();
    expect(csv.request.headers.get('Accept')).toBe('text/csv');
    csv.flush('id,requestId\r\nabc,req-8c1f\r\n');
    await settle();

    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = await readBytes(blob);
    // A UTF-8 byte-order mark, then the CSV as the API sent it.
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(String.fromCharCode(...bytes.slice(3))).toBe('id,requestId\r\nabc,req-8c1f\r\n');
    expect(click).toHaveBeenCalledTimes(1);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:traces');
  });
});
