import type { PipeTransform } from '@nestjs/common';

import { InvalidParameterError } from '../errors/domain-errors.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** Validates a UUID path or query parameter, answering 400 that names it and its value. */
export function uuidPipe(field: string): PipeTransform<unknown, string> {
  return {
    transform(value: unknown): string {
      if (!isUuid(value)) {
        throw InvalidParameterError.forField(
          field,
          value,
          'must be a UUID such as 7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f',
        );
      }
      return value.toLowerCase();
    },
  };
}
