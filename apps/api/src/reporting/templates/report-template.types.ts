import type { DashboardId } from '../../panels/panel.types.js';
import type { ReportFilters } from '../report-filters.js';
import type { ReportFormat } from '../render/report-document.js';

/** A saved report: a dashboard with its filters, the formats to render and the time zone. */
export interface ReportTemplateRow {
  id: string;
  tenantId: string;
  name: string;
  dashboard: DashboardId;
  filters: ReportFilters;
  formats: ReportFormat[];
  timeZone: string;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReportTemplateValues {
  name: string;
  dashboard: DashboardId;
  filters: ReportFilters;
  formats: ReportFormat[];
  timeZone: string;
}
