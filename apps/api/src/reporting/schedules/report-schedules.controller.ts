import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { CurrentAuth, RequireRole } from '../../auth/auth.decorators.js';
import type { AuthContext } from '../../auth/roles.js';
import { ErrorBodyDto } from '../../common/errors/error-body.js';
import { DEFAULT_PAGE_LIMIT } from '../../common/pagination/page.js';
import { uuidPipe } from '../../common/validation/uuid-pipe.js';
import {
  PreviewNextDto,
  PreviewNextQueryDto,
  ReportScheduleCreateDto,
  ReportScheduleDto,
  ReportScheduleListDto,
  ReportScheduleUpdateDto,
  ScheduleListQueryDto,
  toReportScheduleResponse,
} from '../dto/report-schedule.dto.js';
import { ReportSchedulesService } from './report-schedules.service.js';

const DEFAULT_PREVIEW_COUNT = 5;

@ApiTags('reports')
@Controller('v1/reports/schedules')
export class ReportSchedulesController {
  constructor(private readonly schedules: ReportSchedulesService) {}

  // Declared before ':id' so that "preview-next" is not taken for an id.
  @Get('preview-next')
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'The next run times of a cron expression in a time zone',
    operationId: 'previewReportScheduleRuns',
  })
  @ApiOkResponse({ type: PreviewNextDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'Invalid cron or timeZone; the error names it',
  })
  previewNext(@Query() query: PreviewNextQueryDto): PreviewNextDto {
    const timeZone = query.timeZone ?? 'UTC';
    const times = this.schedules.previewNext({
      cron: query.cron,
      timeZone,
      count: query.count ?? DEFAULT_PREVIEW_COUNT,
    });
    return { cron: query.cron, timeZone, nextRuns: times.map((time) => time.toISOString()) };
  }

  @Post()
  @RequireRole('editor')
  @ApiOperation({ summary: 'Schedule a report template', operationId: 'createReportSchedule' })
  @ApiCreatedResponse({ type: ReportScheduleDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'The template does not exist' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'Invalid cron or timeZone; the error names it',
  })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ReportScheduleCreateDto,
  ): Promise<ReportScheduleDto> {
    return toReportScheduleResponse(await this.schedules.create(auth, body));
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'List report schedules, newest first',
    operationId: 'listReportSchedules',
  })
  @ApiOkResponse({ type: ReportScheduleListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ScheduleListQueryDto,
  ): Promise<ReportScheduleListDto> {
    const page = await this.schedules.list({
      tenantId: auth.tenantId,
      templateId: query.templateId,
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
    return { data: page.data.map(toReportScheduleResponse), page: page.page };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a report schedule', operationId: 'getReportSchedule' })
  @ApiOkResponse({ type: ReportScheduleDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<ReportScheduleDto> {
    return toReportScheduleResponse(await this.schedules.get(auth.tenantId, id));
  }

  @Patch(':id')
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Change a report schedule; nextRunAt is recomputed',
    operationId: 'updateReportSchedule',
  })
  @ApiOkResponse({ type: ReportScheduleDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'Invalid cron or timeZone; the error names it',
  })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Body() body: ReportScheduleUpdateDto,
  ): Promise<ReportScheduleDto> {
    return toReportScheduleResponse(await this.schedules.update(auth, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('editor')
  @ApiOperation({ summary: 'Delete a report schedule', operationId: 'deleteReportSchedule' })
  @ApiNoContentResponse({ description: 'Deleted; past runs stay in the history' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<void> {
    await this.schedules.delete(auth, id);
  }
}
