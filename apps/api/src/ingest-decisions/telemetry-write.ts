import type { ClassConstructor } from 'class-transformer';

import { InvalidParameterError } from '../common/errors/domain-errors.js';
import type {
  IngestLine,
  IngestLineHandler,
  LineRejection,
} from '../write/ingest-line-registry.js';
import {
  type BatchResult,
  type IndexedItem,
  invalidItemError,
  type Rejection,
  validateItem,
} from '../write/write-body.js';
import { KEY_MAX_LENGTH } from './dto/telemetry-fields.js';

/** Maximum time an `occurredAt` may be ahead of the server clock, to allow for clock skew. */
export const MAX_CLOCK_SKEW_MS = 3_600_000;

/** An item that passed validation, ready to write, with its batch position and idempotency key. */
export interface PreparedItem<T> {
  index: number;
  idempotencyKey: string | null;
  value: T;
}

/** The result of checking one validated item against the rules that need the clock or config. */
export type Preparation<T> = { item: PreparedItem<T> } | { rejection: Rejection };

/**
 * Splits items into those to record and repeats. `claimed` contains the keys the idempotency
 * table saw for the first time; within one batch only the first item with a key is recorded.
 */
export function selectFresh<T>(
  items: PreparedItem<T>[],
  claimed: Set<string>,
): { fresh: PreparedItem<T>[]; duplicates: PreparedItem<T>[] } {
  const fresh: PreparedItem<T>[] = [];
  const duplicates: PreparedItem<T>[] = [];
  const used = new Set<string>();
  for (const item of items) {
    const key = item.idempotencyKey;
    if (key === null || (claimed.has(key) && !used.has(key))) {
      fresh.push(item);
      if (key !== null) {
        used.add(key);
      }
    } else {
      duplicates.push(item);
    }
  }
  return { fresh, duplicates };
}

/** Returns the prepared item, or throws the 400 for a single object that failed a check. */
export function preparedOrThrow<T>(preparation: Preparation<T>): PreparedItem<T> {
  if ('rejection' in preparation) {
    throw invalidItemError([preparation.rejection]);
  }
  return preparation.item;
}

/** Applies the checks to every validated item of a batch, collecting rejections. */
export function prepareAll<D, T>(
  items: IndexedItem<D>[],
  prepare: (item: D, index: number) => Preparation<T>,
): { prepared: PreparedItem<T>[]; rejected: Rejection[] } {
  const prepared: PreparedItem<T>[] = [];
  const rejected: Rejection[] = [];
  for (const { index, item } of items) {
    const preparation = prepare(item, index);
    if ('rejection' in preparation) {
      rejected.push(preparation.rejection);
    } else {
      prepared.push(preparation.item);
    }
  }
  return { prepared, rejected };
}

/**
 * Parses an `occurredAt` (or takes `now` when it is absent) and checks it is no more than
 * `MAX_CLOCK_SKEW_MS` ahead and not before `earliest`. Returns the instant or the reason.
 */
export function checkOccurredAt(params: {
  value: string | undefined;
  now: Date;
  earliest: Date;
  earliestReason: string;
}): Date | string {
  const { value, now, earliest, earliestReason } = params;
  const occurredAt = value === undefined ? now : new Date(value);
  if (occurredAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    return `must not be more than 1 hour after the server time (${now.toISOString()})`;
  }
  if (occurredAt.getTime() < earliest.getTime()) {
    return earliestReason;
  }
  return occurredAt;
}

/** Splits rows into chunks, so one statement stays under PostgreSQL's 65,535 bound parameters. */
export function chunk<T>(rows: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) {
    chunks.push(rows.slice(start, start + size));
  }
  return chunks;
}

/**
 * Builds the NDJSON handler of a line type: validates each line's `data` against the DTO, lets
 * `recordBatch` record the valid ones with the endpoint's batch semantics, and reports
 * rejections by 1-based line with the field under `data.`.
 */
export function createLineHandler<D extends object>(
  dtoClass: ClassConstructor<D>,
  recordBatch: (
    tenantId: string,
    items: IndexedItem<D>[],
    rejected: Rejection[],
  ) => Promise<BatchResult>,
): IngestLineHandler {
  return async (tenantId: string, lines: IngestLine[]) => {
    const items: IndexedItem<D>[] = [];
    const rejected: Rejection[] = [];
    for (const [position, line] of lines.entries()) {
      const result = await validateItem(dtoClass, line.data, position);
      if (result.item) {
        items.push({ index: position, item: result.item });
      } else {
        rejected.push(...result.rejections);
      }
    }
    const result =
      items.length > 0 ? await recordBatch(tenantId, items, rejected) : { accepted: 0, rejected };
    return {
      accepted: result.accepted,
      rejected: [...result.rejected]
        .sort((a, b) => a.index - b.index)
        .map((rejection) => toLineRejection(rejection, lines)),
    };
  };
}

function toLineRejection(rejection: Rejection, lines: IngestLine[]): LineRejection {
  return {
    line: lines[rejection.index].line,
    field: `data.${rejection.field}`,
    value: rejection.value,
    reason: rejection.reason,
  };
}

/**
 * Applies the `Idempotency-Key` header to a single object. A header that differs from the
 * body's `idempotencyKey` is a 400, because it is unclear which one the caller meant.
 */
export function withIdempotencyHeader<T extends { idempotencyKey?: string }>(
  item: T,
  header: string | undefined,
): T {
  if (header === undefined || header === '') {
    return item;
  }
  if (header.length > KEY_MAX_LENGTH || !/\S/.test(header)) {
    throw InvalidParameterError.forField(
      'Idempotency-Key',
      header,
      `must be a non-blank string of at most ${KEY_MAX_LENGTH} characters`,
    );
  }
  if (item.idempotencyKey !== undefined && item.idempotencyKey !== header) {
    throw InvalidParameterError.forField(
      'Idempotency-Key',
      header,
      `differs from the body's idempotencyKey "${item.idempotencyKey}"; send one of them`,
    );
  }
  return Object.assign(item, { idempotencyKey: header });
}
