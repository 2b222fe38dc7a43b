import { createHash } from 'node:crypto';

import type { DeliveryPackage, KpiSummary } from '../destinations/delivery-package.js';
import type { ReportDocument } from '../render/report-document.js';
import type { RenderedReport } from '../render/report-renderer.js';
import type { ReportTemplateRow } from '../templates/report-template.types.js';
import { formatChange, formatValue } from '../render/value-format.js';
import type { StoredDestination } from '../destinations/destination.types.js';
import type { ReportRunRow, RunArtifact, RunDelivery } from './report-run.types.js';

/** Computes the size and SHA-256 of each file, as kept on the run. */
export function toArtifacts(files: RenderedReport[]): RunArtifact[] {
  return files.map((file) => ({
    format: file.format,
    bytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
  }));
}

/** Collects every KPI figure of the document, formatted as in the report. */
export function kpiSummaries(document: ReportDocument): KpiSummary[] {
  return document.panels.panels.flatMap((panel) =>
    panel.kind === 'kpi' && !panel.empty
      ? panel.items.map((item) => ({
          panel: panel.title,
          label: item.label,
          value: formatValue(item.value, item.format, document.timeZone),
          change: item.change === undefined ? null : formatChange(item.change),
        }))
      : [],
  );
}

/** Assembles what destinations send for a run. */
export function toDeliveryPackage(params: {
  run: ReportRunRow;
  startedAt: Date;
  template: ReportTemplateRow;
  document: ReportDocument;
  files: RenderedReport[];
}): DeliveryPackage {
  const { run, template, document } = params;
  return {
    tenantId: run.tenantId,
    run: {
      id: run.id,
      trigger: run.trigger,
      scheduledFor: run.scheduledFor,
      startedAt: params.startedAt,
    },
    report: {
      templateId: template.id,
      name: template.name,
      dashboard: template.dashboard,
      title: document.panels.title,
      windowLabel: document.panels.windowLabel,
      timeZone: template.timeZone,
      filters: { ...template.filters },
      meta: document.meta,
    },
    kpis: kpiSummaries(document),
    files: params.files,
  };
}

/** Builds the delivery entry of a destination before the run delivers to it. */
export function pendingDelivery(destination: StoredDestination): RunDelivery {
  return {
    destinationId: destination.id,
    type: destination.type,
    status: 'pending',
    attempts: 0,
    error: null,
  };
}
