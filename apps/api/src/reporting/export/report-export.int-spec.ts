import { FixedClock } from '../../core/clock.js';
import { PanelRegistry } from '../../panels/panel-registry.js';
import { type ChartPanel, DASHBOARD_IDS, type DashboardPanels } from '../../panels/panel.types.js';
import {
  bearer,
  createTestApp,
  type TestApp,
  type TestTenant,
} from '../../test-support/test-app.js';
import { ReportingSettings } from '../reporting-settings.js';
import {
  binaryParser,
  OFFERS,
  pdfToPngs,
  pdfToText,
  seedBusinessData,
} from '../testing/report-test-data.js';

// Chromium renders and app start-ups take seconds; the jest default of 5 s is too short.
jest.setTimeout(120_000);

const NOW = new Date('2026-12-05T10:15:00.000Z');
const DATA_DAY = '2026-12-03';
/** Direction marks pdftotext puts around right-to-left text. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const MONEY = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

interface OfferRow {
  offerKey: string;
  offerName: string;
  impressions: number;
  conversions: number;
  revenue: number;
}

interface SummaryRow {
  metric: string;
  current: number | null;
}

describe('POST /api/v1/reports/export', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let other: TestTenant;
  let settings: ReportingSettings;
  let offers: OfferRow[];
  let summary: SummaryRow[];

  const body = { dashboard: 'business', filters: { days: 7 }, timezone: 'Europe/Berlin' };

  function exportAs(format: string, key = tenant.keys.viewer, extra: Record<string, unknown> = {}) {
    return testApp.http
      .post('/api/v1/reports/export')
      .set(bearer(key))
      .send({ ...body, format, ...extra })
      .buffer(true)
      .parse(binaryParser);
  }

  beforeAll(async () => {
    testApp = await createTestApp({ clock: new FixedClock(NOW) });
    settings = testApp.app.get(ReportingSettings);
    tenant = await testApp.createTenant('export-a');
    other = await testApp.createTenant('export-b');
    await seedBusinessData(testApp, tenant, DATA_DAY);
    const viewer = bearer(tenant.keys.viewer);
    const offerResponse = await testApp.http
      .get('/api/v1/dashboard-data?type=offer_performance&days=7')
      .set(viewer);
    const summaryResponse = await testApp.http
      .get('/api/v1/dashboard-data?type=summary&days=7')
      .set(viewer);
    expect(offerResponse.status).toBe(200);
    expect(summaryResponse.status).toBe(200);
    offers = offerResponse.body.data as OfferRow[];
    summary = summaryResponse.body.data as SummaryRow[];
  });

  afterAll(async () => {
    await testApp.close();
  });

  afterEach(() => {
    settings.renderTimeoutMs = 30_000;
    settings.exportsPerMinute = 1_000;
    jest.restoreAllMocks();
  });

  beforeEach(() => {
    settings.exportsPerMinute = 1_000;
  });

  it('has the seeded data in the API to compare against', () => {
    expect(offers).toHaveLength(OFFERS.length);
    expect(summary.find((row) => row.metric === 'impressions')?.current).toBe(72);
  });

  it('PDF text matches API figures', async () => {
    const response = await exportAs('pdf');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename=business-2026-11-29-2026-12-06.pdf',
    );
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pages = pdfToPngs(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      expect(page.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }

    const text = pdfToText(pdf).replace(BIDI_CONTROLS, '');
    expect(text).toContain('Business');
    expect(text).toContain('2026-11-29 to 2026-12-05 (7 UTC days)');
    expect(text).toContain('2026-11-29 00:00 to 2026-12-06 00:00 UTC');
    expect(text).toContain('Europe/Berlin');
    expect(text).toContain('2026-12-05 11:15 (Europe/Berlin, UTC+01:00)');
    for (const offer of offers) {
      const row = new RegExp(
        `${escapeRegExp(offer.offerName)}\\s+${offer.offerKey}\\s+${INTEGER.format(offer.impressions)}\\s+` +
          `${INTEGER.format(offer.conversions)}\\s+[0-9.]+%\\s+${escapeRegExp(MONEY.format(offer.revenue))}`,
      );
      expect(text).toMatch(row);
    }
    const impressions = summary.find((row) => row.metric === 'impressions')?.current ?? -1;
    const revenue = summary.find((row) => row.metric === 'revenue')?.current ?? -1;
    expect(text).toContain(INTEGER.format(impressions));
    expect(text).toContain(MONEY.format(revenue));
  });

  it('prints Cyrillic, Greek, Arabic and CJK offer names into the PDF', async () => {
    const text = pdfToText((await exportAs('pdf')).body as Buffer)
      .replace(BIDI_CONTROLS, '')
      .normalize('NFKC');
    for (const offer of OFFERS) {
      expect(text).toContain(offer.name);
    }
  });

  it('exports a PNG screenshot', async () => {
    const response = await exportAs('png');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename=business-2026-11-29-2026-12-06.png',
    );
    const png = response.body as Buffer;
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.readUInt32BE(16)).toBe(1100);
    expect(png.readUInt32BE(20)).toBeGreaterThan(1000);
  });

  it('exports CSV with a section per panel and the API figures as numbers', async () => {
    const response = await exportAs('csv');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename=business-2026-11-29-2026-12-06.csv',
    );
    const text = (response.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Dashboard,Business');
    expect(lines).toContain('Time zone,Europe/Berlin');
    expect(lines.filter((line) => line.startsWith('Panel,')).length).toBeGreaterThanOrEqual(5);
    for (const offer of offers) {
      const rate = offer.conversions / offer.impressions;
      expect(lines).toContain(
        `${offer.offerName},${offer.offerKey},${offer.impressions},${offer.conversions},${rate},${offer.revenue}`,
      );
    }
    const impressions = summary.find((row) => row.metric === 'impressions')?.current;
    expect(lines.some((line) => line.startsWith(`Impressions,${impressions},`))).toBe(true);
  });

  it('exports Markdown with tables and the KPI list', async () => {
    const response = await exportAs('markdown');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename=business-2026-11-29-2026-12-06.md',
    );
    const text = (response.body as Buffer).toString('utf8');
    expect(text.startsWith('# Business\n')).toBe(true);
    expect(text).toContain('- **Time zone:** Europe/Berlin');
    expect(text).toContain('- **Impressions:** 72');
    for (const offer of offers) {
      expect(text).toContain(
        `| ${offer.offerName} | ${offer.offerKey.replace(/_/g, '\\_')} | ${offer.impressions} |`,
      );
    }
  });

  it('exports self-contained HTML with inline Chart.js', async () => {
    const response = await exportAs('html');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = (response.body as Buffer).toString('utf8');
    expect(html).toContain('<canvas id="chart-0"');
    expect(html).toContain('Chart.js v4.6.1');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(html).toContain('Noto Sans CJK SC');
    for (const offer of OFFERS) {
      expect(html).toContain(offer.name);
    }
  });

  it('shows another tenant none of the data', async () => {
    const text = ((await exportAs('csv', other.keys.viewer)).body as Buffer).toString('utf8');
    expect(text).toContain('Dashboard,Business');
    for (const offer of OFFERS) {
      expect(text).not.toContain(offer.name);
    }
  });

  it.each([
    [{ format: 'docx' }, 'format'],
    [{ dashboard: 'sales' }, 'dashboard'],
    [{ timezone: 'Mars/Olympus' }, 'timezone'],
    [{ timezone: '+02:00' }, 'timezone'],
    [{ filters: { days: 0 } }, 'filters.days'],
    [{ filters: { windowHours: 169 } }, 'filters.windowHours'],
    [{ filters: { segmentId: 'abc' } }, 'filters.segmentId'],
    [{ filters: { from: '2026-13-01', to: '2026-12-01' } }, 'filters.from'],
    [{ filters: { days: 7, from: '2026-11-01', to: '2026-11-08' } }, 'filters.days'],
    [{ colour: 'red' }, 'colour'],
  ])('answers 400 naming the field for %j', async (change, field) => {
    const response = await testApp.http
      .post('/api/v1/reports/export')
      .set(bearer(tenant.keys.viewer))
      .send({ ...body, format: 'csv', ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].field).toBe(field);
    expect(response.body.error.message).toContain(field);
  });

  it('answers 404 for a dashboard that is not built yet', async () => {
    const registered = testApp.app.get(PanelRegistry).registered();
    const missing = DASHBOARD_IDS.find((id) => !registered.includes(id));
    if (!missing) {
      return;
    }
    const response = await exportAs('csv', tenant.keys.viewer, { dashboard: missing });
    expect(response.status).toBe(404);
    expect(JSON.parse((response.body as Buffer).toString('utf8')).error.message).toBe(
      `The ${missing} dashboard is not built yet`,
    );
  });

  it('fails with a clear 500 when a chart cannot be drawn', async () => {
    const provider = testApp.app.get(PanelRegistry).get('business');
    const original = provider.load.bind(provider);
    jest.spyOn(provider, 'load').mockImplementation(async (request) => {
      const panels: DashboardPanels = await original(request);
      const chart = panels.panels.find((panel) => panel.kind === 'line') as ChartPanel;
      chart.series = [
        { label: 'Broken', points: null as unknown as ChartPanel['series'][0]['points'] },
      ];
      return panels;
    });
    const response = await exportAs('pdf');
    const error = JSON.parse((response.body as Buffer).toString('utf8')).error;
    expect(response.status).toBe(500);
    expect(error.code).toBe('render_failed');
    expect(error.message).toMatch(
      /^Rendering the PDF failed while drawing the charts: chart "Daily trend"/,
    );
  });

  it('ends a render over the time limit with 504 naming the step', async () => {
    settings.renderTimeoutMs = 1;
    const response = await exportAs('pdf');
    const error = JSON.parse((response.body as Buffer).toString('utf8')).error;
    expect(response.status).toBe(504);
    expect(error.code).toBe('render_timeout');
    expect(error.message).toMatch(
      /^Rendering the PDF timed out after 1 ms while (loading the HTML|drawing the charts)/,
    );
  });

  it('limits exports per tenant with 429 and Retry-After', async () => {
    const busy = await testApp.createTenant('export-busy');
    const calm = await testApp.createTenant('export-calm');
    settings.exportsPerMinute = 2;
    expect((await exportAs('markdown', busy.keys.viewer)).status).toBe(200);
    expect((await exportAs('markdown', busy.keys.viewer)).status).toBe(200);
    const limited = await exportAs('markdown', busy.keys.viewer);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBe(60);
    expect((await exportAs('markdown', calm.keys.viewer)).status).toBe(200);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
