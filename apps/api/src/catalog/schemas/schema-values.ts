import type { Rejection } from '../../write/write-body.js';
import type { FieldType, SchemaField } from './schema-fields.js';

export type ValueResult = { ok: true; value: unknown } | { ok: false; reason: string };

const INT8_MIN = -(2n ** 63n);
const INT8_MAX = 2n ** 63n - 1n;
const DIGITS = /^[-+]?\d{1,19}$/;
const DECIMAL_TEXT = /^[-+]?\d{1,100}(\.\d{1,100})?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The rejection reason of each type; every reason names its type. */
export const TYPE_RULES: Record<FieldType, string> = {
  text: 'must be a string (type text)',
  integer:
    'must be a whole number from -9223372036854775808 to 9223372036854775807, as a JSON number ' +
    'or a string of digits (type integer)',
  decimal: 'must be a number, or a string of digits with an optional fraction (type decimal)',
  boolean: 'must be true or false (type boolean)',
  date: 'must be a calendar date YYYY-MM-DD such as 2026-12-04 (type date)',
  timestamp:
    'must be an ISO 8601 instant with a time zone, such as 2026-12-04T10:00:00Z (type timestamp)',
  json: 'must be JSON without the character \\u0000 (type json)',
};

/**
 * Converts a non-null request value to what is bound for a column of `type`,
 * or returns why it does not fit. Integers become decimal strings so int8 keeps
 * its full range; timestamps become UTC ISO strings (millisecond precision).
 */
export function coerceValue(type: FieldType, raw: unknown): ValueResult {
  const value = convert(type, raw);
  return value === undefined ? { ok: false, reason: TYPE_RULES[type] } : { ok: true, value };
}

function convert(type: FieldType, raw: unknown): unknown {
  switch (type) {
    case 'text':
      // PostgreSQL text cannot hold NUL.
      return typeof raw === 'string' && !raw.includes('\u0000') ? raw : undefined;
    case 'integer':
      return toInteger(raw);
    case 'decimal':
      if (typeof raw === 'number') {
        return Number.isFinite(raw) ? raw : undefined;
      }
      return typeof raw === 'string' && DECIMAL_TEXT.test(raw) ? raw : undefined;
    case 'boolean':
      return toBoolean(raw);
    case 'date':
      return typeof raw === 'string' && isCalendarDate(raw) ? raw : undefined;
    case 'timestamp':
      return typeof raw === 'string' && ISO_INSTANT.test(raw) && !Number.isNaN(Date.parse(raw))
        ? new Date(raw).toISOString()
        : undefined;
    case 'json':
      return JSON.stringify(raw).includes('\\u0000') ? undefined : raw;
  }
}

function toInteger(raw: unknown): string | undefined {
  if (typeof raw === 'number') {
    return Number.isSafeInteger(raw) ? String(raw) : undefined;
  }
  if (typeof raw !== 'string' || !DIGITS.test(raw)) {
    return undefined;
  }
  const value = BigInt(raw);
  return value >= INT8_MIN && value <= INT8_MAX ? value.toString() : undefined;
}

function toBoolean(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') {
    return raw;
  }
  if (raw === 'true' || raw === 'false') {
    return raw === 'true';
  }
  return undefined;
}

function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** A row checked against a schema's fields: the values to bind, keyed by column, or why not. */
export type RowResult =
  { ok: true; values: Record<string, unknown> } | { ok: false; rejections: Rejection[] };

const MAX_LISTED_FIELDS = 20;

/**
 * Checks one request row: every property must be a field, each value must
 * fit its field's type, and non-nullable fields must be present and not null.
 * A missing nullable field is stored as null.
 */
export function validateRow(fields: SchemaField[], raw: unknown, index: number): RowResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const reason = 'must be a JSON object of field values';
    return { ok: false, rejections: [{ index, field: 'item', value: raw, reason }] };
  }
  const input = raw as Record<string, unknown>;
  const rejections: Rejection[] = unknownFieldRejections(fields, input, index);
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const value = input[field.name];
    if (value === undefined || value === null) {
      if (!field.nullable) {
        const reason = `${value === null ? 'must not be null' : 'is required'} (type ${field.type}, not nullable)`;
        rejections.push({ index, field: field.name, value: value ?? null, reason });
      }
      values[field.name] = null;
      continue;
    }
    const result = coerceValue(field.type, value);
    if (result.ok) {
      values[field.name] = result.value;
    } else {
      rejections.push({ index, field: field.name, value, reason: result.reason });
    }
  }
  return rejections.length > 0 ? { ok: false, rejections } : { ok: true, values };
}

function unknownFieldRejections(
  fields: SchemaField[],
  input: Record<string, unknown>,
  index: number,
): Rejection[] {
  const known = new Set(fields.map((field) => field.name));
  const listed = fields.slice(0, MAX_LISTED_FIELDS).map((field) => field.name);
  const more = fields.length > MAX_LISTED_FIELDS ? ', ...' : '';
  return Object.keys(input)
    .filter((name) => !known.has(name))
    .map((name) => ({
      index,
      field: name,
      value: input[name],
      reason: `is not a field of this schema (fields: ${listed.join(', ')}${more})`,
    }));
}
