import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { writeResponse } from '../../annotations/index.js';
import { CurrentAuth, RequireRole } from '../../auth/auth.decorators.js';
import type { AuthContext } from '../../auth/roles.js';
import { DEFAULT_PAGE_LIMIT } from '../../common/pagination/page.js';
import { uuidPipe } from '../../common/validation/uuid-pipe.js';
import type { BatchResultDto } from '../../write/dto/batch-result.dto.js';
import { parseWriteBody } from '../../write/write-body.js';
import { ApiCatalogCreate, ApiCatalogErrors } from '../common/catalog-api.js';
import { ChannelsService } from './channels.service.js';
import {
  ChannelCreateDto,
  ChannelListDto,
  ChannelListQueryDto,
  ChannelResponseDto,
  ChannelUpdateDto,
  toChannelResponse,
} from './dto/channel.dto.js';

@ApiTags('catalog')
@Controller('v1/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Post()
  @RequireRole('editor')
  @ApiCatalogCreate({
    item: ChannelCreateDto,
    stored: ChannelResponseDto,
    summary: 'Create channels (one object or a batch)',
    operationId: 'createChannels',
  })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChannelResponseDto | BatchResultDto> {
    const outcome = await this.channels.create({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      body: await parseWriteBody(ChannelCreateDto, body),
      idempotencyKey,
    });
    return writeResponse(response, outcome, toChannelResponse);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List channels, ordered by key', operationId: 'listChannels' })
  @ApiOkResponse({ type: ChannelListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ChannelListQueryDto,
  ): Promise<ChannelListDto> {
    const page = await this.channels.list({
      tenantId: auth.tenantId,
      filter: { type: query.type, q: query.q },
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
    return { data: page.data.map(toChannelResponse), page: page.page };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a channel', operationId: 'getChannel' })
  @ApiOkResponse({ type: ChannelResponseDto })
  @ApiCatalogErrors()
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<ChannelResponseDto> {
    return toChannelResponse(await this.channels.get(auth.tenantId, id));
  }

  @Patch(':id')
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Change a channel; its key cannot change because telemetry refers to it',
    operationId: 'updateChannel',
  })
  @ApiOkResponse({ type: ChannelResponseDto })
  @ApiCatalogErrors({ unprocessable: 'The body asks to change the key' })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Body() body: ChannelUpdateDto,
  ): Promise<ChannelResponseDto> {
    const row = await this.channels.update({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      id,
      patch: body,
    });
    return toChannelResponse(row);
  }

  @Delete(':id')
  @RequireRole('editor')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a channel; recorded telemetry keeps its key',
    operationId: 'deleteChannel',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiCatalogErrors()
  async delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<void> {
    await this.channels.delete({ tenantId: auth.tenantId, actor: auth.keyName, id });
  }
}
