import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Field validators shared by the decision-run and decision-trace bodies. Each is one
 * constraint, so an invalid value yields one rejection with one message.
 */

/** Maximum length of a key (flow, channel, offer, model, rule) or identifier. */
export const KEY_MAX_LENGTH = 200;

/** Keys are letters, digits and `_ . : - /`, starting with a letter or digit. */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/;

/** A catalog-style key such as `nba-main` or `frequency_cap`. */
export function IsTelemetryKey(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTelemetryKey',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.length <= KEY_MAX_LENGTH && KEY_PATTERN.test(value),
        defaultMessage: () =>
          `must be 1 to ${KEY_MAX_LENGTH} letters, digits or _ . : - /, starting with a letter or digit`,
      },
    },
    options,
  );
}

/** A free-text identifier chosen by the platform (request id, customer id, idempotency key). */
export function IsIdentifier(): PropertyDecorator {
  return ValidateBy({
    name: 'isIdentifier',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && value.length <= KEY_MAX_LENGTH && /\S/.test(value),
      defaultMessage: () => `must be a non-blank string of at most ${KEY_MAX_LENGTH} characters`,
    },
  });
}

/**
 * An ISO 8601 date-time with `Z` or an offset. A time without one would be read in the
 * server's time zone, so it is rejected.
 */
export function IsInstant(): PropertyDecorator {
  return ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        isISO8601(value, { strict: true }) &&
        /T.*(Z|[+-]\d{2}(:?\d{2})?)$/i.test(value),
      defaultMessage: () =>
        'must be an ISO 8601 date-time with Z or an offset, such as 2026-12-04T10:15:00Z',
    },
  });
}

/** A finite number from `min` to `max`. */
export function IsNumberBetween(min: number, max: number): PropertyDecorator {
  return ValidateBy({
    name: 'isNumberBetween',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max,
      defaultMessage: () => `must be a number from ${min} to ${max}`,
    },
  });
}

/** An integer from `min` to `max`. */
export function IsIntegerBetween(min: number, max: number): PropertyDecorator {
  return ValidateBy({
    name: 'isIntegerBetween',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
      defaultMessage: () => `must be an integer from ${min} to ${max}`,
    },
  });
}

/**
 * An object of finite numbers keyed by name, such as per-feature score contributions, with at
 * most `maxKeys` keys of 1 to `KEY_MAX_LENGTH` characters.
 */
export function IsNumberRecord(maxKeys: number): PropertyDecorator {
  return ValidateBy({
    name: 'isNumberRecord',
    validator: {
      validate: (value: unknown) => isNumberRecord(value, maxKeys),
      defaultMessage: () =>
        `must be an object of at most ${maxKeys} keys (1 to ${KEY_MAX_LENGTH} characters) ` +
        'with finite numbers as values',
    },
  });
}

function isNumberRecord(value: unknown, maxKeys: number): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const entries = Object.entries(value);
  return (
    entries.length <= maxKeys &&
    entries.every(
      ([key, number]) =>
        key.length >= 1 &&
        key.length <= KEY_MAX_LENGTH &&
        typeof number === 'number' &&
        Number.isFinite(number),
    )
  );
}
