import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
} from 'class-validator';

import { MAX_RETRY_EVENTS } from '../dead-letter.service.js';
import { TOPIC_MESSAGE, TOPIC_PATTERN } from './dead-letter-list.dto.js';

export const DEAD_LETTER_ACTIONS = ['retry', 'purge'] as const;
export type DeadLetterAction = (typeof DEAD_LETTER_ACTIONS)[number];

/** Retry or purge: either the listed events or every event of a topic. */
export class DeadLetterActionDto {
  @ApiProperty({ enum: DEAD_LETTER_ACTIONS })
  @IsIn(DEAD_LETTER_ACTIONS, { message: 'must be retry or purge' })
  action: DeadLetterAction;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_RETRY_EVENTS,
    description: 'Events to act on; ids of other tenants or unknown ids are ignored',
  })
  @IsOptional()
  @IsArray({ message: 'must be an array of event ids' })
  @ArrayMinSize(1, { message: 'must hold at least 1 event id' })
  @ArrayMaxSize(MAX_RETRY_EVENTS, { message: `must hold at most ${MAX_RETRY_EVENTS} event ids` })
  @IsUUID('all', {
    each: true,
    message: 'must hold UUIDs such as 7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f',
  })
  eventIds?: string[];

  @ApiPropertyOptional({
    example: 'interaction_events',
    description: 'Act on every event of this topic',
  })
  @IsOptional()
  @Matches(TOPIC_PATTERN, { message: TOPIC_MESSAGE })
  topic?: string;
}

export class DeadLetterActionResultDto {
  @ApiProperty({ enum: DEAD_LETTER_ACTIONS })
  action: DeadLetterAction;

  @ApiPropertyOptional({
    example: 12,
    description: 'retry: events re-submitted and removed from the queue',
  })
  requeued?: number;

  @ApiPropertyOptional({
    example: 0,
    description: 'retry: events whose re-submission failed; they stay queued',
  })
  failed?: number;

  @ApiPropertyOptional({
    example: 0,
    description: `retry: selected events still queued (a retry takes at most ${MAX_RETRY_EVENTS}; repeat for more)`,
  })
  remaining?: number;

  @ApiPropertyOptional({ example: 3, description: 'purge: events deleted' })
  deleted?: number;
}
