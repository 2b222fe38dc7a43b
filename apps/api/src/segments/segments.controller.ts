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
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { ErrorBodyDto } from '../common/errors/error-body.js';
import { DEFAULT_PAGE_LIMIT } from '../common/pagination/page.js';
import { uuidPipe } from '../common/validation/uuid-pipe.js';
import { BatchResultDto } from '../write/dto/batch-result.dto.js';
import { ApiWriteBody } from '../write/api-write-body.decorator.js';
import { parseWriteBody } from '../write/write-body.js';
import {
  SegmentCreateDto,
  SegmentListDto,
  SegmentListQueryDto,
  SegmentResponseDto,
  SegmentUpdateDto,
  toSegmentResponse,
} from './dto/segment.dto.js';
import { SegmentManagementService } from './segment-management.service.js';

@ApiTags('segments')
@Controller('v1/segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentManagementService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List segments, ordered by key', operationId: 'listSegments' })
  @ApiOkResponse({ type: SegmentListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: SegmentListQueryDto,
  ): Promise<SegmentListDto> {
    const page = await this.segments.list(auth.tenantId, {
      ...query,
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
    });
    return { data: page.data.map(toSegmentResponse), page: page.page };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a segment with its view state', operationId: 'getSegment' })
  @ApiOkResponse({ type: SegmentResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<SegmentResponseDto> {
    return toSegmentResponse(await this.segments.get(auth.tenantId, id));
  }

  @Post()
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Create a segment, or a batch of them; an active segment gets its view at once',
    operationId: 'createSegment',
  })
  @ApiWriteBody(SegmentCreateDto, SegmentResponseDto)
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The key is taken' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The view could not be built',
  })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SegmentResponseDto | BatchResultDto> {
    const parsed = await parseWriteBody(SegmentCreateDto, body);
    const by = { tenantId: auth.tenantId, actor: auth.keyName };
    if (parsed.mode === 'single') {
      res.status(201);
      return toSegmentResponse(await this.segments.create(by, parsed.item));
    }
    res.status(200);
    return this.segments.createMany(by, parsed.items, parsed.rejected);
  }

  @Patch(':id')
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Change a segment; new conditions rebuild its view and swap it in',
    operationId: 'updateSegment',
  })
  @ApiOkResponse({ type: SegmentResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'The key is taken' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'The view could not be built',
  })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Body() body: SegmentUpdateDto,
  ): Promise<SegmentResponseDto> {
    const row = await this.segments.update(
      { tenantId: auth.tenantId, actor: auth.keyName },
      id,
      body,
    );
    return toSegmentResponse(row);
  }

  @Delete(':id')
  @RequireRole('editor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a segment and drop its view', operationId: 'deleteSegment' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<void> {
    await this.segments.delete({ tenantId: auth.tenantId, actor: auth.keyName }, id);
  }

  @Post(':id/refresh')
  @RequireRole('editor')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Refresh the segment view in the background; the segment shows refreshing meanwhile',
    operationId: 'refreshSegment',
  })
  @ApiAcceptedResponse({ type: SegmentResponseDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @ApiConflictResponse({
    type: ErrorBodyDto,
    description: 'The segment is a draft and has no view',
  })
  async refresh(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<SegmentResponseDto> {
    const row = await this.segments.refresh({ tenantId: auth.tenantId, actor: auth.keyName }, id);
    return toSegmentResponse(row);
  }
}
