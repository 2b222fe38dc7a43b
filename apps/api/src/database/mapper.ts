/**
 * The one place where raw aggregate values become JSON numbers and strings.
 * node-postgres returns int8 and numeric as strings and PGlite returns some as
 * numbers; both go through here so the API answers the same on either driver.
 */

/** Converts a count, sum or numeric column to a number; null and undefined become 0. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) {
    return 0;
  }
  return toNumberOrNull(value) ?? 0;
}

/** Converts an aggregate that may be absent (an average or percentile of no rows) to number | null. */
export function toNumberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  if (typeof value === 'string') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  throw new TypeError(`Expected a numeric database value, got ${typeof value}`);
}

/** Converts a `date` or timestamp value to the UTC day 'YYYY-MM-DD'. */
export function toIsoDay(value: unknown): string {
  if (typeof value === 'string') {
    return value.slice(0, 10);
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  throw new TypeError(`Expected a date database value, got ${typeof value}`);
}

/** Converts a timestamptz value to an ISO 8601 instant in UTC, or null. */
export function toIsoInstant(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  const date = value instanceof Date ? value : new Date(value as string | number);
  if (Number.isNaN(date.getTime())) {
    throw new TypeError(`Expected a timestamp database value, got ${JSON.stringify(value)}`);
  }
  return date.toISOString();
}

/** Divides, giving null when the denominator is 0 (a rate of nothing is unknown, not 0). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Reads the rows of a `db.execute` result on either driver. */
export function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) {
    return result as T[];
  }
  return (result as { rows?: T[] }).rows ?? [];
}
