/**
 * The dashboard-panel contract. Each dashboard module registers a provider
 * that returns its panels as data; the portal, Export and scheduled reports
 * all render from it, so a new dashboard is exportable with no change there.
 */
export const DASHBOARD_IDS = [
  'operations',
  'business',
  'data-health',
  'model-health',
  'attribution',
] as const;
export type DashboardId = (typeof DASHBOARD_IDS)[number];

/** Filters any dashboard may take; a provider ignores the ones it does not support. */
export interface DashboardFilters {
  days?: number;
  from?: string;
  to?: string;
  segmentId?: string | null;
  windowHours?: number | null;
}

export type ValueFormat =
  'text' | 'integer' | 'decimal' | 'percent' | 'currency' | 'ms' | 'datetime' | 'day';

export interface PanelColumn {
  key: string;
  label: string;
  format: ValueFormat;
}

export interface PanelAnnotation {
  at: string;
  kind: string;
  title: string;
}

interface PanelBase {
  id: string;
  title: string;
  description?: string;
  /** Shown instead of the panel's content when it has no data: what is missing and how to send it. */
  emptyMessage: string;
  /** True when the panel has no data for these filters. */
  empty: boolean;
  warning?: string;
  notes?: string[];
}

export interface KpiItem {
  label: string;
  value: number | null;
  format: ValueFormat;
  previous?: number | null;
  change?: number | null;
}

export interface KpiPanel extends PanelBase {
  kind: 'kpi';
  items: KpiItem[];
}

export interface TablePanel extends PanelBase {
  kind: 'table';
  columns: PanelColumn[];
  rows: Record<string, unknown>[];
}

export interface ChartSeries {
  label: string;
  points: { x: string; y: number | null }[];
}

/** A bar or line chart; `columns` and `rows` carry the same figures for CSV and tables. */
export interface ChartPanel extends PanelBase {
  kind: 'bar' | 'line';
  xLabel: string;
  yLabel: string;
  yFormat: ValueFormat;
  series: ChartSeries[];
  annotations: PanelAnnotation[];
  columns: PanelColumn[];
  rows: Record<string, unknown>[];
}

export type Panel = KpiPanel | TablePanel | ChartPanel;

/** What a provider returns for one set of filters. */
export interface DashboardPanels {
  dashboard: DashboardId;
  title: string;
  /** The effective window in words, e.g. "2026-11-28 to 2026-12-04 (7 UTC days)". */
  windowLabel: string;
  /** The filters as applied, each in words, e.g. {"Segment": "High value"}. */
  filterLabels: Record<string, string>;
  generatedAt: string;
  panels: Panel[];
}

export interface PanelRequest {
  tenantId: string;
  filters: DashboardFilters;
  now: Date;
}

export interface DashboardPanelProvider {
  readonly dashboard: DashboardId;
  readonly title: string;
  load(request: PanelRequest): Promise<DashboardPanels>;
}
