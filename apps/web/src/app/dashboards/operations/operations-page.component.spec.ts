import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { type DeadLetterListDto } from '@kaireon/api-client';

import { BlankPage, buildErrorBody, buildIdentity } from '../../auth/auth.testing';
import { type Role } from '../../auth/session.model';
import { SessionService } from '../../auth/session.service';
import { Clock } from '../../core/clock';
import { VIEWER_TIME_ZONE } from '../../shared/format/format';
import { RefreshService } from '../refresh/refresh.service';
import { OperationsPageComponent } from './operations-page.component';
import {
  TEST_DAY_WINDOW,
  TEST_PIPELINE_WINDOW,
  buildBreakers,
  buildDlqSummary,
  buildPipeline,
  buildSummary,
} from './operations.testing';

/** 2026-12-04T12:00:00Z, so "today" is 2026-12-04 (UTC). */
const NOW = Date.UTC(2026, 11, 4, 12);

const PATHS = {
  summary: '/api/v1/dashboards/operations/summary',
  pipeline: '/api/v1/dashboards/decision-pipeline',
  traces: '/api/v1/decision-traces',
  breakers: '/api/v1/dashboards/operations/circuit-breakers',
  dlq: '/api/v1/dashboards/operations/dlq',
  acceptance: '/api/v1/dashboard-data',
  adminDlq: '/api/v1/admin/dlq',
  metrics: '/api/v1/metrics/summary',
} as const;

type PanelKey = keyof typeof PATHS;

const ACCEPTANCE = {
  type: 'acceptance_rate',
  window: TEST_DAY_WINDOW,
  segmentId: null,
  coverageFrom: '2026-11-28',
  data: [
    {
      offerKey: 'offer_summer_promo',
      offerName: 'Summer promo',
      impressions: 4000,
      positive: 120,
      negative: 300,
      acceptRate: 0.03,
    },
  ],
};

const ADMIN_DLQ: DeadLetterListDto = {
  totalEvents: 2,
  byTopic: { interaction_events: 2 },
  alert: 'OK',
  data: [
    {
      id: 'e1',
      topic: 'interaction_events',
      payload: { customerId: 'cust-1' },
      error: 'unknown outcome type',
      retryCount: 3,
      failedAt: '2026-12-04T10:00:00Z',
      lastRetriedAt: null,
    },
    {
      id: 'e2',
      topic: 'interaction_events',
      payload: { customerId: 'cust-2' },
      error: 'unknown outcome type',
      retryCount: 3,
      failedAt: '2026-12-04T10:05:00Z',
      lastRetriedAt: null,
    },
  ],
  page: { limit: 50, nextCursor: null, total: 2 },
};

const RESPONSES: Record<PanelKey, () => object> = {
  summary: () => buildSummary(),
  pipeline: () => buildPipeline(),
  traces: () => ({ data: [], page: { limit: 10, nextCursor: null, total: 0 } }),
  breakers: () => buildBreakers(),
  dlq: () => buildDlqSummary(),
  acceptance: () => ACCEPTANCE,
  adminDlq: () => ADMIN_DLQ,
  metrics: () => ({
    data: [
      {
        name: 'kaireon_dlq_depth',
        help: 'Queued events',
        type: 'gauge',
        values: [{ labels: { topic: 'interaction_events' }, value: 2 }],
      },
    ],
  }),
};

