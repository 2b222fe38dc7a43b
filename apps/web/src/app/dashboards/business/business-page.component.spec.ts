import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { BlankPage } from '../../auth/auth.testing';
import { RefreshService } from '../refresh/refresh.service';
import { type BusinessDataType } from './business-data';
import { BusinessPageComponent } from './business-page.component';
import { TEST_WINDOW, buildEnvelope, flushAnnotations, openDataRequests } from './business.testing';

const SEGMENT_ID = '7d3c1f2a-5b6e-4c8d-9a0b-1c2d3e4f5a6b';

const SUMMARY = buildEnvelope('summary', [
  { metric: 'impressions', current: 40000, previous: 32000, change: 0.25 },
  { metric: 'conversions', current: 800, previous: 1000, change: -0.2 },
  { metric: 'conversionRate', current: 0.02, previous: 0.03125, change: -0.36 },
  { metric: 'revenue', current: 0, previous: 0, change: null },
]);

const OFFERS = buildEnvelope('offer_performance', [
  {
    offerKey: 'summer_promo',
    offerName: 'Summer promo',
    impressions: 30000,
    conversions: 800,
    conversionRate: 0.0267,
    revenue: 0,
  },
  {
    offerKey: 'gold_card',
    offerName: 'Gold card',
    impressions: 10000,
    conversions: 0,
    conversionRate: 0,
    revenue: 0,
  },
]);

const CHANNELS = buildEnvelope('channel_effectiveness', [
  {
    channelKey: 'email',
    channelName: 'Email',
    impressions: 25000,
    conversions: 500,
    effectiveness: 0.02,
  },
]);

