import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';

import { MAX_WINDOW_DAYS } from '../../common/time/window.js';
import {
  BUSINESS_DATA_TYPES,
  type BusinessDataRow,
  type BusinessDataType,
  FUNNEL_STAGES,
  OFFER_GROUPINGS,
  type OfferGrouping,
  SEGMENT_WARNINGS,
  type SegmentWarning,
  SUMMARY_METRICS,
} from '../business-data.types.js';

const DAYS_RULE = `must be an integer from 1 to ${MAX_WINDOW_DAYS}`;
const DAY_RULE = 'must be a date YYYY-MM-DD (UTC)';

export class DashboardDataQueryDto {
  @ApiProperty({ enum: BUSINESS_DATA_TYPES })
  @IsIn(BUSINESS_DATA_TYPES, { message: `must be one of ${BUSINESS_DATA_TYPES.join(', ')}` })
  type: BusinessDataType;

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

  @ApiPropertyOptional({
    enum: OFFER_GROUPINGS,
    default: 'channel',
    description: 'offer_performance_grouped only',
  })
  @IsOptional()
  @IsIn(OFFER_GROUPINGS, { message: `must be one of ${OFFER_GROUPINGS.join(', ')}` })
  groupBy?: OfferGrouping;

  @ApiPropertyOptional({
    example: '2026-11-04',
    description: 'Trends: first UTC day to zero-fill from; defaults to the first day with data',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DAY_RULE })
  coverageFrom?: string;
}

export class DayWindowDto {
  @ApiProperty({ example: '2026-11-28', description: 'First UTC day, inclusive' })
  from: string;

  @ApiProperty({ example: '2026-12-05', description: 'Last UTC day, exclusive' })
  to: string;

  @ApiProperty({ example: 7 })
  days: number;
}

export class SummaryRowDto {
  @ApiProperty({ enum: SUMMARY_METRICS })
  metric: string;
  @ApiProperty({ type: Number, nullable: true })
  current: number | null;
  @ApiProperty({ type: Number, nullable: true })
  previous: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '(current - previous) / previous' })
  change: number | null;
}

export class AcceptanceRateRowDto {
  @ApiProperty() offerKey: string;
  @ApiProperty() offerName: string;
  @ApiProperty() impressions: number;
  @ApiProperty() positive: number;
  @ApiProperty() negative: number;
  @ApiProperty({ type: Number, nullable: true, description: 'positive / impressions' })
  acceptRate: number | null;
}

export class OfferPerformanceRowDto {
  @ApiProperty() offerKey: string;
  @ApiProperty() offerName: string;
  @ApiProperty() impressions: number;
  @ApiProperty() conversions: number;
  @ApiProperty({ type: Number, nullable: true, description: 'conversions / impressions' })
  conversionRate: number | null;
  @ApiProperty() revenue: number;
  @ApiPropertyOptional({ description: 'groupBy=channel' }) channelKey?: string;
  @ApiPropertyOptional({ description: 'groupBy=channel' }) channelName?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'groupBy=category' })
  categoryKey?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'groupBy=category' })
  categoryName?: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'groupBy=segment' }) segmentId?: string;
  @ApiPropertyOptional({ description: 'groupBy=segment' }) segmentName?: string;
}

export class ChannelEffectivenessRowDto {
  @ApiProperty() channelKey: string;
  @ApiProperty() channelName: string;
  @ApiProperty() impressions: number;
  @ApiProperty() conversions: number;
  @ApiProperty({ type: Number, nullable: true, description: 'conversions / impressions' })
  effectiveness: number | null;
}

export class DailyTrendRowDto {
  @ApiProperty({ example: '2026-12-01' }) day: string;
  @ApiProperty() impressions: number;
  @ApiProperty() conversions: number;
}

export class RevenueTrendRowDto {
  @ApiProperty({ example: '2026-12-01' }) day: string;
  @ApiProperty() revenue: number;
}

export class FunnelRowDto {
  @ApiProperty({ enum: FUNNEL_STAGES }) stage: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true, description: 'count / the previous stage count' })
  rateFromPrevious: number | null;
}

const ROW_MODELS = [
  SummaryRowDto,
  AcceptanceRateRowDto,
  OfferPerformanceRowDto,
  ChannelEffectivenessRowDto,
  DailyTrendRowDto,
  RevenueTrendRowDto,
  FunnelRowDto,
];

@ApiExtraModels(...ROW_MODELS)
export class DashboardDataDto {
  @ApiProperty({ enum: BUSINESS_DATA_TYPES })
  type: BusinessDataType;

  @ApiProperty({ type: DayWindowDto })
  window: DayWindowDto;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  segmentId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-04',
    description:
      'First UTC day the trends are zero-filled from: the first day with data, or the coverageFrom given',
  })
  coverageFrom: string | null;

  @ApiPropertyOptional({ enum: OFFER_GROUPINGS, description: 'offer_performance_grouped only' })
  groupBy?: OfferGrouping;

  @ApiProperty({
    description: 'Rows of the type; empty with a warning when the segment cannot be applied',
    type: 'array',
    items: { oneOf: ROW_MODELS.map((model) => ({ $ref: getSchemaPath(model) })) },
  })
  data: BusinessDataRow[];

  @ApiPropertyOptional({
    enum: SEGMENT_WARNINGS,
    description: 'Why data is empty for the segment asked for',
  })
  warning?: SegmentWarning;
}
