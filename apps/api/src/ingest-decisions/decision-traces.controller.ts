import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { ApiWriteBody } from '../write/api-write-body.decorator.js';
import { type BatchResult, finishBatch, parseWriteBody } from '../write/write-body.js';
import { DecisionTracesService } from './decision-traces.service.js';
import { DecisionTraceCreateDto, DecisionTraceDto } from './dto/decision-trace.dto.js';
import { withIdempotencyHeader } from './telemetry-write.js';

@ApiTags('telemetry')
@Controller('v1/decision-traces')
@RequireRole('ingest')
export class DecisionTracesController {
  constructor(private readonly traces: DecisionTracesService) {}

  @Post()
  @ApiOperation({
    summary: 'Record sampled decision traces (one object or a batch of up to 10,000)',
    operationId: 'recordDecisionTraces',
  })
  @ApiWriteBody(DecisionTraceCreateDto, DecisionTraceDto)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'For a single object only' })
  async record(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DecisionTraceDto | BatchResult> {
    const parsed = await parseWriteBody(DecisionTraceCreateDto, body);
    if (parsed.mode === 'single') {
      response.status(201);
      return this.traces.recordOne(
        auth.tenantId,
        withIdempotencyHeader(parsed.item, idempotencyKey),
      );
    }
    const result = await this.traces.recordBatch(auth.tenantId, parsed.items, parsed.rejected);
    response.status(200);
    return finishBatch(result.accepted, result.rejected);
  }
}
