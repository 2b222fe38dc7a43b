import { InvalidParameterError } from '../errors/domain-errors.js';

/**
 * Keyset cursor: the sort value and id of the last row of a page, encoded as
 * base64url JSON so callers treat it as opaque.
 */
export interface Cursor {
  sortValue: string | number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sortValue, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return { sortValue: parsed[0], id: parsed[1] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw InvalidParameterError.forField('cursor', value, 'is not a cursor returned by this list');
}
