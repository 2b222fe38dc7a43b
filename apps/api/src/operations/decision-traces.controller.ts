import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { ErrorBodyDto } from '../common/errors/error-body.js';
import type { Page } from '../common/pagination/page.js';
import { uuidPipe } from '../common/validation/uuid-pipe.js';
import { DecisionTraceListQueryDto } from './dto/decision-trace-query.dto.js';
import {
  DecisionTraceDetailDto,
  DecisionTraceListDto,
  type DecisionTraceSummaryDto,
} from './dto/decision-trace.dto.js';
import { TraceExplorerService } from './trace-explorer.service.js';

@ApiTags('decision-traces')
@Controller('v1/decision-traces')
@RequireRole('viewer')
export class DecisionTracesController {
  constructor(private readonly explorer: TraceExplorerService) {}

  @Get()
  @ApiOperation({
    summary: 'Decision traces, newest first, filtered by customer, request, offer, rule and time',
    description: 'format=csv downloads every matching trace and ignores limit and cursor.',
    operationId: 'listDecisionTraces',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: DecisionTraceListDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: DecisionTraceListQueryDto,
  ): Promise<Page<DecisionTraceSummaryDto> | StreamableFile> {
    if (query.format === 'csv') {
      const stream = await this.explorer.csv({ tenantId: auth.tenantId, query });
      return new StreamableFile(stream, {
        type: 'text/csv; charset=utf-8',
        disposition: 'attachment; filename="decision-traces.csv"',
      });
    }
    return this.explorer.list({ tenantId: auth.tenantId, query });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One decision trace: stage timeline, per-offer journey, scores and selection',
    operationId: 'getDecisionTrace',
  })
  @ApiOkResponse({ type: DecisionTraceDetailDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async detail(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<DecisionTraceDetailDto> {
    return this.explorer.detail({ tenantId: auth.tenantId, id });
  }
}
