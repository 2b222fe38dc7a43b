import { ValidationPipe, type ValidationError } from '@nestjs/common';

import { type ErrorDetail, InvalidParameterError } from '../errors/domain-errors.js';

/**
 * The global pipe: converts query and body values to the DTO types, rejects
 * unknown fields, and reports every failed constraint with its field and value.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => toInvalidParameterError(errors),
  });
}

export function toInvalidParameterError(errors: ValidationError[]): InvalidParameterError {
  const details = flattenValidationErrors(errors);
  const first = details[0];
  const message = first
    ? `${first.field} ${first.reason}${details.length > 1 ? ` (and ${details.length - 1} more)` : ''}`
    : 'Request is invalid';
  return new InvalidParameterError(message, details);
}

/** Flattens nested class-validator errors into one detail per failed field. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const constraint of Object.values(error.constraints ?? {})) {
      details.push({
        field,
        value: error.value,
        reason: stripPropertyName(constraint, error.property),
      });
    }
    if (error.children?.length) {
      details.push(...flattenValidationErrors(error.children, field));
    }
  }
  return details;
}

/** class-validator messages start with the property name; the detail names the field already. */
function stripPropertyName(message: string, property: string): string {
  if (message.startsWith(`property ${property} should not exist`)) {
    return 'is not a known field';
  }
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