describe('OperationsPageComponent', () => {
  let fixture: ComponentFixture<OperationsPageComponent>;
  let httpTesting: HttpTestingController;
  let page: HTMLElement;

  async function settle(): Promise<void> {
    for (let round = 0; round < 4; round++) {
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
    }
  }

  function setUp(role: Role): void {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: BlankPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        RefreshService,
        { provide: Clock, useValue: { now: () => NOW } },
        { provide: VIEWER_TIME_ZONE, useValue: 'UTC' },
        { provide: SessionService, useValue: { identity: signal(buildIdentity({ role })) } },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  }

  async function open(url: string): Promise<void> {
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(OperationsPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await settle();
  }

  /** Requests taken from the testing backend and not flushed yet, by panel. */
  let pendingRequests: Map<PanelKey, TestRequest[]>;

  /** Returns the open GET requests of a panel. They stay open until `answerAll` flushes them. */
  function openRequests(key: PanelKey): TestRequest[] {
    const fresh = httpTesting.match(
      (request) => request.method === 'GET' && request.url === PATHS[key],
    );
    const open = [...(pendingRequests.get(key) ?? []), ...fresh].filter(
      (request) => !request.cancelled,
    );
    pendingRequests.set(key, open);

    return open;
  }

  /** Flushes every open request, with `overrides` where given and the builders otherwise. */
  async function answerAll(overrides: Partial<Record<PanelKey, object>> = {}): Promise<void> {
    for (const key of Object.keys(PATHS) as PanelKey[]) {
      for (const request of openRequests(key)) {
        request.flush(overrides[key] ?? RESPONSES[key]());
      }
      pendingRequests.set(key, []);
    }
    await settle();
  }

  function panelHeadings(): string[] {
    return Array.from(page.querySelectorAll('section.panel .panel-heading')).map(
      (heading) => heading.textContent ?? '',
    );
  }

  function panel(heading: string): HTMLElement {
    const found = Array.from(page.querySelectorAll<HTMLElement>('section.panel')).find(
      (section) => section.querySelector('.panel-heading')?.textContent === heading,
    );
    if (!found) {
      throw new Error(`No panel "${heading}"; panels: ${panelHeadings().join(', ')}`);
    }

    return found;
  }

  beforeEach(() => {
    pendingRequests = new Map();
    // jsdom has no canvas; the charts stay blank and the tables carry the figures.
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });

  afterEach(() => {
    httpTesting.verify();
    jest.restoreAllMocks();
  });

  describe('for a viewer', () => {
    beforeEach(() => setUp('viewer'));

    it('asks every panel for the period in the URL', async () => {
      await open('/dashboards/operations?days=30');

      const param = (key: PanelKey, name: string) =>
        openRequests(key)[0]?.request.params.get(name) ?? null;
      expect(param('summary', 'days')).toBe('30');
      expect(param('pipeline', 'windowHours')).toBe('168');
      expect(param('breakers', 'days')).toBe('30');
      expect(param('dlq', 'days')).toBe('30');
      expect(param('acceptance', 'type')).toBe('acceptance_rate');
      expect(param('acceptance', 'days')).toBe('30');
      expect(param('traces', 'from')).toBe('2026-11-05T00:00:00Z');
      expect(param('traces', 'to')).toBe('2026-12-05T00:00:00Z');
      expect(param('traces', 'limit')).toBe('10');
      await answerAll({ pipeline: buildPipeline({ windowHours: 168 }) });
    });

    it('says when the pipeline window was capped', async () => {
      await open('/dashboards/operations?days=30');
      await answerAll({ pipeline: buildPipeline({ windowHours: 168 }) });

      const pipeline = panel('Decision Pipeline');
      expect(pipeline.querySelector('.window-label')?.textContent).toBe('last 7d');
      expect(pipeline.querySelector('[role="note"]')?.textContent).toBe(
        'Showing the last 7 days: the pipeline keeps 168 hours.',
      );
    });

    it('maps a one-day period to the last 24 hours without a note', async () => {
      await open('/dashboards/operations?days=1');

      expect(openRequests('pipeline')[0]?.request.params.get('windowHours')).toBe('24');
      await answerAll();
      const pipeline = panel('Decision Pipeline');
      expect(pipeline.querySelector('.window-label')?.textContent).toBe('last 24h');
      expect(pipeline.querySelector('[role="note"]')).toBeNull();
    });

    it('links the red contact-policy bar and its rules to the traces behind them', async () => {
      await open('/dashboards/operations');
      await answerAll();

      const bar = page.querySelector<HTMLAnchorElement>(
        'a[aria-label="Contact Policy filter rate 89% red"]',
      );
      expect(bar).not.toBeNull();
      expect(bar!.textContent).toContain('89%');
      expect(bar!.textContent).toContain('red');
      const barUrl = new URL(bar!.href);
      expect(barUrl.pathname).toBe('/traces');
      expect(Object.fromEntries(barUrl.searchParams)).toEqual({
        stage: 'contactPolicy',
        from: TEST_PIPELINE_WINDOW.from,
        to: TEST_PIPELINE_WINDOW.to,
      });
      expect(bar!.closest('.rate-row')?.querySelector('.stage-rate')?.textContent).toBe(
        'stage 79%',
      );

      const rule = page.querySelector<HTMLAnchorElement>(
        'a[aria-label="frequency_cap removed 18,012 candidates at Contact Policy: show traces"]',
      );
      expect(new URL(rule!.href).searchParams.get('ruleId')).toBe('frequency_cap');
      expect(new URL(rule!.href).searchParams.get('stage')).toBe('contactPolicy');
    });

    it('shows KPI cards and the latency panels', async () => {
      await open('/dashboards/operations');
      await answerAll();

      const values = Array.from(page.querySelectorAll('app-kpi-card')).map((card) => [
        card.querySelector('.kpi-label')?.textContent,
        card.querySelector('.kpi-value')?.textContent,
      ]);
      expect(values).toEqual([
        ['Total Runs', '1,520'],
        ['Avg Latency (ms)', '41.2'],
        ['P95 Latency (ms)', '88.5'],
        ['Success Rate', '98.6%'],
      ]);
      expect(panel('Summary').querySelector('app-status-badge')).toBeNull();
      const runs = panel('Latency Distribution').querySelectorAll('tbody tr');
      expect(Array.from(runs).map((row) => row.querySelector('code')?.textContent)).toEqual([
        'run-1',
        'run-2',
        'run-3',
      ]);
      expect(panel('Latency Distribution').textContent).toContain('1 of 3 runs above');
      expect(panel('Latency Trend (7 days)').textContent).toContain('frequency cap 3/day added');
    });

    it('marks the P95 approximate when the API says so', async () => {
      await open('/dashboards/operations?days=90');
      await answerAll({
        summary: buildSummary({ source: 'rollups', approximate: true, relativeErrorBound: 0.118 }),
      });

      const summary = panel('Summary');
      expect(summary.querySelector('app-status-badge')?.textContent).toContain('Approximate');
      const p95 = summary.querySelector('app-kpi-card[data-approximate="true"]');
      expect(p95?.querySelector('.kpi-value')?.textContent).toBe('≈ 88.5');
    });

    it('shows breaker states and DLQ alert as text', async () => {
      await open('/dashboards/operations');
      await answerAll();

      const breakers = panel('Circuit Breakers');
      const states = Array.from(breakers.querySelectorAll('.breaker')).map((item) => [
        item.querySelector('.breaker-name')?.textContent,
        item.querySelector('.breaker-head app-status-badge')?.textContent,
        item.querySelector('.breaker-head app-status-badge')?.classList.contains('tone-red'),
      ]);
      expect(states).toEqual([
        ['enrichment-redis', '✕open', true],
        ['connector-snowflake', '✓closed', false],
      ]);
      expect(breakers.querySelector('tbody td')?.textContent).toBe('Dec 4, 2026, 10:15:00 UTC');

      const dlq = panel('Dead-letter Queue');
      expect(dlq.querySelector('.panel-actions app-status-badge')?.textContent).toBe('!WARNING');
      expect(dlq.textContent).toContain('12 events queued now.');
    });

    it('lists acceptance by offer with a link to the offer traces', async () => {
      await open('/dashboards/operations');
      await answerAll();

      const row = panel('Acceptance Rate by Offer').querySelector('tbody tr')!;
      expect(
        Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent?.trim()),
      ).toEqual(['Summer promo traces', '4,000', '120', '300', '3.0%']);
      const link = new URL(row.querySelector<HTMLAnchorElement>('a')!.href);
      expect(link.searchParams.get('offerKey')).toBe('offer_summer_promo');
      expect(link.searchParams.get('from')).toBe('2026-11-28T00:00:00Z');
    });

    it('hides the admin panels and never asks for their data', async () => {
      await open('/dashboards/operations');
      await answerAll();

      expect(panelHeadings()).not.toContain('Metrics');
      expect(panelHeadings()).not.toContain('Dead-letter Events');
      expect(openRequests('metrics')).toHaveLength(0);
      expect(openRequests('adminDlq')).toHaveLength(0);
      expect(panelHeadings()).toEqual([
        'Summary',
        'Latency Distribution',
        'Latency Trend (7 days)',
        'Decision Pipeline',
        'Decision Traces',
        'Circuit Breakers',
        'Dead-letter Queue',
        'Acceptance Rate by Offer',
      ]);
    });

    it('explains empty panels and how to fill them', async () => {
      const summary = buildSummary();
      await open('/dashboards/operations');
      await answerAll({
        summary: {
          ...summary,
          kpis: { ...summary.kpis, totalRuns: 0, completed: 0, failed: 0 },
          latencyDistribution: { p95LatencyMs: null, runs: [] },
          latencyTrend: { ...summary.latencyTrend, coverageFrom: null, annotations: [] },
        },
        pipeline: buildPipeline({ traceCount: 0 }),
        breakers: buildBreakers({ breakers: [] }),
      });

      expect(panel('Summary').textContent).toContain('No decision runs in this period.');
      expect(panel('Summary').textContent).toContain('POST /api/v1/decision-runs');
      expect(panel('Latency Trend (7 days)').textContent).toContain(
        'No decision runs in the last 7 days.',
      );
      expect(panel('Decision Pipeline').textContent).toContain(
        'No decision traces in the last 7 days.',
      );
      expect(panel('Decision Pipeline').textContent).toContain('POST /api/v1/decision-traces');
      expect(panel('Circuit Breakers').textContent).toContain(
        'POST /api/v1/circuit-breakers/events',
      );
    });

    it('shows an error with Retry that asks again', async () => {
      await open('/dashboards/operations');
      openRequests('breakers')[0].flush(buildErrorBody(503, 'Database unavailable'), {
        status: 503,
        statusText: 'Service Unavailable',
      });
      pendingRequests.set('breakers', []);
      await answerAll();

      const breakers = panel('Circuit Breakers');
      expect(breakers.querySelector('[role="alert"]')?.textContent).toContain(
        'Database unavailable (request id req-1)',
      );
      breakers.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
      await settle();

      expect(openRequests('breakers').map((request) => request.request.params.get('days'))).toEqual(
        ['7'],
      );
      await answerAll();
      expect(panel('Circuit Breakers').querySelector('[role="alert"]')).toBeNull();
    });

    it('reloads every panel on a refresh tick, keeping the figures meanwhile', async () => {
      await open('/dashboards/operations');
      await answerAll();

      TestBed.inject(RefreshService).refreshNow();
      await settle();

      for (const key of [
        'summary',
        'pipeline',
        'traces',
        'breakers',
        'dlq',
        'acceptance',
      ] as const) {
        expect(openRequests(key)).toHaveLength(1);
      }
      expect(panel('Summary').querySelector('.kpi-value')?.textContent).toBe('1,520');
      await answerAll();
    });
  });

  describe('for an admin', () => {
    beforeEach(() => setUp('admin'));

    it('shows the metrics and dead-letter event panels', async () => {
      await open('/dashboards/operations');

      expect(openRequests('metrics')).toHaveLength(1);
      expect(openRequests('adminDlq')[0]?.request.params.get('limit')).toBe('50');
      await answerAll();

      expect(panelHeadings()).toContain('Metrics');
      expect(panelHeadings()).toContain('Dead-letter Events');
      const metricRow = panel('Metrics').querySelector('tbody tr')!;
      expect(metricRow.textContent).toContain('kaireon_dlq_depth');
      expect(metricRow.textContent).toContain('topic="interaction_events"');
    });

    it('asks before purging selected events, then purges and reloads', async () => {
      await open('/dashboards/operations');
      await answerAll();
      const events = panel('Dead-letter Events');
      const checkbox = events.querySelector<HTMLInputElement>(
        'input[aria-label="Select event e1"]',
      )!;
      checkbox.checked = true;
      checkbox.dispatchEvent(new Event('change'));
      await settle();

      const purge = Array.from(events.querySelectorAll('button')).find(
        (button) => button.textContent?.trim() === 'Purge selected (1)',
      )!;
      purge.click();
      await settle();

      const confirm = events.querySelector('[role="alertdialog"]')!;
      expect(confirm.textContent).toContain('Purge 1 selected event?');
      expect(httpTesting.match((request) => request.method === 'POST')).toHaveLength(0);

      Array.from(confirm.querySelectorAll('button'))
        .find((button) => button.textContent?.trim() === 'Confirm purge')!
        .click();
      await settle();
      const post = httpTesting.expectOne(
        (request) => request.method === 'POST' && request.url === PATHS.adminDlq,
      );
      expect(post.request.body).toEqual({ action: 'purge', eventIds: ['e1'] });
      post.flush({ action: 'purge', deleted: 1 });
      await settle();

      expect(events.querySelector('[role="status"]')?.textContent).toBe('Purged 1 event.');
      expect(openRequests('adminDlq')).toHaveLength(1);
      expect(openRequests('dlq')).toHaveLength(1);
      await answerAll();
    });

    it('cancels a purge without calling the API', async () => {
      await open('/dashboards/operations');
      await answerAll();
      const events = panel('Dead-letter Events');
      const selectAll = events.querySelector<HTMLInputElement>(
        'input[aria-label="Select every event on this page"]',
      )!;
      selectAll.checked = true;
      selectAll.dispatchEvent(new Event('change'));
      await settle();
      Array.from(events.querySelectorAll('button'))
        .find((button) => button.textContent?.trim() === 'Purge selected (2)')!
        .click();
      await settle();

      Array.from(events.querySelectorAll('[role="alertdialog"] button'))
        .find((button) => button.textContent?.trim() === 'Cancel')!
        .dispatchEvent(new Event('click'));
      await settle();

      expect(events.querySelector('[role="alertdialog"]')).toBeNull();
      expect(httpTesting.match((request) => request.method === 'POST')).toHaveLength(0);
    });
  });
});