describe('BusinessPageComponent', () => {
  let fixture: ComponentFixture<BusinessPageComponent>;
  let httpTesting: HttpTestingController;
  let page: HTMLElement;

  /** Lets responses resolve and the view catch up, a few rounds deep. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
    }
  }

  /** Flushes every open data request, with `responses` where given and empty data otherwise. */
  async function flushAll(
    responses: Partial<Record<BusinessDataType, object>> = {},
  ): Promise<void> {
    for (const [type, request] of openDataRequests(httpTesting)) {
      request.flush(
        responses[type as BusinessDataType] ?? buildEnvelope(type as BusinessDataType, []),
      );
    }
    await settle();
    flushAnnotations(httpTesting);
    await settle();
  }

  async function open(url: string): Promise<void> {
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(BusinessPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await settle();
  }

  function panel(heading: string): HTMLElement {
    const panels = Array.from(page.querySelectorAll<HTMLElement>('section.panel'));
    const found = panels.find(
      (candidate) => candidate.querySelector('.panel-heading')?.textContent === heading,
    );
    if (!found) {
      throw new Error(`No panel "${heading}"`);
    }

    return found;
  }

  beforeEach(() => {
    // jsdom has no canvas; the charts stay blank and the tables carry the figures.
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: BlankPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        RefreshService,
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpTesting.verify();
    jest.restoreAllMocks();
  });

  it('asks for every data type with the window of the URL', async () => {
    await open('/dashboards/business?days=30');

    const requests = openDataRequests(httpTesting);
    expect([...requests.keys()].sort()).toEqual([
      'acceptance_rate',
      'channel_effectiveness',
      'daily_trend',
      'funnel',
      'offer_performance',
      'revenue_trend',
      'summary',
    ]);
    for (const request of requests.values()) {
      expect(request.request.params.get('days')).toBe('30');
      expect(request.request.params.has('segmentId')).toBe(false);
      request.flush(buildEnvelope(request.request.params.get('type') as BusinessDataType, []));
    }
    await settle();
  });

  it('shows KPIs as percentages and counts with arrow and text', async () => {
    await open('/dashboards/business');
    await flushAll({ summary: SUMMARY });

    const cards = Array.from(page.querySelectorAll('app-kpi-card'));
    expect(cards.map((card) => card.querySelector('.kpi-value')?.textContent)).toEqual([
      '40,000',
      '800',
      '2.0%',
      '0',
    ]);
    const changes = cards.map((card) => card.querySelector('.kpi-change')?.textContent?.trim());
    expect(changes[0]).toBe('▲ +25.0% vs previous period');
    expect(changes[1]).toBe('▼ -20.0% vs previous period');
    expect(changes[3]).toBe('■ No previous period to compare');
    expect(cards[2]?.querySelector('.kpi-caption')?.textContent).toBe(
      'Previous period: 3.1% (-1.1 pp)',
    );
  });

  it('shows both data hints next to the data', async () => {
    await open('/dashboards/business');
    await flushAll({ summary: SUMMARY, offer_performance: OFFERS });

    expect(panel('Summary').textContent).toContain(
      'conversions were recorded but no revenue. The Respond calls carry no conversionValue',
    );
    const offers = panel('Offer performance');
    expect(offers.querySelector('.hints')?.textContent).toContain('Gold card');
    expect(offers.querySelector('.hints')?.textContent).toContain(
      'had 100 or more impressions but no conversions',
    );
    const goldRow = Array.from(offers.querySelectorAll('tbody tr')).find((row) =>
      row.textContent?.includes('Gold card'),
    );
    expect(goldRow?.querySelector('.row-hint')?.textContent).toContain('No conversions');
  });

  it('shows a segment warning as information, not as an error', async () => {
    await open(`/dashboards/business?segmentId=${SEGMENT_ID}`);
    const requests = openDataRequests(httpTesting);
    expect(requests.get('summary')?.request.params.get('segmentId')).toBe(SEGMENT_ID);
    for (const [type, request] of requests) {
      request.flush(
        buildEnvelope(type as BusinessDataType, [], {
          segmentId: SEGMENT_ID,
          warning: 'segment view not materialized',
        }),
      );
    }
    await settle();

    const banner = page.querySelector('.info-banner');
    expect(banner?.getAttribute('role')).toBe('status');
    expect(banner?.textContent).toContain('This segment has no customer list yet');
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(panel('Channel effectiveness').getAttribute('data-state')).toBe('empty');
    expect(panel('Channel effectiveness').textContent).toContain(
      'Activate it on the Segments page',
    );
  });

  it('explains missing data and how to send it', async () => {
    await open('/dashboards/business');
    await flushAll();

    const offers = panel('Offer performance');
    expect(offers.getAttribute('data-state')).toBe('empty');
    expect(offers.textContent).toContain('No impressions in this window.');
    expect(offers.textContent).toContain('POST /api/v1/interactions');
    expect(offers.textContent).toContain('npm run import');
  });

  it('shows an error with Retry, and Retry loads again', async () => {
    await open('/dashboards/business');
    const requests = openDataRequests(httpTesting);
    requests.get('channel_effectiveness')?.flush(
      {
        error: {
          code: 'internal',
          message: 'Database unavailable',
          status: 503,
          requestId: 'r1',
        },
      },
      { status: 503, statusText: 'Service Unavailable' },
    );
    requests.delete('channel_effectiveness');
    for (const [type, request] of requests) {
      request.flush(buildEnvelope(type as BusinessDataType, []));
    }
    await settle();
    flushAnnotations(httpTesting);
    await settle();

    const channels = panel('Channel effectiveness');
    expect(channels.getAttribute('data-state')).toBe('error');
    expect(channels.textContent).toContain('Database unavailable (request id r1)');

    channels.querySelector<HTMLButtonElement>('.panel-state-error button')!.click();
    await settle();
    httpTesting
      .expectOne((request) => request.params.get('type') === 'channel_effectiveness')
      .flush(CHANNELS);
    await settle();

    expect(channels.getAttribute('data-state')).toBe('ready');
    expect(channels.querySelector('tbody')?.textContent).toContain('Email');
  });

  it('reloads on a refresh tick and keeps the rows meanwhile', async () => {
    await open('/dashboards/business');
    await flushAll({ channel_effectiveness: CHANNELS });

    TestBed.inject(RefreshService).refreshNow();
    await settle();

    const again = openDataRequests(httpTesting);
    expect(again.size).toBe(7);
    expect(panel('Channel effectiveness').getAttribute('data-state')).toBe('ready');
    for (const [type, request] of again) {
      request.flush(
        type === 'channel_effectiveness' ? CHANNELS : buildEnvelope(type as BusinessDataType, []),
      );
    }
    await settle();
  });

  it('lists the annotations of the trend window by UTC day', async () => {
    await open('/dashboards/business');
    for (const [type, request] of openDataRequests(httpTesting)) {
      request.flush(
        type === 'daily_trend'
          ? buildEnvelope('daily_trend', [
              { day: '2026-12-01', impressions: 500, conversions: 12 },
              { day: '2026-12-02', impressions: 450, conversions: 3 },
            ])
          : buildEnvelope(type as BusinessDataType, []),
      );
    }
    await settle();

    const annotations = httpTesting.expectOne((request) => request.url === '/api/v1/annotations');
    expect(annotations.request.params.get('from')).toBe('2026-11-28T00:00:00Z');
    expect(annotations.request.params.get('to')).toBe('2026-12-05T00:00:00Z');
    annotations.flush({
      data: [
        {
          id: 'a-1',
          occurredAt: '2026-12-02T08:30:00Z',
          kind: 'policy_change',
          title: 'Frequency cap lowered to 3 per day',
        },
      ],
      page: { limit: 200, nextCursor: null, total: 1 },
    });
    await settle();

    const trend = panel('Daily trend');
    expect(trend.getAttribute('data-state')).toBe('ready');
    expect(trend.querySelector('.annotations')?.textContent).toContain('Dec 2, 2026 UTC');
    expect(trend.querySelector('.annotations')?.textContent).toContain(
      'Frequency cap lowered to 3 per day',
    );
    expect(panel('Revenue trend').getAttribute('data-state')).toBe('empty');
  });

  it('opens the rows behind a figure with the panel filters', async () => {
    await open(`/dashboards/business?segmentId=${SEGMENT_ID}`);
    await flushAll({ offer_performance: OFFERS });

    const impressions = page.querySelector<HTMLButtonElement>(
      'button[aria-label="30,000 impressions of Summer promo: show rows"]',
    )!;
    impressions.click();
    await settle();

    const request = httpTesting.expectOne((candidate) => candidate.url === '/api/v1/interactions');
    expect(request.request.params.keys().sort()).toEqual([
      'from',
      'kind',
      'limit',
      'offerKey',
      'segmentId',
      'to',
    ]);
    expect(request.request.params.get('from')).toBe(TEST_WINDOW.from);
    expect(request.request.params.get('to')).toBe(TEST_WINDOW.to);
    expect(request.request.params.get('offerKey')).toBe('summer_promo');
    expect(request.request.params.get('kind')).toBe('impression');
    expect(request.request.params.get('segmentId')).toBe(SEGMENT_ID);
    request.flush({
      data: [
        {
          id: 'i-1',
          occurredAt: '2026-12-01T10:00:00Z',
          kind: 'impression',
          customerId: 'cust-1',
          offerKey: 'summer_promo',
          channelKey: 'email',
          outcomeKey: null,
          conversionValue: null,
        },
      ],
      page: { limit: 50, nextCursor: 'next-1', total: 51 },
    });
    await settle();

    const drawer = page.querySelector('[role="dialog"]')!;
    expect(drawer.querySelector('h2')?.textContent).toBe('Impressions of Summer promo');
    expect(drawer.querySelector('tbody')?.textContent).toContain('cust-1');
    expect(drawer.querySelector('.range')?.textContent).toBe('Rows 1–1 of 51');

    const next = Array.from(drawer.querySelectorAll<HTMLButtonElement>('.pager button')).find(
      (button) => button.textContent?.trim() === 'Next page',
    )!;
    next.click();
    await settle();
    const second = httpTesting.expectOne((candidate) => candidate.url === '/api/v1/interactions');
    expect(second.request.params.get('cursor')).toBe('next-1');
    second.flush({ data: [], page: { limit: 50, nextCursor: null, total: 51 } });
    await settle();
  });

  it('downloads the rows as CSV with the same filters', async () => {
    const createObjectURL = jest.fn(() => 'blob:rows');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await open('/dashboards/business');
    await flushAll({ channel_effectiveness: CHANNELS });

    page
      .querySelector<HTMLButtonElement>('button[aria-label="500 conversions on Email: show rows"]')!
      .click();
    await settle();
    httpTesting
      .expectOne((candidate) => candidate.url === '/api/v1/interactions')
      .flush({ data: [], page: { limit: 50, nextCursor: null, total: 0 } });
    await settle();

    const download = Array.from(
      page.querySelectorAll<HTMLButtonElement>('.drawer-actions button'),
    )[0];
    download.click();
    await settle();
    const csv = httpTesting.expectOne((candidate) => candidate.params.get('format') === 'csv');
    expect(csv.request.params.get('channelKey')).toBe('email');
    expect(csv.request.params.get('conversion')).toBe('true');
    expect(csv.request.params.has('limit')).toBe(false);
    expect(csv.request.headers.get('Accept')).toBe('text/csv');
    csv.flush('id,kind\r\n');
    await settle();

    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const blob = (createObjectURL.mock.calls[0] as unknown as [Blob])[0];
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blob);
    });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\ufeffid,kind\r\n');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:rows');
  });
});
