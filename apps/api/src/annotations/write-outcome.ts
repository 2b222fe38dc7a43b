import type { Response } from 'express';

import { InvalidParameterError } from '../common/errors/domain-errors.js';
import type { BatchResult, IndexedItem, WriteBody } from '../write/write-body.js';

/**
 * The result of a write: one stored object (201), a single object whose
 * idempotency key was seen before (200, accepted, nothing recorded), or a batch (200).
 */
export type WriteOutcome<T> =
  { mode: 'created'; row: T } | { mode: 'repeated' } | { mode: 'batch'; result: BatchResult };

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/**
 * Lists the items of a parsed write body, putting the `Idempotency-Key`
 * header on a single object. The header on a batch is a 400, because it
 * cannot tell which item it belongs to.
 */
export function itemsWithHeaderKey<T extends { idempotencyKey?: string }>(
  body: WriteBody<T>,
  headerKey: string | undefined,
): IndexedItem<T>[] {
  if (headerKey === undefined) {
    return body.mode === 'batch' ? body.items : [{ index: 0, item: body.item }];
  }
  if (body.mode === 'batch') {
    throw InvalidParameterError.forField(
      'Idempotency-Key',
      headerKey,
      'applies to single objects only; give each item of a batch its own idempotencyKey',
    );
  }
  if (headerKey.length < 1 || headerKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw InvalidParameterError.forField(
      'Idempotency-Key',
      headerKey,
      `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
    );
  }
  const own = body.item.idempotencyKey;
  if (own !== undefined && own !== headerKey) {
    throw InvalidParameterError.forField(
      'Idempotency-Key',
      headerKey,
      `differs from the body's idempotencyKey ${own}; send one of them`,
    );
  }
  body.item.idempotencyKey = headerKey;
  return [{ index: 0, item: body.item }];
}

/** Sets the status for a write outcome and returns the body to send. */
export function writeResponse<T, R>(
  response: Response,
  outcome: WriteOutcome<T>,
  toResponse: (row: T) => R,
): R | BatchResult {
  if (outcome.mode === 'created') {
    response.status(201);
    return toResponse(outcome.row);
  }
  response.status(200);
  return outcome.mode === 'batch' ? outcome.result : { accepted: 1, rejected: [] };
}
