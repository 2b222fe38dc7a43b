import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

import { PIPELINE_STAGES } from '../filter-rates.js';

export class DecisionPipelineQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 168,
    default: 24,
    description: 'Hours ending now; anything but an integer from 1 to 168 is a 400',
  })
  @Allow()
  windowHours?: unknown;
}

export class PipelineDurationDto {
  @ApiProperty({ type: Number, nullable: true, example: 41.0 })
  p50: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 88.5 })
  p95: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 140.2 })
  p99: number | null;
}

export class PipelineFunnelDto {
  @ApiProperty({ type: Number, nullable: true, example: 38.2, description: 'Average per trace' })
  initial: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 21.0 })
  afterQualification: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 19.4 })
  afterSuppression: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 4.1 })
  afterContactPolicy: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 4.1 })
  afterScoring: number | null;
}

export class FilterRateDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.89,
    description: '(sum of initial - sum after the stage) / sum of initial',
  })
  cumulative: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.79,
    description: '(sum entering - sum leaving) / sum entering the stage',
  })
  stage: number | null;

  @ApiProperty({
    enum: ['green', 'amber', 'red'],
    nullable: true,
    description: 'From cumulative: green below 0.5, amber from 0.5 to 0.8 inclusive, red above 0.8',
  })
  band: 'green' | 'amber' | 'red' | null;
}

export class PipelineFilterRatesDto {
  @ApiProperty({ type: FilterRateDto })
  qualification: FilterRateDto;

  @ApiProperty({ type: FilterRateDto })
  suppression: FilterRateDto;

  @ApiProperty({ type: FilterRateDto })
  contactPolicy: FilterRateDto;

  @ApiProperty({ type: FilterRateDto })
  scoring: FilterRateDto;
}

export class TopRuleDto {
  @ApiProperty({ enum: PIPELINE_STAGES, example: 'contactPolicy' })
  stage: string;

  @ApiProperty({ example: 'frequency_cap' })
  ruleId: string;

  @ApiProperty({ example: 18012, description: 'Candidates the rule removed in the rollup hours' })
  removed: number;
}

export class PipelineRangeDto {
  @ApiProperty({ format: 'date-time' })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'Exclusive' })
  to: string;
}

export class DecisionPipelineDto {
  @ApiProperty({ example: 24, description: 'The effective window in hours' })
  windowHours: number;

  @ApiProperty({
    type: PipelineRangeDto,
    description: 'The traces counted: occurred in [from, to)',
  })
  window: PipelineRangeDto;

  @ApiProperty({ example: 1520 })
  traceCount: number;

  @ApiProperty({ type: PipelineDurationDto, description: 'Percentiles of total trace latency, ms' })
  durationMs: PipelineDurationDto;

  @ApiProperty({ type: PipelineFilterRatesDto })
  filterRates: PipelineFilterRatesDto;

  @ApiProperty({ type: PipelineFunnelDto })
  funnel: PipelineFunnelDto;

  @ApiProperty({
    type: [TopRuleDto],
    description: 'Per stage, in pipeline order, the rules that removed the most candidates',
  })
  topRules: TopRuleDto[];

  @ApiProperty({
    type: PipelineRangeDto,
    description:
      'The hourly rollup range topRules counts: the hours starting from the window start ' +
      'rounded up to the hour through the current hour, so a partial first hour is left out',
  })
  topRulesWindow: PipelineRangeDto;
}
