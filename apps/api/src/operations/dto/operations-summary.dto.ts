import { ApiProperty } from '@nestjs/swagger';

import { DayWindowDto } from './window-query.dto.js';

export class OperationsKpisDto {
  @ApiProperty({ description: 'Decision flow executions in the window', example: 1520 })
  totalRuns: number;

  @ApiProperty({ example: 1498 })
  completed: number;

  @ApiProperty({ example: 22 })
  failed: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Mean latency of all runs, ms' })
  avgLatencyMs: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'P95 latency of all runs, ms; linear interpolation between the closest ranks',
  })
  p95LatencyMs: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'completed / (completed + failed); null without runs',
    example: 0.985,
  })
  successRate: number | null;
}

export class RecentRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 41.2 })
  latencyMs: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ enum: ['completed', 'failed'] })
  status: string;
}

export class LatencyDistributionDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "The window's P95 latency, ms: the portal scales each bar against it",
  })
  p95LatencyMs: number | null;

  @ApiProperty({ type: [RecentRunDto], description: 'The most recent 100 raw runs, newest first' })
  runs: RecentRunDto[];
}

export class LatencyTrendPointDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the UTC hour' })
  hour: string;

  @ApiProperty({ example: 64 })
  runs: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Null in an hour without runs' })
  p50: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Null in an hour without runs' })
  p99: number | null;
}

export class TrendAnnotationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ example: 'policy_change' })
  kind: string;

  @ApiProperty({ example: 'frequency cap 3/day added' })
  title: string;

  @ApiProperty({ example: 'platform' })
  source: string;
}

export class LatencyTrendDto {
  @ApiProperty({ format: 'date-time', description: 'First hour, inclusive' })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'End, exclusive' })
  to: string;

  @ApiProperty({ description: 'True when the points come from the histogram rollups' })
  approximate: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Largest relative error of an approximate percentile; null when exact',
  })
  relativeErrorBound: number | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'First hour with runs; null when the trend has none',
  })
  coverageFrom: string | null;

  @ApiProperty({ type: [LatencyTrendPointDto], description: 'One point per UTC hour' })
  points: LatencyTrendPointDto[];

  @ApiProperty({ type: [TrendAnnotationDto] })
  annotations: TrendAnnotationDto[];
}

export class OperationsSummaryDto {
  @ApiProperty({ type: DayWindowDto })
  window: DayWindowDto;

  @ApiProperty({
    enum: ['raw', 'rollups'],
    description:
      'raw: every run of the window is still stored raw (exact percentiles); rollups: the ' +
      'window starts before the raw retention, so percentiles come from hourly histograms',
  })
  source: 'raw' | 'rollups';

  @ApiProperty({ description: 'True when the KPI percentile is estimated from histograms' })
  approximate: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: 'Largest relative error of the approximate P95 (about 0.118); null when exact',
  })
  relativeErrorBound: number | null;

  @ApiProperty({ type: OperationsKpisDto })
  kpis: OperationsKpisDto;

  @ApiProperty({ type: LatencyDistributionDto })
  latencyDistribution: LatencyDistributionDto;

  @ApiProperty({ type: LatencyTrendDto })
  latencyTrend: LatencyTrendDto;
}
