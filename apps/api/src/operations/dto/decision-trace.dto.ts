import { ApiProperty } from '@nestjs/swagger';

import { PageInfoDto } from '../../common/pagination/page.js';
import { PIPELINE_STAGES, type PipelineStage } from '../filter-rates.js';
import type { JourneyOutcome } from '../trace-journey.js';

export class TraceFunnelCountsDto {
  @ApiProperty({ example: 38 })
  initial: number;

  @ApiProperty({ example: 21 })
  afterQualification: number;

  @ApiProperty({ example: 19 })
  afterSuppression: number;

  @ApiProperty({ example: 4 })
  afterContactPolicy: number;

  @ApiProperty({ example: 4 })
  afterScoring: number;

  @ApiProperty({ example: 3 })
  final: number;
}

/** One trace in the explorer list. */
export class DecisionTraceSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ example: 'req-8c1f' })
  requestId: string;

  @ApiProperty({ example: 'cust-1042' })
  customerId: string;

  @ApiProperty({ example: 'nba-main' })
  flowKey: string;

  @ApiProperty({ type: String, nullable: true, example: 'email' })
  channelKey: string | null;

  @ApiProperty({ example: 41.2 })
  totalLatencyMs: number;

  @ApiProperty({ type: TraceFunnelCountsDto })
  funnel: TraceFunnelCountsDto;

  @ApiProperty({ type: [String] })
  selectedOffers: string[];

  @ApiProperty()
  degradedScoring: boolean;

  @ApiProperty({
    type: [String],
    example: ['contactPolicy:frequency_cap'],
    description: '`<stage>:<ruleId>` of each rule that removed a candidate',
  })
  removalTags: string[];
}

export class DecisionTraceListDto {
  @ApiProperty({ type: [DecisionTraceSummaryDto] })
  data: DecisionTraceSummaryDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

export class RuleRemovalCountDto {
  @ApiProperty({ example: 'frequency_cap' })
  ruleId: string;

  @ApiProperty({ example: 12 })
  removed: number;
}

export class TimelineStageDto {
  @ApiProperty({ enum: PIPELINE_STAGES })
  stage: PipelineStage;

  @ApiProperty({ example: 19, description: 'Candidates entering the stage' })
  in: number;

  @ApiProperty({ example: 4, description: 'Candidates leaving the stage' })
  out: number;

  @ApiProperty({ example: 15 })
  removed: number;

  @ApiProperty({ type: [RuleRemovalCountDto], description: 'Removals per rule, most first' })
  rules: RuleRemovalCountDto[];

  @ApiProperty({ description: 'True on the scoring stage when scoring was degraded' })
  degraded: boolean;
}

export class OfferJourneyDto {
  @ApiProperty({ example: 'offer_summer_promo' })
  offerKey: string;

  @ApiProperty({
    enum: PIPELINE_STAGES,
    nullable: true,
    description: 'The last stage that reported on the offer: the one that removed it, if any',
  })
  lastStage: PipelineStage | null;

  @ApiProperty({ enum: ['removed', 'passed', 'selected'] })
  outcome: JourneyOutcome;

  @ApiProperty({ enum: PIPELINE_STAGES, nullable: true })
  removedAt: PipelineStage | null;

  @ApiProperty({ type: String, nullable: true, example: 'frequency_cap' })
  ruleId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'frequency_cap exceeded: 3/day at scope global',
  })
  reason: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 0.73 })
  score: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'propensity-v3' })
  modelKey: string | null;
}

export class TraceScoringResultDto {
  @ApiProperty()
  offerKey: string;

  @ApiProperty()
  modelKey: string;

  @ApiProperty()
  score: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, nullable: true })
  contributions: Record<string, number> | null;
}

export class TraceExperimentDto {
  @ApiProperty({ example: 'ranker-ab' })
  key: string;

  @ApiProperty({ example: 'challenger' })
  variant: string;
}

/** One trace with its stage timeline and the journey of every candidate offer. */
export class DecisionTraceDetailDto extends DecisionTraceSummaryDto {
  @ApiProperty({ type: [TimelineStageDto] })
  timeline: TimelineStageDto[];

  @ApiProperty({ type: [OfferJourneyDto] })
  offers: OfferJourneyDto[];

  @ApiProperty({ type: [TraceScoringResultDto] })
  scoringResults: TraceScoringResultDto[];

  @ApiProperty({ type: TraceExperimentDto, nullable: true })
  experiment: TraceExperimentDto | null;
}
