import type { Panel, ValueFormat } from '../../panels/panel.types.js';

/** One cell: the raw value and how to show it. */
export interface TableCell {
  value: unknown;
  format: ValueFormat;
}

/** Any panel as a table: a KPI panel becomes one row per figure, a chart its figures. */
export interface PanelTable {
  headers: string[];
  rows: TableCell[][];
}

/** Converts a panel of any kind to headers and rows, so CSV, Markdown and HTML share one layout. */
export function toPanelTable(panel: Panel): PanelTable {
  if (panel.kind === 'kpi') {
    const withPrevious = panel.items.some((item) => item.previous !== undefined);
    const withChange = panel.items.some((item) => item.change !== undefined);
    const headers = ['Metric', 'Value'];
    if (withPrevious) {
      headers.push('Previous');
    }
    if (withChange) {
      headers.push('Change');
    }
    const rows = panel.items.map((item) => {
      const row: TableCell[] = [
        { value: item.label, format: 'text' },
        { value: item.value, format: item.format },
      ];
      if (withPrevious) {
        row.push({ value: item.previous ?? null, format: item.format });
      }
      if (withChange) {
        row.push({ value: item.change ?? null, format: 'percent' });
      }
      return row;
    });
    return { headers, rows };
  }

  return {
    headers: panel.columns.map((column) => column.label),
    rows: panel.rows.map((row) =>
      panel.columns.map((column) => ({ value: row[column.key], format: column.format })),
    ),
  };
}
