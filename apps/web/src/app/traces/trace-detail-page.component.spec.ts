import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { BlankPage, buildErrorBody } from '../auth/auth.testing';
import { VIEWER_TIME_ZONE } from '../shared/format/format';
import { TraceDetailPageComponent } from './trace-detail-page.component';
import { TEST_TRACE_ID, buildTraceDetail } from './traces.testing';

const DETAIL_URL = `/api/v1/decision-traces/${TEST_TRACE_ID}`;

describe('TraceDetailPageComponent', () => {
  let harness: RouterTestingHarness;
  let httpTesting: HttpTestingController;
  let page: HTMLElement;

  async function settle(): Promise<void> {
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setTimeout(resolve));
      harness.detectChanges();
    }
  }

  async function open(query: string, response: object = buildTraceDetail()): Promise<void> {
    await harness.navigateByUrl(`/traces/${TEST_TRACE_ID}${query}`);
    page = harness.routeNativeElement!;
    await settle();
    httpTesting.expectOne(DETAIL_URL).flush(response);
    await settle();
  }

  function journeyRows(): string[][] {
    return Array.from(page.querySelectorAll('.journey-table tbody tr')).map((row) =>
      Array.from(row.children).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    );
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'traces/:traceId', component: TraceDetailPageComponent },
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
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    httpTesting.verify();
  });

  it('shows the journey of every offer', async () => {
    await open('');

    const table = page.querySelector('.journey-table')!;
    expect(table.querySelector('caption')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Offer journey: the last stage each candidate offer reached, and the rule and reason ' +
        'that removed it',
    );
    // The outcome badge starts with its symbol, hidden from assistive technology.
    expect(journeyRows()).toEqual([
      [
        'offer_travel_card',
        '✕Removed',
        'Qualification',
        'min_age',
        'customer younger than 21',
        '—',
        '—',
      ],
      [
        'offer_summer_promo',
        '✕Removed',
        'Contact Policy',
        'frequency_cap',
        'frequency_cap exceeded: 3/day at scope global',
        '—',
        '—',
      ],
      [
        'offer_loan_topup',
        '✕Removed',
        'Contact Policy',
        'frequency_cap',
        'frequency_cap exceeded: 1/week',
        '—',
        '—',
      ],
      ['offer_gold_card', '✓Selected', 'Scoring', '—', '—', '0.73', 'propensity-v3'],
    ]);
    expect(page.querySelector('h1')?.textContent).toBe('Decision Trace req-8c1f');
    expect(page.querySelector('[role="status"]')).toBeNull();
  });

  it('points out the offer searched for and the removals the list filtered by', async () => {
    await open('?offerKey=offer_summer_promo&stage=contactPolicy&ruleId=frequency_cap');

    expect(page.querySelector('.searched-offer')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Offer offer_summer_promo: offer_summer_promo was removed at Contact Policy by rule ' +
        'frequency_cap: frequency_cap exceeded: 3/day at scope global.',
    );
    const searched = page.querySelector('.journey-table tr[aria-current="true"]')!;
    expect(searched.querySelector('th')?.textContent).toContain('offer_summer_promo');
    expect(searched.textContent).toContain('Searched offer');
    expect(
      Array.from(page.querySelectorAll('.journey-table tr.matches-filter th code')).map(
        (code) => code.textContent,
      ),
    ).toEqual(['offer_summer_promo', 'offer_loan_topup']);
  });

  it('shows the stage timeline with markers', async () => {
    await open('?stage=contactPolicy');

    const stages = Array.from(page.querySelectorAll('.timeline-stage')).map((stage) => ({
      name: stage.querySelector('.stage-name')?.textContent,
      counts: stage.querySelector('.stage-counts')?.textContent?.replace(/\s+/g, ' ').trim(),
      badges: Array.from(stage.querySelectorAll('app-status-badge')).map(
        (badge) => badge.textContent,
      ),
    }));
    expect(stages).toEqual([
      { name: 'Qualification', counts: '4 → 3 (1 removed)', badges: [] },
      { name: 'Suppression', counts: '3 → 3 (0 removed)', badges: [] },
      { name: 'Contact Policy', counts: '3 → 1 (2 removed)', badges: ['•Filtered stage'] },
      { name: 'Scoring', counts: '1 → 1 (0 removed)', badges: ['!Scoring degraded'] },
    ]);
    expect(page.querySelector('.timeline-stage.degraded app-status-badge')?.classList).toContain(
      'tone-amber',
    );
  });

  it('shows the selected offers and the experiment', async () => {
    await open('');

    const facts = Object.fromEntries(
      Array.from(page.querySelectorAll('.facts > div')).map((fact) => [
        fact.querySelector('dt')?.textContent,
        fact.querySelector('dd')?.textContent?.trim(),
      ]),
    );
    expect(facts['Selected offers']).toBe('offer_gold_card');
    expect(facts['Experiment']).toBe('ranker-ab, variant challenger');
    expect(facts['Time']).toBe('Dec 4, 2026, 09:30:00 UTC');
  });

  it('leads back to the list with its filters', async () => {
    await open('?stage=contactPolicy&offerKey=offer_summer_promo');

    const back = Array.from(page.querySelectorAll<HTMLAnchorElement>('.breadcrumb a')).find(
      (link) => link.textContent === 'Decision traces',
    )!;
    const url = new URL(back.href);
    expect(url.pathname).toBe('/traces');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      stage: 'contactPolicy',
      offerKey: 'offer_summer_promo',
    });
  });

  it('shows a missing trace as an error with Retry', async () => {
    await harness.navigateByUrl(`/traces/${TEST_TRACE_ID}`);
    page = harness.routeNativeElement!;
    await settle();
    httpTesting.expectOne(DETAIL_URL).flush(buildErrorBody(404, 'decision trace not found'), {
      status: 404,
      statusText: 'Not Found',
    });
    await settle();

    const alerts = page.querySelectorAll('[role="alert"]');
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0].textContent).toContain('decision trace not found (request id req-1)');
    alerts[0].querySelector('button')!.click();
    await settle();

    httpTesting.expectOne(DETAIL_URL).flush(buildTraceDetail());
    await settle();
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(journeyRows()).toHaveLength(4);
  });
});
