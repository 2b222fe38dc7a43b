import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { PageInfoDto, PageQueryDto } from '../../common/pagination/page.js';
import { MAX_WINDOW_DAYS } from '../../common/time/window.js';
import { SEGMENT_WARNINGS, type SegmentWarning } from '../business-data.types.js';

export const INTERACTION_KINDS = ['recommendation', 'impression', 'response'] as const;
export const OUTCOME_CLASSIFICATIONS = ['positive', 'negative', 'neutral'] as const;
export const INTERACTION_FORMATS = ['json', 'csv'] as const;

const DAYS_RULE = `must be an integer from 1 to ${MAX_WINDOW_DAYS}`;
const DAY_RULE = 'must be a date YYYY-MM-DD (UTC)';
const KEY_RULE = 'must be at most 200 characters';

/** Turns the query text `true` or `false` into a boolean; anything else stays for the validator to reject. */
function parseBooleanText(value: unknown): unknown {
  if (value === 'true') {
    return true;
  }
  if (value === 'false') {
    return false;
  }
  return value;
}

/** The filters of a dashboard figure, to list the interactions behind it. */
export class InteractionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_WINDOW_DAYS,
    default: 7,
    description: 'UTC days ending today',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: DAYS_RULE })
  @Min(1, { message: DAYS_RULE })
  @Max(MAX_WINDOW_DAYS, { message: DAYS_RULE })
  days?: number;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'First UTC day, inclusive; give with to',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DAY_RULE })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'Last UTC day, exclusive; give with from',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DAY_RULE })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only customers of this segment' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  segmentId?: string;

  @ApiPropertyOptional({ example: 'gold-card' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: KEY_RULE })
  offerKey?: string;

  @ApiPropertyOptional({ example: 'email' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: KEY_RULE })
  channelKey?: string;

  @ApiPropertyOptional({ enum: INTERACTION_KINDS })
  @IsOptional()
  @IsIn(INTERACTION_KINDS, { message: `must be one of ${INTERACTION_KINDS.join(', ')}` })
  kind?: string;

  @ApiPropertyOptional({ example: 'click', description: 'Outcome type key of responses' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: KEY_RULE })
  outcome?: string;

  @ApiPropertyOptional({
    enum: OUTCOME_CLASSIFICATIONS,
    description: 'Responses whose outcome type has this classification',
  })
  @IsOptional()
  @IsIn(OUTCOME_CLASSIFICATIONS, {
    message: `must be one of ${OUTCOME_CLASSIFICATIONS.join(', ')}`,
  })
  classification?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: "Only responses whose outcome is one of the tenant's conversion outcomes",
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => parseBooleanText(value))
  @IsBoolean({ message: 'must be true or false' })
  conversion?: boolean;

  @ApiPropertyOptional({ example: 'cust-1042' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: KEY_RULE })
  customerId?: string;

  @ApiPropertyOptional({
    enum: INTERACTION_FORMATS,
    default: 'json',
    description: 'csv returns every matching row as text/csv (limit and cursor do not apply)',
  })
  @IsOptional()
  @IsIn(INTERACTION_FORMATS, { message: `must be one of ${INTERACTION_FORMATS.join(', ')}` })
  format?: (typeof INTERACTION_FORMATS)[number];
}

export class InteractionListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ enum: INTERACTION_KINDS }) kind: string;
  @ApiProperty() customerId: string;
  @ApiProperty() offerKey: string;
  @ApiProperty() channelKey: string;
  @ApiProperty({ type: String, nullable: true }) creativeKey: string | null;
  @ApiProperty({ type: String, nullable: true }) outcomeKey: string | null;
  @ApiProperty({ enum: ['inbound', 'outbound'] }) direction: string;
  @ApiProperty({ type: Number, nullable: true }) conversionValue: number | null;
  @ApiProperty({ type: String, nullable: true }) recommendationId: string | null;
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ type: String, nullable: true }) modelKey: string | null;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) context: Record<
    string,
    unknown
  > | null;
}

export class InteractionListDto {
  @ApiProperty({ type: [InteractionListItemDto] })
  data: InteractionListItemDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;

  @ApiPropertyOptional({
    enum: SEGMENT_WARNINGS,
    description: 'Why data is empty for the segment asked for',
  })
  warning?: SegmentWarning;
}
