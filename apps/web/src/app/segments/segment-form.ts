import { HttpErrorResponse } from '@angular/common/http';

import { describeHttpError } from '../core/api-error';
import { type ErrorDetailLike, sortServerProblems } from './segment-conditions';

/** Keys of catalog entities, the rule the API applies to a segment's key. */
export const SEGMENT_KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

export const SEGMENT_KEY_RULE =
  '1-100 characters: lowercase letters, digits, _ . and -, starting with a letter or digit.';

/** Suggests a key from a name: "High value (DE)" becomes "high-value-de". */
export function suggestSegmentKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** Problems of the form's own fields, by field name (name, key, baseSchemaId…). */
export type FieldProblems = ReadonlyMap<string, readonly string[]>;

/** Checks the fields around the conditions before the request is sent. */
export function checkSegmentFields(form: {
  readonly name: string;
  readonly key: string;
  readonly baseSchemaId: string;
}): FieldProblems {
  const problems = new Map<string, string[]>();
  if (form.name.trim() === '') {
    problems.set('name', ['Enter a name.']);
  } else if (form.name.length > 200) {
    problems.set('name', ['Use at most 200 characters.']);
  }
  if (!SEGMENT_KEY_PATTERN.test(form.key)) {
    problems.set('key', [`Use ${SEGMENT_KEY_RULE}`]);
  }
  if (form.baseSchemaId === '') {
    problems.set('baseSchemaId', ['Choose the customer schema the segment selects from.']);
  }

  return problems;
}

/** A failed save, sorted to where the form shows it. */
export interface SaveProblems {
  readonly byField: FieldProblems;
  readonly byCondition: ReadonlyMap<number, readonly string[]>;
  /** A problem that names no field, such as a view that could not be built. */
  readonly general: string | null;
}

const FORM_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'key',
  'description',
  'baseSchemaId',
  'status',
]);

/**
 * Sorts the error of a failed create or update: a 400's details go next to the condition or field
 * they name, a taken key (409) to the key, and anything else to the top of the form.
 */
export function sortSaveError(error: unknown): SaveProblems {
  const message = describeHttpError(error);
  if (!(error instanceof HttpErrorResponse)) {
    return { byField: new Map(), byCondition: new Map(), general: message };
  }
  if (error.status === 409) {
    return { byField: new Map([['key', [message]]]), byCondition: new Map(), general: null };
  }
  const details = readDetails(error.error);
  if (error.status !== 400 || details.length === 0) {
    return { byField: new Map(), byCondition: new Map(), general: message };
  }
  const sorted = sortServerProblems(details);
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const [field, reasons] of sorted.byField) {
    if (FORM_FIELDS.has(field)) {
      byField.set(field, reasons);
    } else {
      unplaced.push(...reasons.map((reason) => (field === '' ? reason : `${field} ${reason}`)));
    }
  }

  return {
    byField,
    byCondition: sorted.byCondition,
    general: unplaced.length > 0 ? unplaced.join(' ') : null,
  };
}

function readDetails(body: unknown): ErrorDetailLike[] {
  const details = (body as { error?: { details?: unknown } } | null)?.error?.details;
  if (!Array.isArray(details)) {
    return [];
  }

  return details.filter(
    (detail): detail is ErrorDetailLike =>
      typeof detail === 'object' &&
      detail !== null &&
      typeof (detail as { reason?: unknown }).reason === 'string',
  );
}
