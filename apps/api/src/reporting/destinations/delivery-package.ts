import type { ReportMetaLine } from '../render/report-document.js';
import type { RenderedReport } from '../render/report-renderer.js';
import type { RunTrigger } from '../runs/report-run.types.js';

/** A KPI figure for message bodies (Slack, email), already formatted. */
export interface KpiSummary {
  panel: string;
  label: string;
  value: string;
  change: string | null;
}

/** Everything a destination sends for one run: the files plus what describes them. */
export interface DeliveryPackage {
  tenantId: string;
  run: { id: string; trigger: RunTrigger; scheduledFor: Date | null; startedAt: Date };
  report: {
    templateId: string;
    name: string;
    dashboard: string;
    title: string;
    windowLabel: string;
    timeZone: string;
    filters: Record<string, unknown>;
    meta: ReportMetaLine[];
  };
  kpis: KpiSummary[];
  files: RenderedReport[];
}

/** Builds a plain-text summary: the report name, its header lines and the KPI figures. */
export function summaryText(delivery: DeliveryPackage): string {
  const lines = [`${delivery.report.name}: ${delivery.report.title}`, ''];
  for (const meta of delivery.report.meta) {
    lines.push(`${meta.label}: ${meta.value}`);
  }
  if (delivery.kpis.length > 0) {
    lines.push('');
    for (const kpi of delivery.kpis) {
      const change = kpi.change === null ? '' : ` (change ${kpi.change})`;
      lines.push(`${kpi.label}: ${kpi.value}${change}`);
    }
  }
  lines.push('', `Files: ${delivery.files.map((file) => file.filename).join(', ')}`);
  return lines.join('\n');
}
