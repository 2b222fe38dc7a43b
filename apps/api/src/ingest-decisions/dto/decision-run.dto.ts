import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import {
  IsIdentifier,
  IsInstant,
  IsNumberBetween,
  IsTelemetryKey,
  KEY_MAX_LENGTH,
} from './telemetry-fields.js';

export const DECISION_RUN_STATUSES = ['completed', 'failed'] as const;
export type DecisionRunStatus = (typeof DECISION_RUN_STATUSES)[number];

/** Maximum latency accepted, in milliseconds (one hour). */
export const MAX_RUN_LATENCY_MS = 3_600_000;

/** One decision flow execution, as the platform posts it. */
export class DecisionRunCreateDto {
  @ApiProperty({ example: 'nba-main', maxLength: KEY_MAX_LENGTH })
  @IsTelemetryKey()
  flowKey: string;

  @ApiPropertyOptional({ example: 'email', maxLength: KEY_MAX_LENGTH })
  @IsOptional()
  @IsTelemetryKey()
  channelKey?: string;

  @ApiProperty({ enum: DECISION_RUN_STATUSES, example: 'completed' })
  @IsIn(DECISION_RUN_STATUSES, { message: `must be one of ${DECISION_RUN_STATUSES.join(', ')}` })
  status: DecisionRunStatus;

  @ApiProperty({ minimum: 0, maximum: MAX_RUN_LATENCY_MS, example: 42.5 })
  @IsNumberBetween(0, MAX_RUN_LATENCY_MS)
  latencyMs: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the run happened; defaults to the time of the request',
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({ maxLength: KEY_MAX_LENGTH, example: 'req-8c1f' })
  @IsOptional()
  @IsIdentifier()
  requestId?: string;

  @ApiPropertyOptional({
    maxLength: KEY_MAX_LENGTH,
    description: 'Repeats with this key record nothing',
  })
  @IsOptional()
  @IsIdentifier()
  idempotencyKey?: string;
}

/** A recorded decision run. */
export class DecisionRunDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Id of the raw row; null when the run is older than the raw retention or a repeat',
  })
  id: string | null;

  @ApiProperty()
  flowKey: string;

  @ApiProperty({ type: String, nullable: true })
  channelKey: string | null;

  @ApiProperty({ enum: DECISION_RUN_STATUSES })
  status: DecisionRunStatus;

  @ApiProperty()
  latencyMs: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;

  @ApiProperty({
    description:
      'False when the run is older than the raw retention: only the hourly rollup counts it',
  })
  rawStored: boolean;

  @ApiProperty({
    description: 'True when the idempotency key was seen before and nothing was recorded',
  })
  duplicate: boolean;
}
