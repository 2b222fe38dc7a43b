import { InvalidParameterError } from '../../common/errors/domain-errors.js';
import { MAX_BATCH_ITEMS, type Rejection } from '../../write/write-body.js';
import type { SchemaField } from './schema-fields.js';
import { validateRow } from './schema-values.js';

/** Rows per INSERT statement when loading; one JSON parameter carries the chunk. */
export const ROWS_PER_CHUNK = 1000;

export interface ParsedRows {
  mode: 'single' | 'batch';
  rows: Record<string, unknown>[];
  rejected: Rejection[];
}

/** Checks a rows body: one object or an array of 1 to 10,000, each row against the fields. */
export function parseRows(fields: SchemaField[], body: unknown): ParsedRows {
  if (!Array.isArray(body)) {
    if (typeof body !== 'object' || body === null) {
      throw InvalidParameterError.forField(
        'body',
        body,
        'must be a JSON object or an array of objects',
      );
    }
    return collect('single', fields, [body]);
  }
  if (body.length === 0 || body.length > MAX_BATCH_ITEMS) {
    throw InvalidParameterError.forField(
      'body',
      `${body.length} items`,
      `must hold 1 to ${MAX_BATCH_ITEMS} rows; split larger loads`,
    );
  }
  return collect('batch', fields, body);
}

function collect(mode: 'single' | 'batch', fields: SchemaField[], items: unknown[]): ParsedRows {
  const rows: Record<string, unknown>[] = [];
  const rejected: Rejection[] = [];
  for (const [index, item] of items.entries()) {
    const result = validateRow(fields, item, index);
    if (result.ok) {
      rows.push(result.values);
    } else {
      rejected.push(...result.rejections);
    }
  }
  return { mode, rows, rejected };
}

/**
 * Keeps the last row of each primary-key value, in first-seen order: loading
 * rows one after another would leave the last one, and one INSERT ... ON
 * CONFLICT statement cannot update the same row twice.
 */
export function lastRowPerKey(
  rows: Record<string, unknown>[],
  primaryKeyField: string,
): Record<string, unknown>[] {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    byKey.set(String(row[primaryKeyField]), row);
  }
  return [...byKey.values()];
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

/**
 * Turns a row read back as JSON into the API shape. Timestamps become UTC
 * ISO strings with milliseconds. Other values stay as PostgreSQL's to_jsonb wrote them.
 * NOTE: integer and decimal values pass through JSON numbers, so values beyond 2^53 (or with
 * more than about 15 significant digits) come back rounded, although the table stores them exactly.
 */
export function toRowResponse(
  fields: SchemaField[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name] ?? null;
    row[field.name] =
      field.type === 'timestamp' && typeof value === 'string'
        ? new Date(value).toISOString()
        : value;
  }
  return row;
}
