import { ApiProperty } from '@nestjs/swagger';

/** Response to a single outcome: accepted into the outcome pipeline and applied shortly after. */
export class RespondAcceptedDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Id of the outcome; derived from idempotencyKey, so a repeat gets the same id',
  })
  id: string;

  @ApiProperty({
    enum: ['accepted'],
    description: 'Queued for recording; dashboards show it within a second or so',
  })
  status: 'accepted';

  @ApiProperty()
  customerId: string;

  @ApiProperty()
  recommendationId: string;

  @ApiProperty({ description: 'Offer key, given or read from the recommendation' })
  offerId: string;

  @ApiProperty({ description: 'Channel key, given or read from the recommendation' })
  channelId: string;

  @ApiProperty({ type: String, nullable: true })
  creativeId: string | null;

  @ApiProperty({ type: Number, nullable: true })
  rank: number | null;

  @ApiProperty()
  outcome: string;

  @ApiProperty({ type: Number, nullable: true })
  conversionValue: number | null;

  @ApiProperty({ format: 'date-time' })
  timestamp: string;

  @ApiProperty()
  idempotencyKey: string;

  @ApiProperty({
    description: 'True when the idempotency key was seen before and nothing new was queued',
  })
  duplicate: boolean;
}
