import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

import { MAX_ID_LENGTH } from '../../ingest.constants.js';
import {
  IsBoundedText,
  IsContextObject,
  IsNumberInRange,
  IsValidInstant,
} from '../../dto/telemetry-validators.js';
import { MAX_CONVERSION_VALUE, MAX_RANK } from '../../interactions/dto/interaction-create.dto.js';
import { RECOMMENDATION_LOOKBACK_DAYS } from '../respond-target.js';

/** One outcome in the shape of the platform's Respond API. */
export class RespondCreateDto {
  @ApiProperty({ example: 'cust-0042' })
  @IsBoundedText(MAX_ID_LENGTH, 'is required')
  customerId: string;

  @ApiProperty({
    example: 'rec-7f3a',
    description:
      'Recommendation the outcome responds to. Without offerId, its offer and channel are read from the ' +
      `recommendation recorded with this id in the ${RECOMMENDATION_LOOKBACK_DAYS} days before the outcome`,
  })
  @IsBoundedText(MAX_ID_LENGTH, 'is required')
  recommendationId: string;

  @ApiPropertyOptional({
    example: 1,
    minimum: 1,
    maximum: MAX_RANK,
    description:
      'Position of the offer in the recommendation; picks the offer when the recommendation has several',
  })
  @IsOptional()
  @IsNumberInRange({ min: 1, max: MAX_RANK, integer: true })
  rank?: number;

  @ApiProperty({
    example: 'click',
    description:
      "Outcome type key registered for the tenant. An outcome of category 'impression' records an impression",
  })
  @IsBoundedText(MAX_ID_LENGTH, 'is required')
  outcome: string;

  @ApiProperty({
    example: 'resp-2026-12-04-000017',
    description: 'Required: each outcome is recorded once per key',
  })
  @IsBoundedText(MAX_ID_LENGTH, 'is required: the Respond API records each outcome once per key')
  idempotencyKey: string;

  @ApiPropertyOptional({
    example: 'premium_card',
    description: 'Offer key; default: from the recommendation',
  })
  @IsOptional()
  @IsBoundedText(MAX_ID_LENGTH)
  offerId?: string;

  @ApiPropertyOptional({
    example: 'email',
    description: 'Channel key; default: from the recommendation',
  })
  @IsOptional()
  @IsBoundedText(MAX_ID_LENGTH)
  channelId?: string;

  @ApiPropertyOptional({
    example: 'banner_a',
    description: 'Creative key; default: from the recommendation',
  })
  @IsOptional()
  @IsBoundedText(MAX_ID_LENGTH)
  creativeId?: string;

  @ApiPropertyOptional({ example: 49.9, minimum: 0, maximum: MAX_CONVERSION_VALUE })
  @IsOptional()
  @IsNumberInRange({ min: 0, max: MAX_CONVERSION_VALUE, maxDecimals: 2 })
  conversionValue?: number;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-04T10:15:00Z',
    description:
      'When the customer responded; default now. Within the interactions retention and at most 1 day ahead',
  })
  @IsOptional()
  @IsValidInstant()
  timestamp?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Free-form, at most 16 KiB as JSON',
  })
  @IsOptional()
  @IsContextObject()
  context?: Record<string, unknown>;
}
