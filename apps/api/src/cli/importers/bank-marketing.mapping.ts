/**
 * Mapping of a UCI bank-marketing CSV row to a customer, an impression and a
 * response. Kept free of I/O so tests can check it against the file itself.
 */

export const BANK_SCHEMA_KEY = 'bank_customers';
export const BANK_OFFER_KEY = 'term_deposit';
export const BANK_CHANNELS = ['cellular', 'telephone'] as const;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86_400_000;

/** Integer and decimal columns of the CSV; the rest are text. */
const INTEGER_COLUMNS = new Set(['age', 'duration', 'campaign', 'pdays', 'previous']);
const DECIMAL_COLUMNS = new Set([
  'emp.var.rate',
  'cons.price.idx',
  'cons.conf.idx',
  'euribor3m',
  'nr.employed',
]);

export type FieldType = 'text' | 'integer' | 'decimal';

/** `emp.var.rate` -> `emp_var_rate`: the schema's field names. */
export function cleanColumnName(column: string): string {
  return column.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

export function columnType(column: string): FieldType {
  if (INTEGER_COLUMNS.has(column)) {
    return 'integer';
  }
  return DECIMAL_COLUMNS.has(column) ? 'decimal' : 'text';
}

/** `bank-<row number>`, counting data rows from 1. */
export function customerIdOf(rowNumber: number): string {
  return `bank-${rowNumber}`;
}

/**
 * Returns 12:00 UTC on the most recent date before `today` that falls in
 * `month` on `weekday` within the last 360 days. The data has months and
 * weekdays but no years, so this places every call in the past year.
 */
export function contactInstant(month: string, weekday: string, today: Date): Date {
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  const weekdayIndex = WEEKDAYS.indexOf(weekday.toLowerCase());
  if (monthIndex < 0 || weekdayIndex < 0) {
    throw new Error(`Unknown month "${month}" or weekday "${weekday}"`);
  }
  const todayStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  for (let daysBack = 1; daysBack <= 360; daysBack++) {
    const day = new Date(todayStart - daysBack * DAY_MS);
    if (day.getUTCMonth() === monthIndex && day.getUTCDay() === weekdayIndex) {
      return new Date(day.getTime() + 12 * 3_600_000);
    }
  }
  throw new Error(`No ${weekday} in ${month} within the last 360 days of ${today.toISOString()}`);
}

export interface BankRowEvents {
  customerRow: Record<string, string | number | null>;
  impression: Record<string, unknown>;
  response: Record<string, unknown>;
}

/** The schema row and the two interactions one CSV row becomes. */
export function eventsOfRow(
  row: Record<string, string>,
  rowNumber: number,
  today: Date,
): BankRowEvents {
  const customerId = customerIdOf(rowNumber);
  const customerRow: Record<string, string | number | null> = { customer_id: customerId };
  for (const [column, raw] of Object.entries(row)) {
    const type = columnType(column);
    customerRow[cleanColumnName(column)] = type === 'text' ? raw : raw === '' ? null : Number(raw);
  }
  const contact = row.contact;
  if (contact !== 'cellular' && contact !== 'telephone') {
    throw new Error(`Row ${rowNumber}: contact "${contact}" is neither cellular nor telephone`);
  }
  const occurredAt = contactInstant(row.month ?? '', row.day_of_week ?? '', today);
  const common = {
    customerId,
    offerKey: BANK_OFFER_KEY,
    channelKey: contact,
    direction: 'outbound',
  };
  return {
    customerRow,
    impression: {
      ...common,
      kind: 'impression',
      occurredAt: occurredAt.toISOString(),
      idempotencyKey: `bank-marketing:${rowNumber}:impression`,
    },
    response: {
      ...common,
      kind: 'response',
      outcome: row.y === 'yes' ? 'conversion' : 'not_interested',
      // One second after the impression, so the response follows it in time.
      occurredAt: new Date(occurredAt.getTime() + 1000).toISOString(),
      idempotencyKey: `bank-marketing:${rowNumber}:response`,
    },
  };
}
