import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import {
  IsIdentifier,
  IsInstant,
  IsIntegerBetween,
  IsNumberBetween,
  IsNumberRecord,
  IsTelemetryKey,
  KEY_MAX_LENGTH,
} from './telemetry-fields.js';

/** Maximum number of candidate offers one trace may describe. */
export const MAX_TRACE_CANDIDATES = 500;
/** Maximum number of stage results, because each candidate appears at most once per stage. */
export const MAX_STAGE_RESULTS = MAX_TRACE_CANDIDATES * 4;
/** Maximum length of a removal reason, in characters. */
export const MAX_REASON_LENGTH = 500;
/** Maximum number of per-feature contributions of one score. */
export const MAX_CONTRIBUTIONS = 100;
/** Maximum total latency accepted, in milliseconds (one hour). */
export const MAX_TRACE_LATENCY_MS = 3_600_000;

/** The filtering stages of a decision, in pipeline order. */
export const TRACE_STAGES = ['qualification', 'suppression', 'contactPolicy', 'scoring'] as const;
export type TraceStage = (typeof TRACE_STAGES)[number];

/** Candidate counts after each stage; each count is at most the one before it. */
export class TraceFunnelDto {
  @ApiProperty({ example: 38, minimum: 0, maximum: MAX_TRACE_CANDIDATES })
  @IsIntegerBetween(0, MAX_TRACE_CANDIDATES)
  initial: number;

  @ApiProperty({ example: 21 })
  @IsIntegerBetween(0, MAX_TRACE_CANDIDATES)
  afterQualification: number;

  @ApiProperty({ example: 19 })
  @IsIntegerBetween(0, MAX_TRACE_CANDIDATES)
  afterSuppression: number;

  @ApiProperty({ example: 4 })
  @IsIntegerBetween(0, MAX_TRACE_CANDIDATES)
  afterContactPolicy: number;

  @ApiProperty({ example: 4 })
  @IsIntegerBetween(0, MAX_TRACE_CANDIDATES)
  afterScoring: number;

  @ApiProperty({ example: 3 })
  @IsIntegerBetween(0, MAX_TRACE_CANDIDATES)
  final: number;
}

/** The result of one stage for one candidate offer. */
export class TraceStageResultDto {
  @ApiProperty({ enum: TRACE_STAGES })
  @IsIn(TRACE_STAGES, { message: `must be one of ${TRACE_STAGES.join(', ')}` })
  stage: TraceStage;

  @ApiProperty({ example: 'card-upgrade' })
  @IsTelemetryKey()
  offerKey: string;

  @ApiProperty({ description: 'False when the stage removed the offer' })
  @IsBoolean({ message: 'must be true or false' })
  passed: boolean;

  @ApiPropertyOptional({ example: 'frequency_cap', description: 'Required when passed is false' })
  @IsOptional()
  @IsTelemetryKey()
  ruleId?: string;

  @ApiPropertyOptional({
    example: 'frequency_cap exceeded: 3/day at scope global',
    maxLength: MAX_REASON_LENGTH,
  })
  @IsOptional()
  @IsString({ message: `must be a string of at most ${MAX_REASON_LENGTH} characters` })
  @MaxLength(MAX_REASON_LENGTH, { message: `must be at most ${MAX_REASON_LENGTH} characters` })
  reason?: string;
}

/** The score a model gave one candidate offer. */
export class TraceScoringResultDto {
  @ApiProperty({ example: 'card-upgrade' })
  @IsTelemetryKey()
  offerKey: string;

  @ApiProperty({ example: 'propensity-v3' })
  @IsTelemetryKey()
  modelKey: string;

  @ApiProperty({ example: 0.73 })
  @IsNumberBetween(-1e12, 1e12)
  score: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { tenure_months: 0.21, recent_clicks: 0.12 },
    description: `Per-feature contributions, at most ${MAX_CONTRIBUTIONS}`,
  })
  @IsOptional()
  @IsNumberRecord(MAX_CONTRIBUTIONS)
  contributions?: Record<string, number>;
}

/** The experiment arm the decision was assigned to. */
export class TraceExperimentDto {
  @ApiProperty({ example: 'ranker-ab' })
  @IsTelemetryKey()
  key: string;

  @ApiProperty({ example: 'challenger' })
  @IsTelemetryKey()
  variant: string;
}

