import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

import { PageInfoDto, PageQueryDto } from '../../common/pagination/page.js';
import { IsIdentifier, IsInstant, IsTelemetryKey } from '../../ingest-decisions/index.js';
import { BREAKER_STATES, type BreakerState } from '../circuit-breaker.js';
import type {
  BreakerEventRow,
  BreakerEventSource,
  BreakerStateRow,
} from '../circuit-breaker-events.repository.js';

/** Maximum length of a transition reason, in characters. */
export const MAX_BREAKER_REASON_LENGTH = 1_000;

const STATE_MESSAGE = `must be one of ${BREAKER_STATES.join(', ')}`;

/** A breaker transition posted by the platform. */
export class BreakerEventCreateDto {
  @ApiProperty({ example: 'scoring-service' })
  @IsTelemetryKey()
  name: string;

  @ApiProperty({ enum: BREAKER_STATES, example: 'closed' })
  @IsIn(BREAKER_STATES, { message: STATE_MESSAGE })
  fromState: BreakerState;

  @ApiProperty({ enum: BREAKER_STATES, example: 'open' })
  @IsIn(BREAKER_STATES, { message: STATE_MESSAGE })
  toState: BreakerState;

  @ApiPropertyOptional({ example: '5 consecutive timeouts', maxLength: MAX_BREAKER_REASON_LENGTH })
  @IsOptional()
  @IsString({ message: `must be a string of at most ${MAX_BREAKER_REASON_LENGTH} characters` })
  @MaxLength(MAX_BREAKER_REASON_LENGTH, {
    message: `must be at most ${MAX_BREAKER_REASON_LENGTH} characters`,
  })
  reason?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to the time of the request' })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({ description: 'Repeats with this key record nothing' })
  @IsOptional()
  @IsIdentifier()
  idempotencyKey?: string;
}

/** A recorded breaker transition. */
export class BreakerEventDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a repeat' })
  id: string | null;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: BREAKER_STATES })
  fromState: BreakerState;

  @ApiProperty({ enum: BREAKER_STATES })
  toState: BreakerState;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({
    enum: ['platform', 'internal'],
    description: "internal: this service's own outbound calls",
  })
  source: BreakerEventSource;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
}

/** The response to a single recorded transition. */
export class BreakerEventRecordedDto extends BreakerEventDto {
  @ApiProperty({
    description: 'True when the idempotency key was seen before and nothing was recorded',
  })
  duplicate: boolean;
}

export class BreakerEventListDto {
  @ApiProperty({ type: [BreakerEventDto] })
  data: BreakerEventDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

/** A breaker's current state: its latest transition. */
export class BreakerStateDto {
  @ApiProperty({ example: 'scoring-service' })
  name: string;

  @ApiProperty({ enum: BREAKER_STATES })
  state: BreakerState;

  @ApiProperty({ enum: BREAKER_STATES, description: 'The state before the latest transition' })
  fromState: BreakerState;

  @ApiProperty({ format: 'date-time', description: 'When the breaker entered its current state' })
  since: string;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({ enum: ['platform', 'internal'] })
  source: BreakerEventSource;
}

export class BreakerStateListDto {
  @ApiProperty({ type: [BreakerStateDto] })
  data: BreakerStateDto[];
}

export function toBreakerEventDto(row: BreakerEventRow): BreakerEventDto {
  return {
    id: row.id,
    name: row.name,
    fromState: row.fromState,
    toState: row.toState,
    reason: row.reason,
    source: row.source,
    occurredAt: row.occurredAt.toISOString(),
  };
}

export function toBreakerStateDto(row: BreakerStateRow): BreakerStateDto {
  return {
    name: row.name,
    state: row.state,
    fromState: row.fromState,
    since: row.since.toISOString(),
    reason: row.reason,
    source: row.source,
  };
}

/** `?name=&from=&to=&limit=&cursor=` of the history list. */
export class BreakerHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'scoring-service', description: 'Only this breaker' })
  @IsOptional()
  @IsTelemetryKey()
  name?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Transitions at or after this instant' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Transitions before this instant' })
  @IsOptional()
  @IsInstant()
  to?: string;
}
