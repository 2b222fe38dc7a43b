import { Injectable } from '@nestjs/common';

import { renderCsv } from './csv-renderer.js';
import { renderHtml } from './html-renderer.js';
import { renderMarkdown } from './markdown-renderer.js';
import { PdfRenderer } from './pdf-renderer.js';
import { PngRenderer } from './png-renderer.js';
import {
  FORMAT_CONTENT_TYPES,
  reportFilename,
  type ReportDocument,
  type ReportFormat,
} from './report-document.js';

/** One rendered file. */
export interface RenderedReport {
  format: ReportFormat;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Renders a report document to any of the five formats. */
@Injectable()
export class ReportRenderer {
  constructor(
    private readonly pdf: PdfRenderer,
    private readonly png: PngRenderer,
  ) {}

  async render(document: ReportDocument, format: ReportFormat): Promise<RenderedReport> {
    return {
      format,
      filename: reportFilename(document, format),
      contentType: FORMAT_CONTENT_TYPES[format],
      content: await this.renderContent(document, format),
    };
  }

  private async renderContent(document: ReportDocument, format: ReportFormat): Promise<Buffer> {
    switch (format) {
      case 'pdf':
        return this.pdf.render(document);
      case 'png':
        return this.png.render(document);
      case 'csv':
        return renderCsv(document);
      case 'html':
        return renderHtml(document);
      case 'markdown':
        return renderMarkdown(document);
    }
  }
}
