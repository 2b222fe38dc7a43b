import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

import { PageInfoDto, PageQueryDto } from '../../common/pagination/page.js';
import { DESTINATION_TYPES, type DestinationType } from '../destinations/destination.types.js';
import { REPORT_FORMATS, type ReportFormat } from '../render/report-document.js';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type ReportRunRow,
  RUN_STATUSES,
  RUN_TRIGGERS,
  type RunStatus,
  type RunTrigger,
} from '../runs/report-run.types.js';

export class RunListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only runs of this template' })
  @IsOptional()
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'must be a UUID',
  })
  templateId?: string;
}

export class RunArtifactDto {
  @ApiProperty({ enum: REPORT_FORMATS })
  format: ReportFormat;

  @ApiProperty({ example: 48213 })
  bytes: number;

  @ApiProperty({ example: 'a3f1…', description: 'Hex SHA-256 of the file' })
  sha256: string;
}

export class RunDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  destinationId: string;

  @ApiProperty({ enum: DESTINATION_TYPES })
  type: DestinationType;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;

  @ApiProperty({ example: 3 })
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;
}

export class ReportRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  templateId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  scheduleId: string | null;

  @ApiProperty({ enum: RUN_TRIGGERS })
  trigger: RunTrigger;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The occurrence; null for Run Now',
  })
  scheduledFor: string | null;

  @ApiProperty({ enum: RUN_STATUSES })
  status: RunStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the run failed' })
  error: string | null;

  @ApiProperty({ type: [RunArtifactDto] })
  artifacts: RunArtifactDto[];

  @ApiProperty({ type: [RunDeliveryDto] })
  deliveries: RunDeliveryDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ReportRunListDto {
  @ApiProperty({ type: [ReportRunDto] })
  data: ReportRunDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

export function toReportRunResponse(row: ReportRunRow): ReportRunDto {
  return {
    id: row.id,
    templateId: row.templateId,
    scheduleId: row.scheduleId,
    trigger: row.trigger,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    status: row.status,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
    artifacts: row.artifacts,
    deliveries: row.deliveries,
    createdAt: row.createdAt.toISOString(),
  };
}
