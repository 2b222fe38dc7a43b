import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

const NAME_RULE = 'must be a string of 1 to 200 characters';
const DESCRIPTION_RULE = 'must be a string of at most 2000 characters, or null';

/** Validates a display name of 1 to 200 characters, not blank. Optional in PATCH bodies, but never null. */
export function CatalogName(
  example: string,
  options: { optional?: boolean } = {},
): PropertyDecorator {
  return applyDecorators(
    options.optional
      ? ApiPropertyOptional({ example, minLength: 1, maxLength: 200 })
      : ApiProperty({ example, minLength: 1, maxLength: 200 }),
    ...(options.optional
      ? [ValidateIf((_object: unknown, value: unknown) => value !== undefined)]
      : []),
    IsString({ message: NAME_RULE }),
    Length(1, 200, { message: NAME_RULE }),
    Matches(/\S/, { message: 'must not be blank' }),
  );
}

/** Validates an optional free-text description; null clears it. */
export function CatalogDescription(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 }),
    IsOptional(),
    IsString({ message: DESCRIPTION_RULE }),
    MaxLength(2000, { message: DESCRIPTION_RULE }),
  );
}

/** Validates the optional `idempotencyKey` of a create item. */
export function IdempotencyKeyProperty(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      maxLength: 200,
      description: 'A key seen before counts as accepted and creates nothing',
    }),
    IsOptional(),
    IsString({ message: 'must be a string of 1 to 200 characters' }),
    Length(1, 200, { message: 'must be a string of 1 to 200 characters' }),
  );
}

/** Runs the following validators only when the property is present (PATCH fields that may not be null). */
export function PresentOnly(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}
