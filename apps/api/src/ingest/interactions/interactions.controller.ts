import { Body, Controller, Headers, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentAuth, RequireRole } from '../../auth/auth.decorators.js';
import type { AuthContext } from '../../auth/roles.js';
import { ApiWriteBody } from '../../write/api-write-body.decorator.js';
import type { BatchResult } from '../../write/write-body.js';
import { InteractionCreateDto } from './dto/interaction-create.dto.js';
import { InteractionResponseDto } from './dto/interaction-response.dto.js';
import { InteractionsService } from './interactions.service.js';

@ApiTags('telemetry')
@Controller('v1/interactions')
@RequireRole('ingest')
export class InteractionsController {
  constructor(private readonly interactions: InteractionsService) {}

  @Post()
  @ApiOperation({
    summary: 'Record a recommendation, impression or response, or a batch of up to 10,000',
    operationId: 'recordInteractions',
  })
  @ApiWriteBody(InteractionCreateDto, InteractionResponseDto)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'For a single object only: a repeated key is answered as accepted and records nothing',
  })
  async record(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InteractionResponseDto | BatchResult> {
    const written = await this.interactions.recordBody({
      tenantId: auth.tenantId,
      body,
      idempotencyKeyHeader: idempotencyKey,
    });
    response.status(written.mode === 'single' ? 201 : 200);
    return written.mode === 'single' ? written.item : written.result;
  }
}
