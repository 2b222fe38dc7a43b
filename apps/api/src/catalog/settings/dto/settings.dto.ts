import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  Matches,
} from 'class-validator';

import { CATALOG_KEY_PATTERN, CATALOG_KEY_RULE } from '../../common/catalog-key.js';
import type { TenantSettingsRow } from '../settings.repository.js';

export const MAX_CONVERSION_OUTCOME_KEYS = 50;
const KEYS_RULE = `must be a list of 1 to ${MAX_CONVERSION_OUTCOME_KEYS} distinct outcome type keys`;

export class SettingsUpdateDto {
  @ApiProperty({
    type: [String],
    example: ['conversion'],
    minItems: 1,
    maxItems: MAX_CONVERSION_OUTCOME_KEYS,
    description: 'Outcome types (of category response) that count as conversions',
  })
  @IsArray({ message: KEYS_RULE })
  @ArrayMinSize(1, { message: KEYS_RULE })
  @ArrayMaxSize(MAX_CONVERSION_OUTCOME_KEYS, { message: KEYS_RULE })
  @ArrayUnique({ message: KEYS_RULE })
  @IsString({ each: true, message: `each ${CATALOG_KEY_RULE}` })
  @Matches(CATALOG_KEY_PATTERN, { each: true, message: `each ${CATALOG_KEY_RULE}` })
  conversionOutcomeKeys: string[];
}

export class SettingsResponseDto {
  @ApiProperty({ type: [String], example: ['conversion'] })
  conversionOutcomeKeys: string[];

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export function toSettingsResponse(row: TenantSettingsRow): SettingsResponseDto {
  return {
    conversionOutcomeKeys: row.conversionOutcomeKeys,
    updatedAt: row.updatedAt.toISOString(),
  };
}
