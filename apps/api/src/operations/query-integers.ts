import { InvalidParameterError } from '../common/errors/domain-errors.js';

const INTEGER_TEXT = /^-?\d+$/;

/**
 * Parses an integer query parameter exactly as sent, so a 400 shows the caller's own text
 * ("1.5", "abc") instead of a converted NaN. The message states the allowed range and the
 * detail names the broken bound.
 */
export function parseIntegerQuery(params: {
  field: string;
  value: unknown;
  min: number;
  max: number;
}): number {
  const { field, value, min, max } = params;
  const text = typeof value === 'number' ? String(value) : value;
  const fail = (reason: string) =>
    new InvalidParameterError(`${field} must be an integer from ${min} to ${max}`, [
      { field, value, reason },
    ]);

  if (typeof text !== 'string' || !INTEGER_TEXT.test(text)) {
    throw fail(`must be an integer from ${min} to ${max}`);
  }
  const parsed = Number(text);
  if (parsed < min) {
    throw fail(`must be at least ${min}`);
  }
  if (parsed > max) {
    throw fail(`must be at most ${max}`);
  }
  return parsed;
}
