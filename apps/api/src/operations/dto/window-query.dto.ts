import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional, IsString } from 'class-validator';

/**
 * `days` or `from`/`to` of a dashboard endpoint. `days` is kept as sent and parsed by the
 * service, so a 400 shows the caller's text; `resolveDayWindow` checks the dates.
 */
export class DayWindowQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 365,
    default: 7,
    description: 'The N UTC days ending with today, today included',
  })
  @Allow()
  days?: unknown;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'First UTC day, inclusive' })
  @IsOptional()
  @IsString({ message: 'must be a date YYYY-MM-DD (UTC)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Last UTC day, exclusive' })
  @IsOptional()
  @IsString({ message: 'must be a date YYYY-MM-DD (UTC)' })
  to?: string;
}

/** The window as applied: UTC days, `to` exclusive. */
export class DayWindowDto {
  @ApiProperty({ example: '2026-11-28' })
  from: string;

  @ApiProperty({ example: '2026-12-05', description: 'Exclusive' })
  to: string;

  @ApiProperty({ example: 7 })
  days: number;
}
