import { ApiProperty } from '@nestjs/swagger';

import {
  DIRECTIONS,
  type Direction,
  INTERACTION_KINDS,
  type InteractionKind,
  type InteractionRecord,
} from '../../recording/interaction-record.js';

/** A recorded interaction, as answered to a single-object write. */
export class InteractionResponseDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Derived from idempotencyKey when given, so a repeat gets the same id',
  })
  id: string;

  @ApiProperty({ enum: INTERACTION_KINDS })
  kind: InteractionKind;

  @ApiProperty()
  customerId: string;

  @ApiProperty()
  offerKey: string;

  @ApiProperty()
  channelKey: string;

  @ApiProperty({ type: String, nullable: true })
  creativeKey: string | null;

  @ApiProperty({ type: String, nullable: true })
  outcome: string | null;

  @ApiProperty({ enum: DIRECTIONS })
  direction: Direction;

  @ApiProperty({ type: Number, nullable: true })
  conversionValue: number | null;

  @ApiProperty({ type: String, nullable: true })
  recommendationId: string | null;

  @ApiProperty({ type: Number, nullable: true })
  rank: number | null;

  @ApiProperty({ type: String, nullable: true })
  modelKey: string | null;

  @ApiProperty({ type: Number, nullable: true })
  score: number | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  context: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true })
  idempotencyKey: string | null;

  @ApiProperty({
    description: 'True when the idempotency key was seen before and nothing new was recorded',
  })
  duplicate: boolean;
}

export function toInteractionResponse(
  record: InteractionRecord,
  extra: { idempotencyKey: string | null; duplicate: boolean },
): InteractionResponseDto {
  return {
    id: record.id,
    kind: record.kind,
    customerId: record.customerId,
    offerKey: record.offerKey,
    channelKey: record.channelKey,
    creativeKey: record.creativeKey,
    outcome: record.outcomeKey,
    direction: record.direction,
    conversionValue: record.conversionValue,
    recommendationId: record.recommendationId,
    rank: record.rank,
    modelKey: record.modelKey,
    score: record.score,
    occurredAt: record.occurredAt.toISOString(),
    context: record.context,
    idempotencyKey: extra.idempotencyKey,
    duplicate: extra.duplicate,
  };
}
