/**
 * RFC 4180 CSV for spreadsheet tools: CRLF line ends, fields with a comma,
 * quote or line break wrapped in double quotes (inner quotes doubled), and a
 * UTF-8 byte-order mark at the start so Excel reads the file as UTF-8.
 *
 * Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
 * `@`, tab or carriage return) is prefixed with `'`. Numbers, negative ones
 * included, are written as numbers, and so is text that is exactly a decimal
 * number such as "-5" or "12.50".
 */

export const CSV_BOM = '\uFEFF';
export const CSV_LINE_END = '\r\n';

export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

const FORMULA_PREFIXES = new Set(['=', '+', '-', '@', '\t', '\r']);
const DECIMAL_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Formats one cell: numbers as numbers, text guarded against formulas and quoted when needed. */
export function formatCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  }
  return quoteText(guardFormula(value));
}

/** Formats one record, CRLF included. */
export function formatCsvRow(values: readonly CsvValue[]): string {
  return values.map(formatCsvCell).join(',') + CSV_LINE_END;
}

/** Builds a whole CSV document: the byte-order mark, the header and every row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + formatCsvRow(header) + rows.map(formatCsvRow).join('');
}

function guardFormula(text: string): string {
  if (text.length === 0 || !FORMULA_PREFIXES.has(text[0]) || DECIMAL_NUMBER.test(text)) {
    return text;
  }
  return `'${text}`;
}

function quoteText(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
