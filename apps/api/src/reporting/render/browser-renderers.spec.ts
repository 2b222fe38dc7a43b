import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { AppConfig } from '../../config/app-config.js';
import type { ChartPanel } from '../../panels/panel.types.js';
import { ReportingSettings } from '../reporting-settings.js';
import { BrowserPool } from './browser-pool.js';
import { PdfRenderer } from './pdf-renderer.js';
import { PngRenderer } from './png-renderer.js';
import { sampleReportDocument } from './report-fixture.js';

// Chromium renders and app start-ups take seconds; the jest default of 5 s is too short.
jest.setTimeout(120_000);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaireon-pdf-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('PDF and PNG renderers', () => {
  const settings = new ReportingSettings({ exportsPerMinute: 10 } as AppConfig);
  const pool = new BrowserPool({ chromiumPath: '/usr/bin/chromium' } as AppConfig, settings);
  const pdf = new PdfRenderer(pool, settings);
  const png = new PngRenderer(pool, settings);

  afterEach(() => {
    settings.renderTimeoutMs = 30_000;
  });

  afterAll(async () => {
    await pool.onApplicationShutdown();
  });

  it('prints the header, figures and non-Latin names into the PDF', async () => {
    const text = pdfText(await pdf.render(sampleReportDocument()));
    expect(text.startsWith('%PDF')).toBe(false);
    expect(text).toContain('Business');
    expect(text).toContain('2026-11-28 to 2026-12-04 (7 UTC days)');
    expect(text).toContain('High value');
    expect(text).toContain('12,345');
    expect(text).toContain('Карта "Плюс", золотая');
    expect(text).toContain('Europe/Berlin');
  }, 60_000);

  it('takes a PNG screenshot', async () => {
    const image = await png.render(sampleReportDocument());
    expect(image.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(image.readUInt32BE(16)).toBe(1100);
  }, 60_000);

  it('fails with the chart named when a chart cannot be drawn', async () => {
    const document = sampleReportDocument();
    const chart = document.panels.panels.find((panel) => panel.id === 'daily_trend') as ChartPanel;
    chart.series = [
      { label: 'Broken', points: null as unknown as ChartPanel['series'][0]['points'] },
    ];
    await expect(pdf.render(document)).rejects.toMatchObject({
      status: 500,
      code: 'render_failed',
      message: expect.stringMatching(
        /^Rendering the PDF failed while drawing the charts: chart "Daily trend" \(panel daily_trend\)/,
      ),
    });
  }, 60_000);

  it('ends a render that exceeds the timeout with the step named', async () => {
    settings.renderTimeoutMs = 5;
    await expect(png.render(sampleReportDocument())).rejects.toMatchObject({
      status: 504,
      code: 'render_timeout',
      message: expect.stringMatching(/^Rendering the PNG timed out after 5 ms while /),
    });
  }, 60_000);

  it('renders again after the browser died', async () => {
    await pdf.render(sampleReportDocument());
    const browser = await (
      pool as unknown as { browser: Promise<{ process(): { kill(s: string): void } }> }
    ).browser;
    browser.process().kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await pdf.render(sampleReportDocument());
    expect(again.subarray(0, 4).toString('latin1')).toBe('%PDF');
  }, 60_000);
});
