import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { ApiWriteBody } from '../write/api-write-body.decorator.js';
import { type BatchResult, finishBatch, parseWriteBody } from '../write/write-body.js';
import { DecisionRunsService } from './decision-runs.service.js';
import { DecisionRunCreateDto, DecisionRunDto } from './dto/decision-run.dto.js';
import { withIdempotencyHeader } from './telemetry-write.js';

@ApiTags('telemetry')
@Controller('v1/decision-runs')
@RequireRole('ingest')
export class DecisionRunsController {
  constructor(private readonly runs: DecisionRunsService) {}

  @Post()
  @ApiOperation({
    summary: 'Record decision flow executions (one object or a batch of up to 10,000)',
    operationId: 'recordDecisionRuns',
  })
  @ApiWriteBody(DecisionRunCreateDto, DecisionRunDto)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'For a single object only' })
  async record(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DecisionRunDto | BatchResult> {
    const parsed = await parseWriteBody(DecisionRunCreateDto, body);
    if (parsed.mode === 'single') {
      response.status(201);
      return this.runs.recordOne(auth.tenantId, withIdempotencyHeader(parsed.item, idempotencyKey));
    }
    const result = await this.runs.recordBatch(auth.tenantId, parsed.items, parsed.rejected);
    response.status(200);
    return finishBatch(result.accepted, result.rejected);
  }
}
