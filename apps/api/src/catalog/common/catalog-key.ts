import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, ValidateIf } from 'class-validator';

/** Keys of catalog entities: what telemetry and URLs of other modules use to refer to them. */
export const CATALOG_KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

export const CATALOG_KEY_RULE =
  'must match ^[a-z0-9][a-z0-9_.-]{0,99}$ (1-100 characters: lowercase letters, digits, _ . -, ' +
  'starting with a letter or digit)';

export function isCatalogKey(value: unknown): value is string {
  return typeof value === 'string' && CATALOG_KEY_PATTERN.test(value);
}

/**
 * Validates and documents a catalog key property. An optional one may be
 * left out but not set to null.
 */
export function CatalogKey(
  example: string,
  options: { optional?: boolean; description?: string } = {},
): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      example,
      pattern: CATALOG_KEY_PATTERN.source,
      required: !options.optional,
      maxLength: 100,
      description: options.description,
    }),
    ...(options.optional
      ? [ValidateIf((_object: unknown, value: unknown) => value !== undefined)]
      : []),
    IsString({ message: CATALOG_KEY_RULE }),
    Matches(CATALOG_KEY_PATTERN, { message: CATALOG_KEY_RULE }),
  );
}

/** Validates and documents an optional, nullable reference to another catalog entity by key. */
export function CatalogKeyReference(example: string, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      example,
      pattern: CATALOG_KEY_PATTERN.source,
      description,
    }),
    IsOptional(),
    IsString({ message: CATALOG_KEY_RULE }),
    Matches(CATALOG_KEY_PATTERN, { message: CATALOG_KEY_RULE }),
  );
}
