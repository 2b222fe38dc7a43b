import { Injectable } from '@nestjs/common';

import { ReportingSettings } from '../reporting-settings.js';
import { loadReportPage, RenderDeadline } from './browser-page.js';
import { BrowserPool } from './browser-pool.js';
import { renderHtmlText } from './html-renderer.js';
import type { ReportDocument } from './report-document.js';

/** Takes a full-page PNG screenshot of the HTML report in headless Chromium. */
@Injectable()
export class PngRenderer {
  constructor(
    private readonly browsers: BrowserPool,
    private readonly settings: ReportingSettings,
  ) {}

  async render(document: ReportDocument): Promise<Buffer> {
    const html = renderHtmlText(document);
    const deadline = new RenderDeadline('png', this.settings.renderTimeoutMs);
    return this.browsers.withPage('png', async (page) => {
      await loadReportPage({ page, html, format: 'png', deadline });
      const png = await deadline.run(
        'taking the screenshot',
        page.screenshot({ type: 'png', fullPage: true, captureBeyondViewport: true }),
      );
      return Buffer.from(png);
    });
  }
}
