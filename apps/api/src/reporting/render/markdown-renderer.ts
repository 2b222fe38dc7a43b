import type { Panel } from '../../panels/panel.types.js';
import { toPanelTable } from './panel-table.js';
import type { ReportDocument } from './report-document.js';
import { formatChange, formatValue } from './value-format.js';

/**
 * Renders a report as Markdown: a title, the header lines as a list, then per panel a heading,
 * its warning and notes, and its figures (KPIs as a list, tables and charts as pipe tables).
 */
export function renderMarkdown(document: ReportDocument): Buffer {
  const lines: string[] = [`# ${escapeMarkdown(document.panels.title)}`, ''];
  for (const meta of document.meta) {
    lines.push(`- **${escapeMarkdown(meta.label)}:** ${escapeMarkdown(meta.value)}`);
  }

  for (const panel of document.panels.panels) {
    lines.push('', `## ${escapeMarkdown(panel.title)}`, '');
    lines.push(...panelBody(panel, document.timeZone));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/**
 * Escapes text for inline Markdown: characters that start emphasis, links, code or HTML, and
 * pipes (which end a table cell). Line breaks become spaces so a cell stays on one row.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (char) => `\\${char}`);
}

function panelBody(panel: Panel, timeZone: string): string[] {
  const lines: string[] = [];
  if (panel.description) {
    lines.push(escapeMarkdown(panel.description), '');
  }
  if (panel.warning) {
    lines.push(`> **Warning:** ${escapeMarkdown(panel.warning)}`, '');
  }
  for (const note of panel.notes ?? []) {
    lines.push(`> Note: ${escapeMarkdown(note)}`, '');
  }
  if (panel.empty) {
    lines.push(`_No data:_ ${escapeMarkdown(panel.emptyMessage)}`);
    return lines;
  }
  if (panel.kind === 'kpi') {
    lines.push(...kpiList(panel.items, timeZone));
    return lines;
  }
  lines.push(...markdownTable(panel, timeZone));
  return lines;
}

function kpiList(items: Extract<Panel, { kind: 'kpi' }>['items'], timeZone: string): string[] {
  return items.map((item) => {
    const parts = [
      `- **${escapeMarkdown(item.label)}:** ${formatValue(item.value, item.format, timeZone)}`,
    ];
    const extras: string[] = [];
    if (item.previous !== undefined) {
      extras.push(`previous ${formatValue(item.previous, item.format, timeZone)}`);
    }
    if (item.change !== undefined) {
      extras.push(`change ${formatChange(item.change)}`);
    }
    if (extras.length > 0) {
      parts.push(`(${extras.join(', ')})`);
    }
    return parts.join(' ');
  });
}

function markdownTable(panel: Panel, timeZone: string): string[] {
  const table = toPanelTable(panel);
  const header = `| ${table.headers.map(escapeMarkdown).join(' | ')} |`;
  const divider = `|${table.headers.map(() => ' --- ').join('|')}|`;
  const rows = table.rows.map(
    (row) =>
      `| ${row.map((cell) => escapeMarkdown(formatValue(cell.value, cell.format, timeZone))).join(' | ')} |`,
  );
  return [header, divider, ...rows];
}
