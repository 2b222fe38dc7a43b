import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { PageInfoDto } from '../../common/pagination/page.js';
import { DASHBOARD_IDS, type DashboardId } from '../../panels/panel.types.js';
import { REPORT_FORMATS, type ReportFormat } from '../render/report-document.js';
import type { ReportTemplateRow } from '../templates/report-template.types.js';
import { ReportFiltersDto } from './report-filters.dto.js';

const FORMATS_MESSAGE = `must be a list of 1 to ${REPORT_FORMATS.length} distinct formats from ${REPORT_FORMATS.join(', ')}`;
const TIME_ZONE_MESSAGE = 'must be an IANA time zone such as "UTC" or "Europe/Berlin"';

export class ReportTemplateCreateDto {
  @ApiProperty({ example: 'Weekly business review', minLength: 1, maxLength: 200 })
  @IsString({ message: 'must be a string of 1 to 200 characters' })
  @Length(1, 200, { message: 'must be a string of 1 to 200 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  name: string;

  @ApiProperty({ enum: DASHBOARD_IDS, example: 'business' })
  @IsIn(DASHBOARD_IDS, { message: `must be one of ${DASHBOARD_IDS.join(', ')}` })
  dashboard: DashboardId;

  @ApiPropertyOptional({ type: ReportFiltersDto, description: 'days stays relative at each run' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportFiltersDto)
  filters?: ReportFiltersDto | null;

  @ApiProperty({ enum: REPORT_FORMATS, isArray: true, example: ['pdf', 'csv'] })
  @IsArray({ message: FORMATS_MESSAGE })
  @ArrayMinSize(1, { message: FORMATS_MESSAGE })
  @ArrayMaxSize(REPORT_FORMATS.length, { message: FORMATS_MESSAGE })
  @ArrayUnique({ message: FORMATS_MESSAGE })
  @IsIn(REPORT_FORMATS, { each: true, message: FORMATS_MESSAGE })
  formats: ReportFormat[];

  @ApiPropertyOptional({ example: 'Europe/Berlin', default: 'UTC' })
  @IsOptional()
  @IsString({ message: TIME_ZONE_MESSAGE })
  @MaxLength(64, { message: TIME_ZONE_MESSAGE })
  timeZone?: string;
}

/** A partial update: fields left out keep their value; `filters` is replaced as a whole. */
export class ReportTemplateUpdateDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString({ message: 'must be a string of 1 to 200 characters' })
  @Length(1, 200, { message: 'must be a string of 1 to 200 characters' })
  @Matches(/\S/, { message: 'must not be blank' })
  name?: string;

  @ApiPropertyOptional({ enum: DASHBOARD_IDS })
  @IsOptional()
  @IsIn(DASHBOARD_IDS, { message: `must be one of ${DASHBOARD_IDS.join(', ')}` })
  dashboard?: DashboardId;

  @ApiPropertyOptional({ type: ReportFiltersDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportFiltersDto)
  filters?: ReportFiltersDto | null;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, isArray: true })
  @IsOptional()
  @IsArray({ message: FORMATS_MESSAGE })
  @ArrayMinSize(1, { message: FORMATS_MESSAGE })
  @ArrayMaxSize(REPORT_FORMATS.length, { message: FORMATS_MESSAGE })
  @ArrayUnique({ message: FORMATS_MESSAGE })
  @IsIn(REPORT_FORMATS, { each: true, message: FORMATS_MESSAGE })
  formats?: ReportFormat[];

  @ApiPropertyOptional({ example: 'UTC' })
  @IsOptional()
  @IsString({ message: TIME_ZONE_MESSAGE })
  @MaxLength(64, { message: TIME_ZONE_MESSAGE })
  timeZone?: string;
}

export class ReportTemplateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: DASHBOARD_IDS })
  dashboard: DashboardId;

  @ApiProperty({ type: ReportFiltersDto, description: 'Only the filters that are set' })
  filters: ReportFiltersDto;

  @ApiProperty({ enum: REPORT_FORMATS, isArray: true })
  formats: ReportFormat[];

  @ApiProperty({ example: 'UTC' })
  timeZone: string;

  @ApiProperty({ type: String, nullable: true, description: 'Name of the API key that created it' })
  createdBy: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ReportTemplateListDto {
  @ApiProperty({ type: [ReportTemplateDto] })
  data: ReportTemplateDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

export class RunNowRequestDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Deliver to this schedule of the template only; without it, to every enabled schedule of the template',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'must be a UUID',
  })
  scheduleId?: string;
}

export class RunNowResponseDto {
  @ApiProperty({ format: 'uuid' })
  runId: string;
}

export class PreviewQueryDto {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: "Defaults to the template's first format",
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;
}

export function toReportTemplateResponse(row: ReportTemplateRow): ReportTemplateDto {
  return {
    id: row.id,
    name: row.name,
    dashboard: row.dashboard,
    filters: { ...row.filters },
    formats: row.formats,
    timeZone: row.timeZone,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
