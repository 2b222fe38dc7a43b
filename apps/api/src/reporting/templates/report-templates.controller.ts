import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentAuth, RequireRole } from '../../auth/auth.decorators.js';
import type { AuthContext } from '../../auth/roles.js';
import { ErrorBodyDto } from '../../common/errors/error-body.js';
import { DEFAULT_PAGE_LIMIT, PageQueryDto } from '../../common/pagination/page.js';
import { uuidPipe } from '../../common/validation/uuid-pipe.js';
import {
  PreviewQueryDto,
  ReportTemplateCreateDto,
  ReportTemplateDto,
  ReportTemplateListDto,
  ReportTemplateUpdateDto,
  RunNowRequestDto,
  RunNowResponseDto,
  toReportTemplateResponse,
} from '../dto/report-template.dto.js';
import { ExportRateLimiter, takeExportSlot } from '../export/export-rate-limiter.js';
import { sendReportFile } from '../export/send-report-file.js';
import { FORMAT_CONTENT_TYPES } from '../render/report-document.js';
import { ReportRunsService } from '../runs/report-runs.service.js';
import { ReportTemplatesService } from './report-templates.service.js';

@ApiTags('reports')
@Controller('v1/reports/templates')
export class ReportTemplatesController {
  constructor(
    private readonly templates: ReportTemplatesService,
    private readonly runs: ReportRunsService,
    private readonly limiter: ExportRateLimiter,
  ) {}

  @Post()
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Save a dashboard with its filters as a report template',
    operationId: 'createReportTemplate',
  })
  @ApiCreatedResponse({ type: ReportTemplateDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'The dashboard is not built yet' })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ReportTemplateCreateDto,
  ): Promise<ReportTemplateDto> {
    const row = await this.templates.create({ tenantId: auth.tenantId, actor: auth.keyName, body });
    return toReportTemplateResponse(row);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'List report templates, newest first',
    operationId: 'listReportTemplates',
  })
  @ApiOkResponse({ type: ReportTemplateListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: PageQueryDto,
  ): Promise<ReportTemplateListDto> {
    const page = await this.templates.list(
      auth.tenantId,
      query.limit ?? DEFAULT_PAGE_LIMIT,
      query.cursor,
    );
    return { data: page.data.map(toReportTemplateResponse), page: page.page };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a report template', operationId: 'getReportTemplate' })
  @ApiOkResponse({ type: ReportTemplateDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<ReportTemplateDto> {
    return toReportTemplateResponse(await this.templates.get(auth.tenantId, id));
  }

  @Patch(':id')
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Change a report template; fields left out keep their value',
    operationId: 'updateReportTemplate',
  })
  @ApiOkResponse({ type: ReportTemplateDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Body() body: ReportTemplateUpdateDto,
  ): Promise<ReportTemplateDto> {
    const row = await this.templates.update({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      id,
      body,
    });
    return toReportTemplateResponse(row);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Delete a report template and its schedules',
    operationId: 'deleteReportTemplate',
  })
  @ApiNoContentResponse({
    description: 'Deleted, with its schedules; past runs stay in the history',
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<void> {
    await this.templates.delete({ tenantId: auth.tenantId, actor: auth.keyName, id });
  }

  @Get(':id/preview')
  @RequireRole('viewer')
  @ApiOperation({
    summary:
      'Render a template now in one format (default its first) without storing or sending it',
    operationId: 'previewReportTemplate',
  })
  @ApiProduces(...new Set(Object.values(FORMAT_CONTENT_TYPES)))
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'Too many exports; see Retry-After',
  })
  async preview(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: PreviewQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    takeExportSlot({ limiter: this.limiter, tenantId: auth.tenantId, response });
    const file = await this.runs.preview({
      tenantId: auth.tenantId,
      templateId: id,
      format: query.format,
    });
    sendReportFile(response, file);
  }

  @Post(':id/run-now')
  @HttpCode(202)
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Run a template now and deliver it; the run proceeds in the background',
    operationId: 'runReportTemplateNow',
  })
  @ApiAcceptedResponse({
    type: RunNowResponseDto,
    description: 'Queued; follow it at /reports/runs/{runId}',
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async runNow(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Body() body: RunNowRequestDto,
  ): Promise<RunNowResponseDto> {
    const run = await this.runs.runNow({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      templateId: id,
      scheduleId: body?.scheduleId,
    });
    return { runId: run.id };
  }
}
