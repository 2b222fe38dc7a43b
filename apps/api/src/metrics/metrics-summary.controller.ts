import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { type MetricSummary, MetricsSummaryService } from './metrics-summary.service.js';

class MetricValueDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { tenant: 'default', topic: 'interaction_events' },
  })
  labels: Record<string, string | number>;

  @ApiProperty({ example: 12 })
  value: number;

  @ApiProperty({
    required: false,
    description: 'Series name for histogram buckets, sums and counts',
  })
  metric?: string;
}

class MetricSummaryDto {
  @ApiProperty({ example: 'kaireon_dlq_depth' })
  name: string;

  @ApiProperty()
  help: string;

  @ApiProperty({ example: 'gauge' })
  type: string;

  @ApiProperty({ type: [MetricValueDto] })
  values: MetricValueDto[];
}

export class MetricsSummaryDto {
  @ApiProperty({ type: [MetricSummaryDto] })
  data: MetricSummary[];
}

@ApiTags('metrics')
@Controller('v1/metrics')
@RequireRole('admin')
export class MetricsSummaryController {
  constructor(private readonly summary: MetricsSummaryService) {}

  @Get('summary')
  @ApiOperation({ summary: 'The kaireon_* metrics as JSON', operationId: 'getMetricsSummary' })
  @ApiOkResponse({ type: MetricsSummaryDto })
  async get(@CurrentAuth() auth: AuthContext): Promise<MetricsSummaryDto> {
    return { data: await this.summary.summary(auth.tenantKey) };
  }
}
