import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { ErrorBodyDto } from '../common/errors/error-body.js';
import { DEFAULT_PAGE_LIMIT } from '../common/pagination/page.js';
import { uuidPipe } from '../common/validation/uuid-pipe.js';
import { ApiWriteBody } from '../write/api-write-body.decorator.js';
import type { BatchResultDto } from '../write/dto/batch-result.dto.js';
import { parseWriteBody } from '../write/write-body.js';
import { AnnotationsService } from './annotations.service.js';
import {
  AnnotationCreateDto,
  AnnotationListDto,
  AnnotationListQueryDto,
  AnnotationResponseDto,
  toAnnotationResponse,
} from './dto/annotation.dto.js';
import { writeResponse } from './write-outcome.js';

@ApiTags('annotations')
@Controller('v1/annotations')
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Post()
  @RequireRole('ingest')
  @ApiOperation({
    summary:
      'Record annotations (one object or a batch); a repeated idempotency key records nothing',
    description:
      'A single object answers 201 with the stored annotation. A single object whose idempotency key ' +
      'was seen before answers 200 with {accepted: 1, rejected: []}.',
    operationId: 'createAnnotations',
  })
  @ApiWriteBody(AnnotationCreateDto, AnnotationResponseDto)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'For a single object only' })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AnnotationResponseDto | BatchResultDto> {
    const parsed = await parseWriteBody(AnnotationCreateDto, body);
    const outcome = await this.annotations.create({
      tenantId: auth.tenantId,
      body: parsed,
      idempotencyKey,
    });
    return writeResponse(response, outcome, toAnnotationResponse);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'List annotations in a time window (default the last 30 days), oldest first',
    operationId: 'listAnnotations',
  })
  @ApiOkResponse({ type: AnnotationListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: AnnotationListQueryDto,
  ): Promise<AnnotationListDto> {
    const page = await this.annotations.list({
      tenantId: auth.tenantId,
      from: query.from,
      to: query.to,
      kinds: query.kind,
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
    return { data: page.data.map(toAnnotationResponse), page: page.page };
  }

  @Delete(':id')
  @RequireRole('editor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an annotation', operationId: 'deleteAnnotation' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<void> {
    await this.annotations.delete(auth.tenantId, id);
  }
}
