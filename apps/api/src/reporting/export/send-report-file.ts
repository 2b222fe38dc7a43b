import type { Response } from 'express';

import type { RenderedReport } from '../render/report-renderer.js';

/** Sends a rendered file as a download with `Content-Disposition: attachment`. */
export function sendReportFile(response: Response, file: RenderedReport): void {
  response.status(200);
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', `attachment; filename=${file.filename}`);
  response.setHeader('Content-Length', String(file.content.length));
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.end(file.content);
}
