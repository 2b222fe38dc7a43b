import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { Clock } from '../../core/clock.js';
import { ExportRequestDto } from '../dto/export-request.dto.js';
import { normaliseFilters, requireTimeZone } from '../report-filters.js';
import { FORMAT_CONTENT_TYPES } from '../render/report-document.js';
import { ExportRateLimiter, takeExportSlot } from './export-rate-limiter.js';
import { ReportExportService } from './report-export.service.js';
import { sendReportFile } from './send-report-file.js';

@ApiTags('reports')
@Controller('v1/reports')
@RequireRole('viewer')
export class ReportExportController {
  constructor(
    private readonly exports: ReportExportService,
    private readonly limiter: ExportRateLimiter,
    private readonly clock: Clock,
  ) {}

  @Post('export')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Render a dashboard with its filters now and download the file ' +
      '(attachment named <dashboard>-<from>-<to>.<ext>, to exclusive)',
    operationId: 'exportReport',
  })
  @ApiProduces(...new Set(Object.values(FORMAT_CONTENT_TYPES)))
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'A field is invalid; the error names it',
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'The dashboard is not built yet' })
  @ApiTooManyRequestsResponse({
    type: ErrorBodyDto,
    description: 'Too many exports; see Retry-After',
  })
  async export(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ExportRequestDto,
    @Res() response: Response,
  ): Promise<void> {
    const timeZone = requireTimeZone('timezone', body.timezone ?? 'UTC');
    takeExportSlot({ limiter: this.limiter, tenantId: auth.tenantId, response });
    const now = this.clock.now();
    const file = await this.exports.export({
      tenantId: auth.tenantId,
      dashboard: body.dashboard,
      format: body.format,
      filters: normaliseFilters(body.filters),
      timeZone,
      asOf: now,
      generatedAt: now,
    });
    sendReportFile(response, file);
  }
}
