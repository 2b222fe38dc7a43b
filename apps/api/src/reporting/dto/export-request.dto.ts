import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

import { DASHBOARD_IDS, type DashboardId } from '../../panels/panel.types.js';
import { REPORT_FORMATS, type ReportFormat } from '../render/report-document.js';
import { ReportFiltersDto } from './report-filters.dto.js';

export class ExportRequestDto {
  @ApiProperty({ enum: DASHBOARD_IDS, example: 'business' })
  @IsIn(DASHBOARD_IDS, { message: `must be one of ${DASHBOARD_IDS.join(', ')}` })
  dashboard: DashboardId;

  @ApiProperty({ enum: REPORT_FORMATS, example: 'pdf' })
  @IsIn(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(', ')}` })
  format: ReportFormat;

  @ApiPropertyOptional({ type: ReportFiltersDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportFiltersDto)
  filters?: ReportFiltersDto | null;

  @ApiPropertyOptional({
    example: 'Europe/Berlin',
    default: 'UTC',
    description: 'IANA time zone of the times shown in the file; day buckets stay UTC days',
  })
  @IsOptional()
  @IsString({ message: 'must be an IANA time zone such as "UTC" or "Europe/Berlin"' })
  @MaxLength(64, { message: 'must be at most 64 characters' })
  timezone?: string | null;
}
