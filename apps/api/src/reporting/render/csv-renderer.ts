import { CSV_BOM, type CsvValue, formatCsvRow } from '../../common/csv/csv-writer.js';
import type { Panel } from '../../panels/panel.types.js';
import { toPanelTable } from './panel-table.js';
import type { ReportDocument } from './report-document.js';

/**
 * Renders a report as one CSV file: the header lines (dashboard, period, filters, time zone,
 * generation time), then one section per panel: a `Panel` title row, its warning and notes,
 * then its table. Values stay raw (fractions stay fractions, timestamps stay ISO 8601) so
 * spreadsheets can compute with them. Sections are separated by an empty row. Quoting, line
 * ends, the byte-order mark and the formula guard come from `common/csv`.
 */
export function renderCsv(document: ReportDocument): Buffer {
  const rows: CsvValue[][] = document.meta.map((line) => [line.label, line.value]);
  for (const panel of document.panels.panels) {
    rows.push([]);
    rows.push(...panelSection(panel));
  }
  return Buffer.from(CSV_BOM + rows.map(formatCsvRow).join(''), 'utf8');
}

function panelSection(panel: Panel): CsvValue[][] {
  const rows: CsvValue[][] = [['Panel', panel.title]];
  if (panel.warning) {
    rows.push(['Warning', panel.warning]);
  }
  for (const note of panel.notes ?? []) {
    rows.push(['Note', note]);
  }
  if (panel.empty) {
    rows.push(['No data', panel.emptyMessage]);
    return rows;
  }

  const table = toPanelTable(panel);
  rows.push(table.headers);
  rows.push(...table.rows.map((row) => row.map((cell) => toCsvValue(cell.value))));
  return rows;
}

/** Keeps scalars as they are; any other value a provider put in a row becomes JSON text. */
function toCsvValue(value: unknown): CsvValue {
  if (
    value === null ||
    value === undefined ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value;
  }
  return JSON.stringify(value);
}
