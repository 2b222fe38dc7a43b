import type { ChartPanel, TablePanel } from '../../panels/panel.types.js';
import { renderHtmlText } from './html-renderer.js';
import { sampleReportDocument } from './report-fixture.js';

const INJECTED = '</script><script>window.pwned=1</script><img src=x onerror=alert(1)>';

describe('renderHtmlText', () => {
  it('writes the header lines, panels and formatted figures', () => {
    const html = renderHtmlText(sampleReportDocument());
    expect(html).toContain('<title>Business</title>');
    expect(html).toContain('<th scope="row">Time zone</th><td dir="auto">Europe/Berlin</td>');
    expect(html).toContain('<div class="value">12,345</div>');
    expect(html).toContain('<td class="number">-35.50</td>');
    expect(html).toContain('<canvas id="chart-0" width="1000" height="320"></canvas>');
    expect(html).toContain('<strong>No data.</strong> Send recommendations to see the funnel.');
  });

  it('keeps table rows whole and repeats headers', () => {
    const html = renderHtmlText(sampleReportDocument());
    expect(html).toContain('table.data thead { display: table-header-group; }');
    expect(html).toMatch(/table\.data tr, table\.data td, table\.data th \{ break-inside: avoid;/);
  });

  it('shows chart annotations in the report zone', () => {
    const document = sampleReportDocument();
    const chart = document.panels.panels.find((panel) => panel.id === 'daily_trend') as ChartPanel;
    chart.annotations = [{ at: '2026-12-03T23:30:00.000Z', kind: 'deploy', title: 'Model v2' }];
    const html = renderHtmlText(document);
    expect(html).toContain('<li dir="auto">2026-12-04 00:30:00 +01:00: Model v2 (deploy)</li>');
  });

  it('inlines Chart.js and loads nothing from the network', () => {
    const html = renderHtmlText(sampleReportDocument());
    expect(html).toContain('Chart.js v4.6.1');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).toContain(`content="default-src 'none';`);
  });

  it('names the Noto fonts for Latin, Arabic and CJK text', () => {
    const html = renderHtmlText(sampleReportDocument());
    for (const family of [
      "'Noto Sans'",
      "'Noto Sans Arabic'",
      "'Noto Sans CJK SC'",
      "'Noto Sans CJK JP'",
    ]) {
      expect(html).toContain(family);
    }
  });

  it('escapes provider text in tables and in the chart data', () => {
    const document = sampleReportDocument();
    const table = document.panels.panels.find((panel) => panel.id === 'offers') as TablePanel;
    table.rows[0].offerName = INJECTED;
    const chart = document.panels.panels.find((panel) => panel.id === 'daily_trend') as ChartPanel;
    chart.series[0].label = INJECTED;
    const html = renderHtmlText(document);
    expect(html).not.toContain('<script>window.pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;window.pwned&#x3D;1&lt;/script&gt;');
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ewindow.pwned=1');
  });

  it('leaves Chart.js out of a report without charts', () => {
    const document = sampleReportDocument();
    document.panels.panels = document.panels.panels.filter((panel) => panel.kind === 'kpi');
    const html = renderHtmlText(document);
    expect(html).not.toContain('Chart.js v4.6.1');
    expect(html).toContain('<script type="application/json" id="report-charts">[]</script>');
  });
});
