import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** Filters any dashboard accepts; each dashboard uses the ones it supports. */
export class DashboardFiltersQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 365,
    default: 7,
    description: 'UTC days ending today',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 365' })
  @Min(1, { message: 'must be an integer from 1 to 365' })
  @Max(365, { message: 'must be an integer from 1 to 365' })
  days?: number;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'First UTC day, inclusive' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD (UTC)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Last UTC day, exclusive' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD (UTC)' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  segmentId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 168,
    description: 'Decision pipeline window in hours',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 168' })
  @Min(1, { message: 'must be an integer from 1 to 168' })
  @Max(168, { message: 'must be an integer from 1 to 168' })
  windowHours?: number;
}
