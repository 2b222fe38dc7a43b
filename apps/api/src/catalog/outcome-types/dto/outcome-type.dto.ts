import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

import { PageInfoDto } from '../../../common/pagination/page.js';
import { CatalogKey } from '../../common/catalog-key.js';
import { CatalogListQueryDto } from '../../common/catalog-list.js';
import { CatalogName, IdempotencyKeyProperty, PresentOnly } from '../../common/catalog-dto.js';
import type { OutcomeTypeRow, OutcomeTypeValues } from '../outcome-types.repository.js';
import type { OutcomeCategory, OutcomeClassification } from '../system-outcome-types.js';

export const OUTCOME_CLASSIFICATIONS: readonly OutcomeClassification[] = [
  'positive',
  'negative',
  'neutral',
];
export const OUTCOME_CATEGORIES: readonly OutcomeCategory[] = ['impression', 'response'];
const CLASSIFICATION_RULE = `must be one of ${OUTCOME_CLASSIFICATIONS.join(', ')}`;
const CATEGORY_RULE = `must be one of ${OUTCOME_CATEGORIES.join(', ')}`;

export class OutcomeTypeCreateDto {
  @CatalogKey('add_to_cart')
  key: string;

  @CatalogName('Add to cart')
  name: string;

  @ApiProperty({ enum: OUTCOME_CLASSIFICATIONS, example: 'positive' })
  @IsIn(OUTCOME_CLASSIFICATIONS, { message: CLASSIFICATION_RULE })
  classification: OutcomeClassification;

  @ApiProperty({ enum: OUTCOME_CATEGORIES, example: 'response' })
  @IsIn(OUTCOME_CATEGORIES, { message: CATEGORY_RULE })
  category: OutcomeCategory;

  @IdempotencyKeyProperty()
  idempotencyKey?: string;
}

export class OutcomeTypeUpdateDto {
  @CatalogKey('add_to_cart', {
    optional: true,
    description: 'Cannot change (422): telemetry refers to outcome types by key',
  })
  key?: string;

  @CatalogName('Add to cart', { optional: true })
  name?: string;

  @ApiPropertyOptional({ enum: OUTCOME_CLASSIFICATIONS })
  @PresentOnly()
  @IsIn(OUTCOME_CLASSIFICATIONS, { message: CLASSIFICATION_RULE })
  classification?: OutcomeClassification;

  @ApiPropertyOptional({ enum: OUTCOME_CATEGORIES })
  @PresentOnly()
  @IsIn(OUTCOME_CATEGORIES, { message: CATEGORY_RULE })
  category?: OutcomeCategory;
}

/** Turns the query strings `true` and `false` into booleans; anything else is left for validation. */
function parseBooleanQuery(value: unknown): unknown {
  if (value === 'true') {
    return true;
  }
  if (value === 'false') {
    return false;
  }
  return value;
}

export class OutcomeTypeListQueryDto extends CatalogListQueryDto {
  @ApiPropertyOptional({ enum: OUTCOME_CLASSIFICATIONS })
  @IsOptional()
  @IsIn(OUTCOME_CLASSIFICATIONS, { message: CLASSIFICATION_RULE })
  classification?: OutcomeClassification;

  @ApiPropertyOptional({ enum: OUTCOME_CATEGORIES })
  @IsOptional()
  @IsIn(OUTCOME_CATEGORIES, { message: CATEGORY_RULE })
  category?: OutcomeCategory;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: only the ten system types; false: only custom ones',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => parseBooleanQuery(value))
  @IsBoolean({ message: 'must be true or false' })
  system?: boolean;
}

export class OutcomeTypeResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'add_to_cart' })
  key: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: OUTCOME_CLASSIFICATIONS })
  classification: OutcomeClassification;

  @ApiProperty({ enum: OUTCOME_CATEGORIES })
  category: OutcomeCategory;

  @ApiProperty({
    description: 'One of the ten types every tenant has; these cannot be changed or deleted',
  })
  system: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class OutcomeTypeListDto {
  @ApiProperty({ type: [OutcomeTypeResponseDto] })
  data: OutcomeTypeResponseDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

/** Returns the editable fields of an outcome type as JSON, for change detection and annotations. */
export function outcomeTypeFields(row: OutcomeTypeValues): Record<string, unknown> {
  return {
    key: row.key,
    name: row.name,
    classification: row.classification,
    category: row.category,
  };
}

export function outcomeTypeValues(item: OutcomeTypeCreateDto): OutcomeTypeValues {
  return {
    key: item.key,
    name: item.name,
    classification: item.classification,
    category: item.category,
  };
}

export function toOutcomeTypeResponse(row: OutcomeTypeRow): OutcomeTypeResponseDto {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    classification: row.classification,
    category: row.category,
    system: row.system,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
