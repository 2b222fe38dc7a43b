import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentAuth, RequireRole } from '../../auth/auth.decorators.js';
import type { AuthContext } from '../../auth/roles.js';
import { ApiWriteBody } from '../../write/api-write-body.decorator.js';
import type { BatchResult } from '../../write/write-body.js';
import { RespondAcceptedDto } from './dto/respond-accepted.dto.js';
import { RespondCreateDto } from './dto/respond-create.dto.js';
import { RespondService } from './respond.service.js';

@ApiTags('telemetry')
@Controller('v1/respond')
@RequireRole('ingest')
export class RespondController {
  constructor(private readonly respond: RespondService) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a customer outcome (Respond API), or a batch of up to 10,000. Accepted outcomes are ' +
      'queued and applied by the outcome worker with retries; outcomes that fail every attempt go ' +
      'to the dead-letter queue (topic interaction_events)',
    operationId: 'recordResponse',
  })
  @ApiWriteBody(RespondCreateDto, RespondAcceptedDto)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      "For a single object only: used as the body's idempotencyKey when the body has none",
  })
  async record(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RespondAcceptedDto | BatchResult> {
    const written = await this.respond.recordBody({
      tenantId: auth.tenantId,
      body,
      idempotencyKeyHeader: idempotencyKey,
    });
    response.status(written.mode === 'single' ? 201 : 200);
    return written.mode === 'single' ? written.item : written.result;
  }
}
