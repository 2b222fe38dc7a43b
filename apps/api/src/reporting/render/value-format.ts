import { DateTime } from 'luxon';

import type { ValueFormat } from '../../panels/panel.types.js';

/** Text shown for a missing value, e.g. a rate whose denominator is 0. */
export const MISSING_VALUE = 'n/a';

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const CURRENCY = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const PERCENT = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const MILLISECONDS = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/**
 * Formats a panel value for people (HTML, PDF, PNG, Markdown, Slack): grouped integers,
 * percentages from fractions, timestamps in the report's zone. CSV keeps the raw values instead.
 */
export function formatValue(value: unknown, format: ValueFormat, timeZone: string): string {
  if (value === null || value === undefined) {
    return MISSING_VALUE;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? formatNumber(value, format) : MISSING_VALUE;
  }
  if (format === 'datetime' && (typeof value === 'string' || value instanceof Date)) {
    return formatDateTime(value, timeZone);
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  return JSON.stringify(value);
}

/** Formats a relative change (a fraction) with its sign, e.g. +12.5% or -3.0%. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) {
    return MISSING_VALUE;
  }
  const text = PERCENT.format(change);
  return change > 0 ? `+${text}` : text;
}

function formatNumber(value: number, format: ValueFormat): string {
  switch (format) {
    case 'integer':
      return INTEGER.format(value);
    case 'percent':
      return PERCENT.format(value);
    case 'currency':
      return CURRENCY.format(value);
    case 'ms':
      return `${MILLISECONDS.format(value)} ms`;
    default:
      return DECIMAL.format(value);
  }
}

function formatDateTime(value: string | Date, timeZone: string): string {
  const instant =
    value instanceof Date ? DateTime.fromJSDate(value) : DateTime.fromISO(value, { setZone: true });
  if (!instant.isValid) {
    return String(value);
  }
  return instant.setZone(timeZone).toFormat('yyyy-MM-dd HH:mm:ss ZZ');
}
