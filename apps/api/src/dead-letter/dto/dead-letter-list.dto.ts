import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

import { PageInfoDto, PageQueryDto } from '../../common/pagination/page.js';
import type { DeadLetterEvent } from '../dead-letter.types.js';

/** Topic names: a lowercase letter, then lowercase letters, digits or underscores. */
export const TOPIC_PATTERN = /^[a-z][a-z0-9_]{0,99}$/;
export const TOPIC_MESSAGE =
  'must be a topic name such as interaction_events (lowercase letters, digits, _)';

export class DeadLetterListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'interaction_events', description: 'Only events of this topic' })
  @IsOptional()
  @Matches(TOPIC_PATTERN, { message: TOPIC_MESSAGE })
  topic?: string;
}

export class DeadLetterEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'interaction_events' })
  topic: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event as its pipeline stored it',
  })
  payload: Record<string, unknown>;

  @ApiProperty({ example: 'insert into interactions failed: deadlock detected' })
  error: string;

  @ApiProperty({
    example: 5,
    description: 'Delivery attempts made before the event was dead-lettered',
  })
  retryCount: number;

  @ApiProperty({ format: 'date-time' })
  failedAt: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Last failed retry',
  })
  lastRetriedAt: string | null;
}

export class DeadLetterListDto {
  @ApiProperty({ example: 12, description: 'Events queued for the tenant, all topics' })
  totalEvents: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { interaction_events: 12 },
    description: 'Queued events per topic',
  })
  byTopic: Record<string, number>;

  @ApiProperty({
    enum: ['OK', 'WARNING', 'CRITICAL'],
    description: 'OK up to 10 queued events, WARNING 11 to 100, CRITICAL above 100',
  })
  alert: 'OK' | 'WARNING' | 'CRITICAL';

  @ApiProperty({ type: [DeadLetterEventDto] })
  data: DeadLetterEventDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

export function toDeadLetterEventResponse(event: DeadLetterEvent): DeadLetterEventDto {
  return {
    id: event.id,
    topic: event.topic,
    payload: event.payload,
    error: event.error,
    retryCount: event.retryCount,
    failedAt: event.failedAt.toISOString(),
    lastRetriedAt: event.lastRetriedAt?.toISOString() ?? null,
  };
}
