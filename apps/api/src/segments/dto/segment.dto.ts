import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

import { CatalogKey } from '../../catalog/common/catalog-key.js';
import { PageInfoDto, PageQueryDto } from '../../common/pagination/page.js';
import { MAX_CONDITIONS, SEGMENT_OPERATORS, type SegmentOperator } from '../segment-conditions.js';
import { qualifiedViewName, segmentViewNames } from '../segment-view-names.js';
import type { SegmentRow, SegmentStatus } from '../segments.repository.js';

export const SEGMENT_STATUSES = ['draft', 'active'] as const;

export class SegmentConditionDto {
  @ApiProperty({ example: 'country', description: 'A field of the base schema' })
  field: string;

  @ApiProperty({ enum: SEGMENT_OPERATORS, example: '=' })
  operator: SegmentOperator;

  @ApiPropertyOptional({
    description:
      "A value of the field's type; an array for in and not_in; absent for is_null and is_not_null. " +
      '!= and not_in also match rows where the field is null. contains on text is a case-sensitive ' +
      'substring match, on json a JSON containment (@>).',
    example: 'DE',
  })
  value?: unknown;
}

export class SegmentCreateDto {
  @CatalogKey('high-value-de')
  key: string;

  @ApiProperty({ example: 'High value customers in Germany', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  description?: string | null;

  @ApiProperty({ format: 'uuid', description: 'A customer schema of the tenant' })
  @IsUUID('all', { message: 'must be a UUID' })
  baseSchemaId: string;

  @ApiPropertyOptional({
    type: [SegmentConditionDto],
    maxItems: MAX_CONDITIONS,
    description: 'Combined with AND; none selects every customer of the schema',
  })
  @IsOptional()
  @IsArray({ message: 'must be an array of {field, operator, value}' })
  @ArrayMaxSize(MAX_CONDITIONS, { message: `must hold at most ${MAX_CONDITIONS} conditions` })
  conditions?: unknown[];

  @ApiPropertyOptional({
    enum: SEGMENT_STATUSES,
    default: 'draft',
    description: 'Only active segments have a view',
  })
  @IsOptional()
  @IsIn(SEGMENT_STATUSES, { message: `must be one of ${SEGMENT_STATUSES.join(', ')}` })
  status?: SegmentStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0 3 * * *',
    description:
      'Refresh schedule: a 5-field cron expression evaluated in refreshTimeZone; null for none',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be at most 100 characters' })
  refreshCron?: string | null;

  @ApiPropertyOptional({
    example: 'Europe/Berlin',
    default: 'UTC',
    description: 'IANA time zone of refreshCron',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'must be at most 64 characters' })
  refreshTimeZone?: string;
}

export class SegmentUpdateDto extends PartialType(SegmentCreateDto) {}

export class SegmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SEGMENT_STATUSES })
  @IsOptional()
  @IsIn(SEGMENT_STATUSES, { message: `must be one of ${SEGMENT_STATUSES.join(', ')}` })
  status?: SegmentStatus;
}

export class SegmentResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  key: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ format: 'uuid' })
  baseSchemaId: string;

  @ApiProperty({ type: [SegmentConditionDto] })
  conditions: SegmentConditionDto[];

  @ApiProperty({ enum: SEGMENT_STATUSES })
  status: SegmentStatus;

  @ApiProperty({ description: 'True when the view exists' })
  materialized: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '"tenant_0a1b2c3d4e5f"."seg_9f8e7d6c5b4a"',
  })
  viewName: string | null;

  @ApiProperty({ description: 'True while a refresh runs' })
  refreshing: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Customers in the view at the last build or refresh',
  })
  customerCount: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastRefreshedAt: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Error of the last failed build or refresh',
  })
  lastError: string | null;

  @ApiProperty({ type: String, nullable: true })
  refreshCron: string | null;

  @ApiProperty()
  refreshTimeZone: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextRefreshAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SegmentListDto {
  @ApiProperty({ type: [SegmentResponseDto] })
  data: SegmentResponseDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

export function toSegmentResponse(row: SegmentRow): SegmentResponseDto {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    baseSchemaId: row.baseSchemaId,
    conditions: row.conditions as SegmentConditionDto[],
    status: row.status,
    materialized: row.materialized,
    viewName: row.materialized ? qualifiedViewName(segmentViewNames(row.tenantId, row.id)) : null,
    refreshing: row.refreshing,
    customerCount: row.customerCount,
    lastRefreshedAt: row.lastRefreshedAt?.toISOString() ?? null,
    lastError: row.lastError,
    refreshCron: row.refreshCron,
    refreshTimeZone: row.refreshTimeZone,
    nextRefreshAt: row.nextRefreshAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
