import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

import { MAX_WINDOW_DAYS } from '../../common/time/window.js';

/**
 * Dashboard filters of an export or a report template. `days` is relative (the N UTC days
 * ending today, evaluated at each run); `from`/`to` are a fixed range. null means not set.
 */
export class ReportFiltersDto {
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_WINDOW_DAYS,
    example: 30,
    description: 'UTC days ending today, today included; relative at each scheduled run',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `must be an integer from 1 to ${MAX_WINDOW_DAYS}` })
  @Min(1, { message: `must be an integer from 1 to ${MAX_WINDOW_DAYS}` })
  @Max(MAX_WINDOW_DAYS, { message: `must be an integer from 1 to ${MAX_WINDOW_DAYS}` })
  days?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-11-01',
    description: 'First UTC day, inclusive',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD (UTC)' })
  from?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-01',
    description: 'Last UTC day, exclusive',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD (UTC)' })
  to?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  segmentId?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 168,
    description: 'Decision pipeline window in hours',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 168' })
  @Min(1, { message: 'must be an integer from 1 to 168' })
  @Max(168, { message: 'must be an integer from 1 to 168' })
  windowHours?: number | null;
}
