import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';

import { MAX_ID_LENGTH } from '../../ingest.constants.js';
import {
  IsBoundedText,
  IsContextObject,
  IsNumberInRange,
  IsValidInstant,
} from '../../dto/telemetry-validators.js';
import {
  DIRECTIONS,
  type Direction,
  INTERACTION_KINDS,
  type InteractionKind,
} from '../../recording/interaction-record.js';

/** Largest conversion value of one interaction. */
export const MAX_CONVERSION_VALUE = 1_000_000_000_000;
export const MAX_RANK = 1_000;

/** One recommendation, impression or response as the platform posts it. */
export class InteractionCreateDto {
  @ApiProperty({ enum: INTERACTION_KINDS })
  @IsIn(INTERACTION_KINDS, { message: `must be one of ${INTERACTION_KINDS.join(', ')}` })
  kind: InteractionKind;

  @ApiProperty({ example: 'cust-0042', maxLength: MAX_ID_LENGTH })
  @IsBoundedText(MAX_ID_LENGTH)
  customerId: string;

  @ApiProperty({ example: 'premium_card', description: 'Offer key', maxLength: MAX_ID_LENGTH })
  @IsBoundedText(MAX_ID_LENGTH)
  offerKey: string;

  @ApiProperty({ example: 'email', description: 'Channel key', maxLength: MAX_ID_LENGTH })
  @IsBoundedText(MAX_ID_LENGTH)
  channelKey: string;

  @ApiPropertyOptional({ example: 'banner_a', maxLength: MAX_ID_LENGTH })
  @IsOptional()
  @IsBoundedText(MAX_ID_LENGTH)
  creativeKey?: string;

  @ApiPropertyOptional({
    example: 'click',
    description: "Outcome type key registered for the tenant; required when kind is 'response'",
  })
  @ValidateIf(
    (item: InteractionCreateDto) => item.kind === 'response' || item.outcome !== undefined,
  )
  @IsBoundedText(MAX_ID_LENGTH, 'is required when kind is response')
  outcome?: string;

  @ApiPropertyOptional({
    enum: DIRECTIONS,
    description: 'Default: inbound for responses, else outbound',
  })
  @IsOptional()
  @IsIn(DIRECTIONS, { message: `must be one of ${DIRECTIONS.join(', ')}` })
  direction?: Direction;

  @ApiPropertyOptional({
    example: 49.9,
    minimum: 0,
    maximum: MAX_CONVERSION_VALUE,
    description: 'Money, at most 2 decimals; counted as revenue when the outcome is a conversion',
  })
  @IsOptional()
  @IsNumberInRange({ min: 0, max: MAX_CONVERSION_VALUE, maxDecimals: 2 })
  conversionValue?: number;

  @ApiPropertyOptional({
    example: 'rec-7f3a',
    description: "Id of the recommendation; required when kind is 'recommendation'",
  })
  @ValidateIf(
    (item: InteractionCreateDto) =>
      item.kind === 'recommendation' || item.recommendationId !== undefined,
  )
  @IsBoundedText(MAX_ID_LENGTH, 'is required when kind is recommendation')
  recommendationId?: string;

  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    maximum: MAX_RANK,
    description: 'Position in the recommendation, 1 first',
  })
  @IsOptional()
  @IsNumberInRange({ min: 1, max: MAX_RANK, integer: true })
  rank?: number;

  @ApiPropertyOptional({ example: 'propensity_v3', description: 'Model that scored the offer' })
  @IsOptional()
  @IsBoundedText(MAX_ID_LENGTH)
  modelKey?: string;

  @ApiPropertyOptional({
    example: 0.42,
    minimum: 0,
    maximum: 1,
    description: 'Model score at decision time',
  })
  @IsOptional()
  @IsNumberInRange({ min: 0, max: 1 })
  score?: number;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-04T10:15:00Z',
    description:
      'When it happened; default now. Within the interactions retention and at most 1 day ahead',
  })
  @IsOptional()
  @IsValidInstant()
  occurredAt?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Free-form, at most 16 KiB as JSON',
  })
  @IsOptional()
  @IsContextObject()
  context?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: 'evt-2026-12-04-000017',
    description: 'A repeated key is answered as accepted and records nothing',
    maxLength: MAX_ID_LENGTH,
  })
  @IsOptional()
  @IsBoundedText(MAX_ID_LENGTH)
  idempotencyKey?: string;
}
