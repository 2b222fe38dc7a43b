import { Injectable } from '@nestjs/common';

import { ReportingSettings } from '../reporting-settings.js';
import { loadReportPage, RenderDeadline } from './browser-page.js';
import { BrowserPool } from './browser-pool.js';
import { renderHtmlText } from './html-renderer.js';
import { formatInstant, type ReportDocument } from './report-document.js';

/** Prints the HTML report to an A4 PDF in headless Chromium, with page numbers in the footer. */
@Injectable()
export class PdfRenderer {
  constructor(
    private readonly browsers: BrowserPool,
    private readonly settings: ReportingSettings,
  ) {}

  async render(document: ReportDocument): Promise<Buffer> {
    const html = renderHtmlText(document);
    const deadline = new RenderDeadline('pdf', this.settings.renderTimeoutMs);
    return this.browsers.withPage('pdf', async (page) => {
      await loadReportPage({ page, html, format: 'pdf', deadline });
      const pdf = await deadline.run(
        'printing the PDF',
        page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(document),
          margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
          timeout: deadline.remainingMs(),
        }),
      );
      return Buffer.from(pdf);
    });
  }
}

function footerTemplate(document: ReportDocument): string {
  const text = `${document.panels.title}, generated ${formatInstant(document.generatedAt, document.timeZone)}`;
  return (
    '<div style="font-size:8px;width:100%;padding:0 12mm;color:#4a5360;display:flex;' +
    `justify-content:space-between"><span>${escapeHtml(text)}</span>` +
    '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
