import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { PageInfoDto } from '../../../common/pagination/page.js';
import { toNumberOrNull } from '../../../database/mapper.js';
import { CatalogKey, CatalogKeyReference } from '../../common/catalog-key.js';
import { CatalogListQueryDto } from '../../common/catalog-list.js';
import {
  CatalogDescription,
  CatalogName,
  IdempotencyKeyProperty,
  PresentOnly,
} from '../../common/catalog-dto.js';
import {
  OFFER_STATUSES,
  type OfferRow,
  type OfferStatus,
  type OfferValues,
} from '../offers.repository.js';

/** Largest business or revenue value; the columns are numeric(18,2). */
export const MAX_MONEY_VALUE = 1_000_000_000_000_000;
const MONEY_RULE = `must be a number from 0 to ${MAX_MONEY_VALUE}, or null`;
const STATUS_RULE = `must be one of ${OFFER_STATUSES.join(', ')}`;
const PRIORITY_RULE = 'must be an integer from 0 to 100';
const SUB_CATEGORY_RULE = 'must be a string of at most 200 characters, or null';

function MoneyValue(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: Number,
      nullable: true,
      minimum: 0,
      maximum: MAX_MONEY_VALUE,
      description,
    }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: MONEY_RULE }),
    Min(0, { message: MONEY_RULE }),
    Max(MAX_MONEY_VALUE, { message: MONEY_RULE }),
  );
}

function CategoryKeyProperty(): PropertyDecorator {
  return CatalogKeyReference('credit_cards', 'Key of an existing category of the tenant');
}

export class OfferCreateDto {
  @CatalogKey('offer_summer_promo')
  key: string;

  @CatalogName('Summer promotion')
  name: string;

  @CatalogDescription()
  description?: string | null;

  @ApiPropertyOptional({ enum: OFFER_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(OFFER_STATUSES, { message: STATUS_RULE })
  status?: OfferStatus;

  @CategoryKeyProperty()
  categoryKey?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString({ message: SUB_CATEGORY_RULE })
  @MaxLength(200, { message: SUB_CATEGORY_RULE })
  subCategory?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 50 })
  @IsOptional()
  @IsInt({ message: PRIORITY_RULE })
  @Min(0, { message: PRIORITY_RULE })
  @Max(100, { message: PRIORITY_RULE })
  priority?: number;

  @MoneyValue('Value of the offer to the business, in the tenant currency')
  businessValue?: number | null;

  @MoneyValue('Expected revenue of one conversion, in the tenant currency')
  revenueValue?: number | null;

  @IdempotencyKeyProperty()
  idempotencyKey?: string;
}

export class OfferUpdateDto {
  @CatalogKey('offer_summer_promo', {
    optional: true,
    description: 'Cannot change (422): telemetry refers to offers by key',
  })
  key?: string;

  @CatalogName('Summer promotion', { optional: true })
  name?: string;

  @CatalogDescription()
  description?: string | null;

  @ApiPropertyOptional({ enum: OFFER_STATUSES })
  @PresentOnly()
  @IsIn(OFFER_STATUSES, { message: STATUS_RULE })
  status?: OfferStatus;

  @CategoryKeyProperty()
  categoryKey?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString({ message: SUB_CATEGORY_RULE })
  @MaxLength(200, { message: SUB_CATEGORY_RULE })
  subCategory?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @PresentOnly()
  @IsInt({ message: PRIORITY_RULE })
  @Min(0, { message: PRIORITY_RULE })
  @Max(100, { message: PRIORITY_RULE })
  priority?: number;

  @MoneyValue('Value of the offer to the business, in the tenant currency')
  businessValue?: number | null;

  @MoneyValue('Expected revenue of one conversion, in the tenant currency')
  revenueValue?: number | null;
}

export class OfferListQueryDto extends CatalogListQueryDto {
  @ApiPropertyOptional({ enum: OFFER_STATUSES })
  @IsOptional()
  @IsIn(OFFER_STATUSES, { message: STATUS_RULE })
  status?: OfferStatus;

  @CategoryKeyProperty()
  categoryKey?: string;
}

export class OfferResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'offer_summer_promo' })
  key: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ enum: OFFER_STATUSES })
  status: OfferStatus;

  @ApiProperty({ type: String, nullable: true })
  categoryKey: string | null;

  @ApiProperty({ type: String, nullable: true })
  subCategory: string | null;

  @ApiProperty({ minimum: 0, maximum: 100 })
  priority: number;

  @ApiProperty({ type: Number, nullable: true })
  businessValue: number | null;

  @ApiProperty({ type: Number, nullable: true })
  revenueValue: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class OfferListDto {
  @ApiProperty({ type: [OfferResponseDto] })
  data: OfferResponseDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

/** Returns the editable fields of an offer as JSON, for change detection and annotations. */
export function offerFields(row: OfferRow): Record<string, unknown> {
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    status: row.status,
    categoryKey: row.categoryKey,
    subCategory: row.subCategory,
    priority: row.priority,
    businessValue: toNumberOrNull(row.businessValue),
    revenueValue: toNumberOrNull(row.revenueValue),
  };
}

function moneyColumn(value: number | null | undefined): string | null | undefined {
  return value === undefined || value === null ? value : String(value);
}

/** Returns the column values of a new offer, with the defaults filled in. */
export function offerValues(item: OfferCreateDto): OfferValues {
  return {
    key: item.key,
    name: item.name,
    description: item.description ?? null,
    status: item.status ?? 'active',
    categoryKey: item.categoryKey ?? null,
    subCategory: item.subCategory ?? null,
    priority: item.priority ?? 50,
    businessValue: moneyColumn(item.businessValue) ?? null,
    revenueValue: moneyColumn(item.revenueValue) ?? null,
  };
}

/** Returns the column values a PATCH sets (the key never changes here). */
export function offerPatchValues(patch: OfferUpdateDto): Partial<Omit<OfferValues, 'key'>> {
  const { key: _key, businessValue, revenueValue, ...rest } = patch;
  const values: Partial<Omit<OfferValues, 'key'>> = { ...rest };
  if (businessValue !== undefined) {
    values.businessValue = moneyColumn(businessValue);
  }
  if (revenueValue !== undefined) {
    values.revenueValue = moneyColumn(revenueValue);
  }
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

export function toOfferResponse(row: OfferRow): OfferResponseDto {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    status: row.status,
    categoryKey: row.categoryKey,
    subCategory: row.subCategory,
    priority: row.priority,
    businessValue: toNumberOrNull(row.businessValue),
    revenueValue: toNumberOrNull(row.revenueValue),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
