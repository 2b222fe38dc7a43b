import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { ErrorBodyDto } from '../common/errors/error-body.js';
import { Clock } from '../core/clock.js';
import { CircuitBreakersPanelDto, DlqSummaryDto } from './dto/operations-panels-data.dto.js';
import { OperationsSummaryDto } from './dto/operations-summary.dto.js';
import { DayWindowQueryDto } from './dto/window-query.dto.js';
import { LatencySummaryService } from './latency-summary.service.js';
import { OperationsStatusService } from './operations-status.service.js';

@ApiTags('dashboards')
@Controller('v1/dashboards/operations')
@RequireRole('viewer')
@ApiBadRequestResponse({ type: ErrorBodyDto, description: 'days, from or to is invalid' })
export class OperationsController {
  constructor(
    private readonly latency: LatencySummaryService,
    private readonly status: OperationsStatusService,
    private readonly clock: Clock,
  ) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Decision run KPIs, the latency of recent runs and the hourly latency trend',
    operationId: 'getOperationsSummary',
  })
  @ApiOkResponse({ type: OperationsSummaryDto })
  async summary(
    @CurrentAuth() auth: AuthContext,
    @Query() query: DayWindowQueryDto,
  ): Promise<OperationsSummaryDto> {
    const window = this.latency.resolveWindow(query, this.clock.now());
    return this.latency.summary({ tenantId: auth.tenantId, window });
  }

  @Get('circuit-breakers')
  @ApiOperation({
    summary: "Every circuit breaker's current state and its transitions in the window",
    operationId: 'getOperationsCircuitBreakers',
  })
  @ApiOkResponse({ type: CircuitBreakersPanelDto })
  async circuitBreakers(
    @CurrentAuth() auth: AuthContext,
    @Query() query: DayWindowQueryDto,
  ): Promise<CircuitBreakersPanelDto> {
    const window = this.latency.resolveWindow(query, this.clock.now());
    return this.status.circuitBreakers({ tenantId: auth.tenantId, window });
  }

  @Get('dlq')
  @ApiOperation({
    summary: 'Dead-letter queue depth by topic, its alert level and the hourly depth trend',
    operationId: 'getOperationsDlq',
  })
  @ApiOkResponse({ type: DlqSummaryDto })
  async deadLetterQueue(
    @CurrentAuth() auth: AuthContext,
    @Query() query: DayWindowQueryDto,
  ): Promise<DlqSummaryDto> {
    const window = this.latency.resolveWindow(query, this.clock.now());
    return this.status.deadLetterQueue({ tenantId: auth.tenantId, window });
  }
}
