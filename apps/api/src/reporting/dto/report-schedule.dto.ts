import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { PageInfoDto, PageQueryDto } from '../../common/pagination/page.js';
import { DESTINATION_TYPES, type DestinationView } from '../destinations/destination.types.js';
import { toDestinationView } from '../destinations/destination-vault.js';
import type { ReportScheduleRow } from '../schedules/report-schedule.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DESTINATION_SCHEMA = {
  type: 'object',
  description:
    'One destination. email: host, port, secure, from, to[], username, password. ' +
    'webhook: url (http or https, no credentials), secret (signs the body). ' +
    'slack: webhookUrl (the incoming-webhook URL, stored encrypted). ' +
    'directory: path (a folder under DATA_DIR/reports; an absolute path only from an admin). ' +
    'Secrets are never returned; an item with the id of an existing destination that leaves a ' +
    'secret out keeps it, and null clears it.',
  required: ['type'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { type: 'string', enum: [...DESTINATION_TYPES] },
    name: { type: 'string', maxLength: 100 },
    host: { type: 'string' },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    secure: { type: 'boolean' },
    from: { type: 'string', format: 'email' },
    to: { type: 'array', items: { type: 'string', format: 'email' } },
    username: { type: 'string', nullable: true },
    password: { type: 'string', nullable: true, writeOnly: true },
    url: { type: 'string', format: 'uri' },
    secret: { type: 'string', nullable: true, writeOnly: true },
    webhookUrl: { type: 'string', format: 'uri', writeOnly: true },
    path: { type: 'string' },
  },
};

export class ReportScheduleCreateDto {
  @ApiProperty({ format: 'uuid' })
  @Matches(UUID, { message: 'must be a UUID' })
  templateId: string;

  @ApiProperty({
    example: '0 8 * * 1',
    description: '5-field cron: minute hour day-of-month month day-of-week',
  })
  @IsString({ message: 'must be a 5-field cron expression such as "0 8 * * 1"' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  cron: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', default: 'UTC' })
  @IsOptional()
  @IsString({ message: 'must be an IANA time zone such as "UTC" or "Europe/Berlin"' })
  @MaxLength(64, { message: 'must be at most 64 characters' })
  timeZone?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({ type: 'array', items: DESTINATION_SCHEMA, default: [] })
  @IsOptional()
  @IsArray({ message: 'must be an array of destinations' })
  destinations?: unknown[];
}

/** A partial update; `destinations`, when given, replaces the list. */
export class ReportScheduleUpdateDto {
  @ApiPropertyOptional({ example: '30 6 * * *' })
  @IsOptional()
  @IsString({ message: 'must be a 5-field cron expression such as "0 8 * * 1"' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  cron?: string;

  @ApiPropertyOptional({ example: 'Asia/Kolkata' })
  @IsOptional()
  @IsString({ message: 'must be an IANA time zone such as "UTC" or "Europe/Berlin"' })
  @MaxLength(64, { message: 'must be at most 64 characters' })
  timeZone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({ type: 'array', items: DESTINATION_SCHEMA })
  @IsOptional()
  @IsArray({ message: 'must be an array of destinations' })
  destinations?: unknown[];
}

export class ScheduleListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only schedules of this template' })
  @IsOptional()
  @Matches(UUID, { message: 'must be a UUID' })
  templateId?: string;
}

export class PreviewNextQueryDto {
  @ApiProperty({ example: '0 8 * * 1' })
  @IsString({ message: 'must be a 5-field cron expression such as "0 8 * * 1"' })
  @MaxLength(200, { message: 'must be at most 200 characters' })
  cron: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', default: 'UTC' })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'must be at most 64 characters' })
  timeZone?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 50' })
  @Min(1, { message: 'must be an integer from 1 to 50' })
  @Max(50, { message: 'must be an integer from 1 to 50' })
  count?: number;
}

export class PreviewNextDto {
  @ApiProperty({ example: '0 8 * * 1' })
  cron: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  timeZone: string;

  @ApiProperty({
    type: [String],
    format: 'date-time',
    description: 'Next run times, UTC, ascending',
  })
  nextRuns: string[];
}

export class ReportScheduleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  templateId: string;

  @ApiProperty({ example: '0 8 * * 1' })
  cron: string;

  @ApiProperty({ example: 'Europe/Berlin' })
  timeZone: string;

  @ApiProperty()
  enabled: boolean;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Destinations without secrets; secretSet tells whether a secret is stored',
  })
  destinations: DestinationView[];

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null while disabled',
  })
  nextRunAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ReportScheduleListDto {
  @ApiProperty({ type: [ReportScheduleDto] })
  data: ReportScheduleDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

export function toReportScheduleResponse(row: ReportScheduleRow): ReportScheduleDto {
  return {
    id: row.id,
    templateId: row.templateId,
    cron: row.cron,
    timeZone: row.timeZone,
    enabled: row.enabled,
    destinations: row.destinations.map(toDestinationView),
    nextRunAt: row.nextRunAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
