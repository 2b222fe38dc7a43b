import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

import { PageInfoDto, PageQueryDto } from '../../common/pagination/page.js';
import type { AnnotationRow } from '../annotations.repository.js';
import { ANNOTATION_KINDS, type AnnotationKind } from '../annotation-kinds.js';
import { IsIsoInstant } from './iso-instant.js';

const KIND_RULE = `must be one of ${ANNOTATION_KINDS.join(', ')}`;

export class AnnotationCreateDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-04T10:00:00Z',
    description: 'When it happened; defaults to now and may be at most 1 day in the future',
  })
  @IsOptional()
  @IsIsoInstant()
  occurredAt?: string;

  @ApiProperty({ enum: ANNOTATION_KINDS, example: 'policy_change' })
  @IsIn(ANNOTATION_KINDS, { message: KIND_RULE })
  kind: AnnotationKind;

  @ApiProperty({ example: 'Frequency cap lowered to 3 per day', minLength: 1, maxLength: 200 })
  @IsString({ message: 'must be a string of 1 to 200 characters' })
  @Length(1, 200, { message: 'must be a string of 1 to 200 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'must be a string of at most 2000 characters' })
  @MaxLength(2000, { message: 'must be a string of at most 2000 characters' })
  description?: string | null;

  @ApiPropertyOptional({ example: 'platform', default: 'api', maxLength: 100 })
  @IsOptional()
  @IsString({ message: 'must be a string of 1 to 100 characters' })
  @Length(1, 100, { message: 'must be a string of 1 to 100 characters' })
  source?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Free-form JSON object; at most 16 KB serialised',
  })
  @IsOptional()
  @IsObject({ message: 'must be a JSON object' })
  details?: Record<string, unknown>;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'A repeated key is accepted and records nothing',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'must be a string of 1 to 200 characters' })
  idempotencyKey?: string;
}

export class AnnotationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Inclusive; defaults to 30 days before `to`, or before now without `to`',
  })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Exclusive; defaults to 1 day after now (annotations may be dated up to 1 day ahead)',
  })
  @IsOptional()
  @IsIsoInstant()
  to?: string;

  @ApiPropertyOptional({
    example: 'policy_change,deploy',
    description: `One kind or a comma-separated list of: ${ANNOTATION_KINDS.join(', ')}`,
  })
  @IsOptional()
  @IsString()
  @Matches(new RegExp(`^(${ANNOTATION_KINDS.join('|')})(,(${ANNOTATION_KINDS.join('|')}))*$`), {
    message: `${KIND_RULE}, or a comma-separated list of them`,
  })
  kind?: string;
}

export class AnnotationResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ enum: ANNOTATION_KINDS })
  kind: AnnotationKind;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ example: 'api' })
  source: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  details: Record<string, unknown> | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AnnotationListDto {
  @ApiProperty({ type: [AnnotationResponseDto] })
  data: AnnotationResponseDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

export function toAnnotationResponse(row: AnnotationRow): AnnotationResponseDto {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    kind: row.kind,
    title: row.title,
    description: row.description,
    source: row.source,
    details: row.details,
    createdAt: row.createdAt.toISOString(),
  };
}
