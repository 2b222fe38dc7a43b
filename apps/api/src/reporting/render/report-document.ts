import { DateTime } from 'luxon';

import { type DayWindow, dayStart } from '../../common/time/window.js';
import type { DashboardFilters, DashboardPanels } from '../../panels/panel.types.js';

/** The file formats a report renders to. */
export const REPORT_FORMATS = ['pdf', 'png', 'csv', 'html', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One line of the header every artefact starts with, e.g. {label: 'Time zone', value: 'UTC'}. */
export interface ReportMetaLine {
  label: string;
  value: string;
}

/**
 * Everything a renderer needs: the provider's panels plus the request's filters, time range,
 * time zone and generation time. Every renderer prints `meta` in its header, so each artefact
 * names the dashboard, its filters, the time range with its zone and when it was generated.
 */
export interface ReportDocument {
  panels: DashboardPanels;
  filters: DashboardFilters;
  window: DayWindow;
  timeZone: string;
  generatedAt: Date;
  meta: ReportMetaLine[];
}

export interface ReportDocumentInput {
  panels: DashboardPanels;
  filters: DashboardFilters;
  window: DayWindow;
  timeZone: string;
  generatedAt: Date;
}

/** Builds the document and its header lines from a provider's panels and the request. */
export function buildReportDocument(input: ReportDocumentInput): ReportDocument {
  return { ...input, meta: buildMetaLines(input) };
}

/** Returns the attachment name `<dashboard>-<from>-<to>.<ext>`; `to` is exclusive, as in the API. */
export function reportFilename(document: ReportDocument, format: ReportFormat): string {
  const { from, to } = document.window;
  return `${document.panels.dashboard}-${from}-${to}.${FORMAT_EXTENSIONS[format]}`;
}

export const FORMAT_EXTENSIONS: Record<ReportFormat, string> = {
  pdf: 'pdf',
  png: 'png',
  csv: 'csv',
  html: 'html',
  markdown: 'md',
};

export const FORMAT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
};

/** Formats an instant as `2026-12-05 11:15 (Europe/Berlin, UTC+01:00)`. */
export function formatInstant(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return `${local.toFormat('yyyy-MM-dd HH:mm')} (${timeZone}, UTC${local.toFormat('ZZ')})`;
}

function buildMetaLines(input: ReportDocumentInput): ReportMetaLine[] {
  const { panels, window, timeZone, generatedAt } = input;
  const lines: ReportMetaLine[] = [
    { label: 'Dashboard', value: panels.title },
    { label: 'Period', value: panels.windowLabel },
    { label: 'Time range', value: describeTimeRange(window, timeZone) },
  ];

  const windowHours = input.filters.windowHours;
  if (windowHours !== null && windowHours !== undefined) {
    lines.push({
      label: 'Hours window',
      value: describeHoursWindow(windowHours, generatedAt, timeZone),
    });
  }

  const filterEntries = Object.entries(panels.filterLabels);
  if (filterEntries.length === 0) {
    lines.push({ label: 'Filters', value: 'none' });
  }
  for (const [name, value] of filterEntries) {
    lines.push({ label: `Filter: ${name}`, value });
  }

  lines.push({ label: 'Time zone', value: timeZone });
  lines.push({
    label: 'Generated at',
    value: `${formatInstant(generatedAt, timeZone)}, ${generatedAt.toISOString()}`,
  });
  return lines;
}

/** Describes the UTC day window as instants in UTC and in the report's zone; `to` is exclusive. */
function describeTimeRange(window: DayWindow, timeZone: string): string {
  const from = dayStart(window.from);
  const to = dayStart(window.to);
  const utc = `${window.from} 00:00 to ${window.to} 00:00 UTC (end exclusive)`;
  if (timeZone.toUpperCase() === 'UTC') {
    return utc;
  }
  return `${utc}, ${formatInstant(from, timeZone)} to ${formatInstant(to, timeZone)}`;
}

function describeHoursWindow(hours: number, end: Date, timeZone: string): string {
  const start = new Date(end.getTime() - hours * 3_600_000);
  return `last ${hours} hours, ${formatInstant(start, timeZone)} to ${formatInstant(end, timeZone)}`;
}
