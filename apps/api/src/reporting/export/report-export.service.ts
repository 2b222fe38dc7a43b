import { Injectable } from '@nestjs/common';

import { logger } from '../../common/logging/logger.js';
import { PanelRegistry } from '../../panels/panel-registry.js';
import type { DashboardId } from '../../panels/panel.types.js';
import { type ReportFilters, resolveReportWindow, toDashboardFilters } from '../report-filters.js';
import {
  buildReportDocument,
  type ReportDocument,
  type ReportFormat,
} from '../render/report-document.js';
import { type RenderedReport, ReportRenderer } from '../render/report-renderer.js';

export interface ReportRequest {
  tenantId: string;
  dashboard: DashboardId;
  filters: ReportFilters;
  timeZone: string;
  /** The instant relative periods are resolved at: now for an export, the occurrence for a run. */
  asOf: Date;
  /** When the file is generated, as printed in its header. */
  generatedAt: Date;
}

/**
 * Loads a dashboard's panels through the panel contract and renders them, so every dashboard
 * with a registered provider can be exported and scheduled without code here.
 */
@Injectable()
export class ReportExportService {
  constructor(
    private readonly panels: PanelRegistry,
    private readonly renderer: ReportRenderer,
  ) {}

  /** Loads the panels; throws 404 when the dashboard has no provider yet. */
  async loadDocument(request: ReportRequest): Promise<ReportDocument> {
    const window = resolveReportWindow(request.filters, request.asOf);
    const provider = this.panels.get(request.dashboard);
    const panels = await provider.load({
      tenantId: request.tenantId,
      filters: toDashboardFilters(request.filters),
      now: request.asOf,
    });
    return buildReportDocument({
      panels,
      filters: request.filters,
      window,
      timeZone: request.timeZone,
      generatedAt: request.generatedAt,
    });
  }

  /** Loads and renders one format. */
  async export(request: ReportRequest & { format: ReportFormat }): Promise<RenderedReport> {
    const startedAt = Date.now();
    const document = await this.loadDocument(request);
    const rendered = await this.renderer.render(document, request.format);
    logger.info(
      {
        action: 'reporting.export.rendered',
        tenantId: request.tenantId,
        dashboard: request.dashboard,
        format: request.format,
        bytes: rendered.content.length,
        durationMs: Date.now() - startedAt,
      },
      'report exported',
    );
    return rendered;
  }

  /** Renders one document to several formats, one after another. */
  async renderAll(document: ReportDocument, formats: ReportFormat[]): Promise<RenderedReport[]> {
    const files: RenderedReport[] = [];
    for (const format of formats) {
      files.push(await this.renderer.render(document, format));
    }
    return files;
  }
}
