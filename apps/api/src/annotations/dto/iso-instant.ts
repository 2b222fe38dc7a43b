import { registerDecorator, type ValidationOptions } from 'class-validator';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export const ISO_INSTANT_RULE =
  'must be an ISO 8601 instant with a time zone, such as 2026-12-04T10:00:00Z';

/** True for an ISO 8601 date-time with an explicit offset that names a real instant. */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Validates an ISO 8601 instant; a date-time without a zone is rejected because it is ambiguous. */
export function IsIsoInstant(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isIsoInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: ISO_INSTANT_RULE, ...options },
      validator: { validate: (value: unknown) => isIsoInstant(value) },
    });
  };
}