/** A sampled forensic trace of one decision, as the platform posts it. */
export class DecisionTraceCreateDto {
  @ApiProperty({ example: 'req-8c1f' })
  @IsIdentifier()
  requestId: string;

  @ApiProperty({ example: 'cust-1042' })
  @IsIdentifier()
  customerId: string;

  @ApiProperty({ example: 'nba-main' })
  @IsTelemetryKey()
  flowKey: string;

  @ApiPropertyOptional({ example: 'email' })
  @IsOptional()
  @IsTelemetryKey()
  channelKey?: string;

  @ApiProperty({ minimum: 0, maximum: MAX_TRACE_LATENCY_MS, example: 41.2 })
  @IsNumberBetween(0, MAX_TRACE_LATENCY_MS)
  totalLatencyMs: number;

  @ApiProperty({ type: TraceFunnelDto })
  @IsObject({ message: 'must be an object with the six funnel counts' })
  @ValidateNested()
  @Type(() => TraceFunnelDto)
  funnel: TraceFunnelDto;

  @ApiProperty({ type: [TraceStageResultDto], maxItems: MAX_STAGE_RESULTS })
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(MAX_STAGE_RESULTS, { message: `must hold at most ${MAX_STAGE_RESULTS} items` })
  @ValidateNested({ each: true })
  @Type(() => TraceStageResultDto)
  stageResults: TraceStageResultDto[];

  @ApiPropertyOptional({ type: [TraceScoringResultDto], maxItems: MAX_TRACE_CANDIDATES })
  @IsOptional()
  @IsArray({ message: 'must be an array' })
  @ArrayMaxSize(MAX_TRACE_CANDIDATES, {
    message: `must hold at most ${MAX_TRACE_CANDIDATES} items`,
  })
  @ValidateNested({ each: true })
  @Type(() => TraceScoringResultDto)
  scoringResults?: TraceScoringResultDto[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_TRACE_CANDIDATES,
    example: ['card-upgrade'],
  })
  @IsOptional()
  @IsArray({ message: 'must be an array of offer keys' })
  @ArrayMaxSize(MAX_TRACE_CANDIDATES, {
    message: `must hold at most ${MAX_TRACE_CANDIDATES} items`,
  })
  @IsTelemetryKey({ each: true })
  selectedOffers?: string[];

  @ApiPropertyOptional({ type: TraceExperimentDto, nullable: true })
  @IsOptional()
  @IsObject({ message: 'must be an object with key and variant' })
  @ValidateNested()
  @Type(() => TraceExperimentDto)
  experiment?: TraceExperimentDto | null;

  @ApiPropertyOptional({
    default: false,
    description: 'True when scoring fell back to a degraded mode',
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  degradedScoring?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to the time of the request' })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({
    maxLength: KEY_MAX_LENGTH,
    description: 'Repeats with this key record nothing',
  })
  @IsOptional()
  @IsIdentifier()
  idempotencyKey?: string;
}

/** A recorded decision trace. */
export class DecisionTraceDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for a repeat' })
  id: string | null;

  @ApiProperty()
  requestId: string;

  @ApiProperty()
  customerId: string;

  @ApiProperty()
  flowKey: string;

  @ApiProperty({ type: String, nullable: true })
  channelKey: string | null;

  @ApiProperty()
  totalLatencyMs: number;

  @ApiProperty({ type: TraceFunnelDto })
  funnel: TraceFunnelDto;

  @ApiProperty({ type: [TraceStageResultDto] })
  stageResults: TraceStageResultDto[];

  @ApiProperty({ type: [TraceScoringResultDto] })
  scoringResults: TraceScoringResultDto[];

  @ApiProperty({ type: [String] })
  selectedOffers: string[];

  @ApiProperty({ type: TraceExperimentDto, nullable: true })
  experiment: TraceExperimentDto | null;

  @ApiProperty()
  degradedScoring: boolean;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ type: [String], description: 'Candidate offer keys' })
  offerKeys: string[];

  @ApiProperty({
    type: [String],
    example: ['contactPolicy:frequency_cap'],
    description: '`<stage>:<ruleId>` of each removal',
  })
  removalTags: string[];

  @ApiProperty({
    description: 'True when the idempotency key was seen before and nothing was recorded',
  })
  duplicate: boolean;
}
