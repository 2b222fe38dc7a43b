import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { InvalidParameterError } from '../common/errors/domain-errors.js';
import { flattenValidationErrors } from '../common/validation/validation-pipe.js';

/** Most items one batch request may carry. */
export const MAX_BATCH_ITEMS = 10_000;

/** One rejected item of a batch: its position, the failing field and value, and why. */
export interface Rejection {
  index: number;
  field: string;
  value: unknown;
  reason: string;
}

export interface BatchResult {
  accepted: number;
  rejected: Rejection[];
}

export interface IndexedItem<T> {
  index: number;
  item: T;
}

/** A write body is one object (201 or 400) or an array of them (200 with per-item rejections). */
export type WriteBody<T> =
  | { mode: 'single'; item: T }
  | { mode: 'batch'; items: IndexedItem<T>[]; rejected: Rejection[]; total: number };

/**
 * Validates a write body against a DTO class. A single invalid object throws a
 * 400; in a batch each invalid item becomes a rejection and the rest go on.
 */
export async function parseWriteBody<T extends object>(
  dtoClass: ClassConstructor<T>,
  body: unknown,
): Promise<WriteBody<T>> {
  if (Array.isArray(body)) {
    return parseBatch(dtoClass, body);
  }
  if (typeof body !== 'object' || body === null) {
    throw InvalidParameterError.forField(
      'body',
      body,
      'must be a JSON object or an array of objects',
    );
  }
  const { item, rejections } = await validateItem(dtoClass, body, 0);
  if (!item) {
    throw invalidItemError(rejections);
  }
  return { mode: 'single', item };
}

/** Validates one plain object; returns the DTO instance or the rejections. */
export async function validateItem<T extends object>(
  dtoClass: ClassConstructor<T>,
  plain: unknown,
  index: number,
): Promise<{ item: T | null; rejections: Rejection[] }> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return {
      item: null,
      rejections: [{ index, field: 'item', value: plain, reason: 'must be a JSON object' }],
    };
  }
  const instance = plainToInstance(dtoClass, plain);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: true },
  });
  if (errors.length === 0) {
    return { item: instance, rejections: [] };
  }
  const rejections = flattenValidationErrors(errors).map((detail) => ({
    index,
    field: detail.field ?? 'item',
    value: detail.value,
    reason: detail.reason,
  }));
  return { item: null, rejections };
}

/**
 * Ends a batch: the answer when at least one item was accepted, or a 400
 * listing every rejection when none was.
 */
export function finishBatch(accepted: number, rejected: Rejection[]): BatchResult {
  const sorted = [...rejected].sort((a, b) => a.index - b.index);
  if (accepted === 0 && sorted.length > 0) {
    throw new InvalidParameterError(
      `No item of the batch is valid (${new Set(sorted.map((r) => r.index)).size} rejected); see details`,
      sorted,
    );
  }
  return { accepted, rejected: sorted };
}

/** The 400 for a single object that failed validation or a domain check. */
export function invalidItemError(rejections: Rejection[]): InvalidParameterError {
  const details = rejections.map(({ field, value, reason }) => ({ field, value, reason }));
  const first = details[0];
  const message = first ? `${first.field} ${first.reason}` : 'The item is invalid';
  return new InvalidParameterError(message, details);
}

async function parseBatch<T extends object>(
  dtoClass: ClassConstructor<T>,
  body: unknown[],
): Promise<WriteBody<T>> {
  if (body.length === 0) {
    throw InvalidParameterError.forField('body', [], `must hold 1 to ${MAX_BATCH_ITEMS} items`);
  }
  if (body.length > MAX_BATCH_ITEMS) {
    throw InvalidParameterError.forField(
      'body',
      `${body.length} items`,
      `must hold at most ${MAX_BATCH_ITEMS} items; split the batch`,
    );
  }
  const items: IndexedItem<T>[] = [];
  const rejected: Rejection[] = [];
  for (const [index, plain] of body.entries()) {
    const result = await validateItem(dtoClass, plain, index);
    if (result.item) {
      items.push({ index, item: result.item });
    } else {
      rejected.push(...result.rejections);
    }
  }
  return { mode: 'batch', items, rejected, total: body.length };
}
