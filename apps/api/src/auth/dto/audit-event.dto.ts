import { ApiProperty } from '@nestjs/swagger';

import { PageInfoDto } from '../../common/pagination/page.js';
import type { AuditEventRow } from '../audit.repository.js';

export class AuditEventResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Name of the key that acted', example: 'bootstrap-admin' })
  actor: string;

  @ApiProperty({ example: 'api_key.revoked' })
  action: string;

  @ApiProperty({ example: 'api_key' })
  targetType: string;

  @ApiProperty({ type: String, nullable: true })
  targetId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AuditEventListDto {
  @ApiProperty({ type: [AuditEventResponseDto] })
  data: AuditEventResponseDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

export function toAuditEventResponse(row: AuditEventRow): AuditEventResponseDto {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
