import type { Rejection } from '../write/write-body.js';
import { ANNOTATION_KINDS } from './annotation-kinds.js';
import type { AnnotationInsert } from './annotations.repository.js';
import type { AnnotationCreateDto } from './dto/annotation.dto.js';

/** How far ahead of now an annotation may be dated (clock skew, announced deploys). */
export const MAX_FUTURE_MS = 86_400_000;
/** Largest `details` object, measured as serialised JSON. */
export const MAX_DETAILS_BYTES = 16_384;
export const MAX_TITLE_LENGTH = 200;
export const DEFAULT_SOURCE = 'api';

export type AnnotationProblem = Omit<Rejection, 'index'>;

/** Turns a validated request item into the row to insert; `occurredAt` defaults to `now`. */
export function annotationFromDto(item: AnnotationCreateDto, now: Date): AnnotationInsert {
  return {
    occurredAt: item.occurredAt ? new Date(item.occurredAt) : now,
    kind: item.kind,
    title: item.title,
    description: item.description ?? null,
    source: item.source ?? DEFAULT_SOURCE,
    details: item.details ?? null,
    createdAt: now,
  };
}

/**
 * Checks the rules a DTO cannot express (the clock, the size of `details`),
 * plus the DTO's own rules, so annotations recorded by other modules obey them too.
 */
export function checkAnnotation(value: AnnotationInsert, now: Date): AnnotationProblem | null {
  if (!(ANNOTATION_KINDS as readonly string[]).includes(value.kind)) {
    return {
      field: 'kind',
      value: value.kind,
      reason: `must be one of ${ANNOTATION_KINDS.join(', ')}`,
    };
  }
  if (value.title.trim().length === 0 || value.title.length > MAX_TITLE_LENGTH) {
    return {
      field: 'title',
      value: value.title,
      reason: 'must be a string of 1 to 200 characters',
    };
  }
  if (value.source.length === 0 || value.source.length > 100) {
    return {
      field: 'source',
      value: value.source,
      reason: 'must be a string of 1 to 100 characters',
    };
  }
  if (Number.isNaN(value.occurredAt.getTime())) {
    return {
      field: 'occurredAt',
      value: String(value.occurredAt),
      reason: 'must be a valid instant',
    };
  }
  if (value.occurredAt.getTime() > now.getTime() + MAX_FUTURE_MS) {
    return {
      field: 'occurredAt',
      value: value.occurredAt.toISOString(),
      reason: `must be at most 1 day in the future (now is ${now.toISOString()})`,
    };
  }
  if (value.details && Buffer.byteLength(JSON.stringify(value.details)) > MAX_DETAILS_BYTES) {
    return {
      field: 'details',
      value: '(object)',
      reason: `must be at most ${MAX_DETAILS_BYTES} bytes as JSON`,
    };
  }
  return null;
}

/**
 * Picks the items to insert after claiming idempotency keys: items without a
 * key, and the first item of each key claimed now. The others repeat a key
 * seen before (or earlier in the same batch) and are accepted without a row.
 */
export function selectFreshItems<T extends { idempotencyKey?: string }>(
  items: T[],
  claimed: ReadonlySet<string>,
): T[] {
  const used = new Set<string>();
  return items.filter((item) => {
    const key = item.idempotencyKey;
    if (key === undefined) {
      return true;
    }
    if (!claimed.has(key) || used.has(key)) {
      return false;
    }
    used.add(key);
    return true;
  });
}
