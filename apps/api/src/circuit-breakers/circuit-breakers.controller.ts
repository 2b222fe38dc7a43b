import { Body, Controller, Get, Headers, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { withIdempotencyHeader } from '../ingest-decisions/index.js';
import { ApiWriteBody } from '../write/api-write-body.decorator.js';
import { type BatchResult, finishBatch, parseWriteBody } from '../write/write-body.js';
import { CircuitBreakerEventsService } from './circuit-breaker-events.service.js';
import {
  BreakerEventCreateDto,
  BreakerEventListDto,
  BreakerEventRecordedDto,
  BreakerHistoryQueryDto,
  BreakerStateListDto,
} from './dto/breaker-event.dto.js';

@ApiTags('circuit-breakers')
@Controller('v1/circuit-breakers')
export class CircuitBreakersController {
  constructor(private readonly events: CircuitBreakerEventsService) {}

  @Post('events')
  @RequireRole('ingest')
  @ApiOperation({
    summary:
      'Record circuit breaker transitions of the platform (one object or a batch of up to 10,000)',
    operationId: 'recordCircuitBreakerEvents',
  })
  @ApiWriteBody(BreakerEventCreateDto, BreakerEventRecordedDto)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'For a single object only' })
  async record(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BreakerEventRecordedDto | BatchResult> {
    const parsed = await parseWriteBody(BreakerEventCreateDto, body);
    if (parsed.mode === 'single') {
      response.status(201);
      return this.events.recordOne(
        auth.tenantId,
        withIdempotencyHeader(parsed.item, idempotencyKey),
      );
    }
    const result = await this.events.recordBatch(auth.tenantId, parsed.items, parsed.rejected);
    response.status(200);
    return finishBatch(result.accepted, result.rejected);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'Current state of every circuit breaker (its latest transition)',
    operationId: 'listCircuitBreakers',
  })
  @ApiOkResponse({ type: BreakerStateListDto })
  async list(@CurrentAuth() auth: AuthContext): Promise<BreakerStateListDto> {
    return { data: await this.events.currentStates(auth.tenantId) };
  }

  @Get('events')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'Circuit breaker transitions, newest first',
    operationId: 'listCircuitBreakerEvents',
  })
  @ApiOkResponse({ type: BreakerEventListDto })
  history(
    @CurrentAuth() auth: AuthContext,
    @Query() query: BreakerHistoryQueryDto,
  ): Promise<BreakerEventListDto> {
    return this.events.history(auth.tenantId, query);
  }
}
