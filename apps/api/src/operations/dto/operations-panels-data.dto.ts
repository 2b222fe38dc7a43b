import { ApiProperty } from '@nestjs/swagger';

import { DayWindowDto } from './window-query.dto.js';

const BREAKER_STATES = ['closed', 'open', 'half_open'];

export class BreakerTransitionDto {
  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ enum: BREAKER_STATES })
  fromState: string;

  @ApiProperty({ enum: BREAKER_STATES })
  toState: string;

  @ApiProperty({ type: String, nullable: true, example: '5 consecutive timeouts' })
  reason: string | null;

  @ApiProperty({ enum: ['platform', 'internal'] })
  source: string;
}

export class BreakerPanelEntryDto {
  @ApiProperty({ example: 'enrichment-redis' })
  name: string;

  @ApiProperty({ enum: BREAKER_STATES, description: 'The state its latest transition entered' })
  state: string;

  @ApiProperty({ enum: BREAKER_STATES })
  fromState: string;

  @ApiProperty({ format: 'date-time', description: 'When the latest transition happened' })
  lastChangeAt: string;

  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  @ApiProperty({ enum: ['platform', 'internal'] })
  source: string;

  @ApiProperty({
    type: [BreakerTransitionDto],
    description: 'Transitions inside the window, newest first, at most historyLimit',
  })
  history: BreakerTransitionDto[];

  @ApiProperty({ description: 'Transitions inside the window, including any beyond historyLimit' })
  historyTotal: number;
}

export class CircuitBreakersPanelDto {
  @ApiProperty({ type: DayWindowDto })
  window: DayWindowDto;

  @ApiProperty({ example: 50 })
  historyLimit: number;

  @ApiProperty({ type: [BreakerPanelEntryDto], description: 'Every breaker that ever reported' })
  breakers: BreakerPanelEntryDto[];
}

export class DlqDepthPointDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the UTC hour' })
  hour: string;

  @ApiProperty({ description: 'Depth at the end of the hour, all topics' })
  total: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  byTopic: Record<string, number>;
}

export class DlqSummaryDto {
  @ApiProperty({ type: DayWindowDto })
  window: DayWindowDto;

  @ApiProperty({ example: 12, description: 'Events queued now' })
  totalEvents: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { interaction_events: 12 },
  })
  byTopic: Record<string, number>;

  @ApiProperty({
    enum: ['OK', 'WARNING', 'CRITICAL'],
    description: 'OK up to 10 events, WARNING 11 to 100, CRITICAL above 100',
  })
  alert: 'OK' | 'WARNING' | 'CRITICAL';

  @ApiProperty({ type: [DlqDepthPointDto], description: 'Hourly depth over the window, up to now' })
  depthTrend: DlqDepthPointDto[];
}
