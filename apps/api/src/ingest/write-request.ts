import type { ClassConstructor } from 'class-transformer';

import { InvalidParameterError } from '../common/errors/domain-errors.js';
import type { IngestLine, LineRejection } from '../write/ingest-line-registry.js';
import { type IndexedItem, type Rejection, validateItem } from '../write/write-body.js';
import { MAX_ID_LENGTH } from './ingest.constants.js';

/**
 * Puts the `Idempotency-Key` header into a single-object body. The header
 * names one object, so it is rejected on a batch and must agree with the
 * body's own key when both are given.
 */
export function applyIdempotencyHeader(body: unknown, header: string | undefined): unknown {
  if (header === undefined) {
    return body;
  }
  if (header.length < 1 || header.length > MAX_ID_LENGTH) {
    throw InvalidParameterError.forField(
      'Idempotency-Key',
      header,
      `must be 1 to ${MAX_ID_LENGTH} characters`,
    );
  }
  if (Array.isArray(body)) {
    throw InvalidParameterError.forField(
      'Idempotency-Key',
      header,
      'applies to single objects only; give each batch item its own idempotencyKey',
    );
  }
  if (typeof body !== 'object' || body === null) {
    return body;
  }
  const own = (body as { idempotencyKey?: unknown }).idempotencyKey;
  if (own === undefined) {
    return { ...body, idempotencyKey: header };
  }
  if (own !== header) {
    throw InvalidParameterError.forField(
      'Idempotency-Key',
      header,
      `differs from the body's idempotencyKey ${JSON.stringify(own)}`,
    );
  }
  return body;
}

/** Validates NDJSON lines as items of a batch whose index is the line number. */
export async function validateLines<T extends object>(
  dtoClass: ClassConstructor<T>,
  lines: IngestLine[],
): Promise<{ items: IndexedItem<T>[]; rejected: Rejection[] }> {
  const items: IndexedItem<T>[] = [];
  const rejected: Rejection[] = [];
  for (const line of lines) {
    const result = await validateItem(dtoClass, line.data, line.line);
    if (result.item) {
      items.push({ index: line.line, item: result.item });
    } else {
      rejected.push(...result.rejections);
    }
  }
  return { items, rejected };
}

/** Turns batch rejections whose index is a line number into line rejections naming `data.<field>`. */
export function toLineRejections(rejections: Rejection[]): LineRejection[] {
  return rejections.map(({ index, field, value, reason }) => ({
    line: index,
    field: field === 'item' ? 'data' : `data.${field}`,
    value,
    reason,
  }));
}

/** Counts the distinct items a list of rejections covers (an item may fail several fields). */
export function rejectedItemCount(rejections: Rejection[]): number {
  return new Set(rejections.map((rejection) => rejection.index)).size;
}
