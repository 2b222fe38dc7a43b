import * as fs from 'node:fs';
import * as path from 'node:path';

import Handlebars from 'handlebars';

import type { Panel, ValueFormat } from '../../panels/panel.types.js';
import {
  CHART_PAGE_SCRIPT,
  type ChartSpec,
  REPORT_FONT_STACK,
  scriptSafeJson,
  toChartSpec,
} from './chart-script.js';
import { REPORT_HTML_TEMPLATE } from './html-template.js';
import { toPanelTable } from './panel-table.js';
import type { ReportDocument } from './report-document.js';
import { formatChange, formatValue } from './value-format.js';

const NUMERIC_FORMATS = new Set<ValueFormat>(['integer', 'decimal', 'percent', 'currency', 'ms']);

/** Maximum rows of a panel kept on one page; longer tables break between rows. */
const COMPACT_PANEL_ROWS = 12;

const handlebars = Handlebars.create();
const template = handlebars.compile(REPORT_HTML_TEMPLATE, { strict: false, noEscape: false });

let chartLibrary: string | null = null;

/**
 * Reads the Chart.js UMD build once. The package exports only its CJS and ESM entry points, so
 * the UMD file is found next to the resolved entry rather than through a package subpath.
 */
export function chartLibrarySource(): string {
  if (chartLibrary === null) {
    const entry = require.resolve('chart.js');
    chartLibrary = fs.readFileSync(path.join(path.dirname(entry), 'chart.umd.min.js'), 'utf8');
  }
  return chartLibrary;
}

/** Renders a report as one self-contained HTML page with its charts drawn by inline Chart.js. */
export function renderHtml(document: ReportDocument): Buffer {
  return Buffer.from(renderHtmlText(document), 'utf8');
}

export function renderHtmlText(document: ReportDocument): string {
  const charts: ChartSpec[] = [];
  const panels = document.panels.panels.map((panel) => panelView(panel, document.timeZone, charts));
  return template({
    title: document.panels.title,
    fontStack: REPORT_FONT_STACK,
    meta: document.meta,
    panels,
    chartsJson: scriptSafeJson(charts),
    chartLibrary: charts.length > 0 ? chartLibrarySource() : '',
    chartScript: CHART_PAGE_SCRIPT,
  });
}

function panelView(panel: Panel, timeZone: string, charts: ChartSpec[]): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: panel.id,
    title: panel.title,
    description: panel.description,
    warning: panel.warning,
    notes: panel.notes ?? [],
    empty: panel.empty,
    emptyMessage: panel.emptyMessage,
    compact: true,
  };
  if (panel.empty) {
    return view;
  }

  if (panel.kind === 'kpi') {
    view.kpis = panel.items.map((item) => ({
      label: item.label,
      value: formatValue(item.value, item.format, timeZone),
      previous:
        item.previous === undefined ? undefined : formatValue(item.previous, item.format, timeZone),
      change: item.change === undefined ? undefined : formatChange(item.change),
    }));
    return view;
  }

  if (panel.kind === 'bar' || panel.kind === 'line') {
    view.isChart = true;
    view.chartIndex = charts.length;
    view.annotations = panel.annotations.map((annotation) => ({
      ...annotation,
      at: formatValue(annotation.at, 'datetime', timeZone),
    }));
    charts.push(toChartSpec(panel, charts.length));
  }
  const table = toPanelTable(panel);
  view.compact = table.rows.length <= COMPACT_PANEL_ROWS;
  view.table = {
    headers: table.headers,
    rows: table.rows.map((row) =>
      row.map((cell) => ({
        text: formatValue(cell.value, cell.format, timeZone),
        numeric: NUMERIC_FORMATS.has(cell.format) && typeof cell.value === 'number',
      })),
    ),
  };
  return view;
}
