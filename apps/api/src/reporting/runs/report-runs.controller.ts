import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentAuth, RequireRole } from '../../auth/auth.decorators.js';
import type { AuthContext } from '../../auth/roles.js';
import { ErrorBodyDto } from '../../common/errors/error-body.js';
import { DEFAULT_PAGE_LIMIT } from '../../common/pagination/page.js';
import { uuidPipe } from '../../common/validation/uuid-pipe.js';
import {
  ReportRunDto,
  ReportRunListDto,
  RunListQueryDto,
  toReportRunResponse,
} from '../dto/report-run.dto.js';
import { ReportRunsService } from './report-runs.service.js';

@ApiTags('reports')
@Controller('v1/reports/runs')
@RequireRole('viewer')
export class ReportRunsController {
  constructor(private readonly runs: ReportRunsService) {}

  @Get()
  @ApiOperation({
    summary: 'Run history, newest first, optionally of one template',
    operationId: 'listReportRuns',
  })
  @ApiOkResponse({ type: ReportRunListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: RunListQueryDto,
  ): Promise<ReportRunListDto> {
    const page = await this.runs.list({
      tenantId: auth.tenantId,
      templateId: query.templateId,
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
    return { data: page.data.map(toReportRunResponse), page: page.page };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One run with its artefacts and delivery results',
    operationId: 'getReportRun',
  })
  @ApiOkResponse({ type: ReportRunDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<ReportRunDto> {
    return toReportRunResponse(await this.runs.get(auth.tenantId, id));
  }
}
