import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { InvalidParameterError } from '../common/errors/domain-errors.js';
import { ErrorBodyDto } from '../common/errors/error-body.js';
import { DEFAULT_PAGE_LIMIT } from '../common/pagination/page.js';
import { DeadLetterService, MAX_RETRY_EVENTS } from './dead-letter.service.js';
import { DeadLetterActionDto, DeadLetterActionResultDto } from './dto/dead-letter-action.dto.js';
import {
  DeadLetterListDto,
  DeadLetterListQueryDto,
  toDeadLetterEventResponse,
} from './dto/dead-letter-list.dto.js';

@ApiTags('admin')
@Controller('v1/admin/dlq')
@RequireRole('admin')
export class DeadLetterController {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Get()
  @ApiOperation({
    summary: 'Dead-letter queue: depth per topic, alert level and the events, newest failure first',
    operationId: 'listDeadLetterEvents',
  })
  @ApiOkResponse({ type: DeadLetterListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: DeadLetterListQueryDto,
  ): Promise<DeadLetterListDto> {
    const [depth, page] = await Promise.all([
      this.deadLetters.depthByTopic(auth.tenantId),
      this.deadLetters.list({
        tenantId: auth.tenantId,
        topic: query.topic,
        limit: query.limit ?? DEFAULT_PAGE_LIMIT,
        cursor: query.cursor,
      }),
    ]);
    return { ...depth, data: page.data.map(toDeadLetterEventResponse), page: page.page };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: `Retry (at most ${MAX_RETRY_EVENTS} per request) or purge the listed events or every event of a topic`,
    operationId: 'actOnDeadLetterEvents',
  })
  @ApiOkResponse({ type: DeadLetterActionResultDto })
  @ApiBadRequestResponse({ type: ErrorBodyDto })
  async act(
    @CurrentAuth() auth: AuthContext,
    @Body() body: DeadLetterActionDto,
  ): Promise<DeadLetterActionResultDto> {
    if ((body.eventIds === undefined) === (body.topic === undefined)) {
      throw new InvalidParameterError('Give either eventIds or topic, not both and not neither', [
        {
          field: 'eventIds',
          value: body.eventIds ?? null,
          reason: 'exactly one of eventIds and topic is required',
        },
      ]);
    }
    const selection = {
      tenantId: auth.tenantId,
      eventIds: body.eventIds?.map((id) => id.toLowerCase()),
      topic: body.topic,
      actor: auth.keyName,
    };
    if (body.action === 'retry') {
      return { action: 'retry', ...(await this.deadLetters.retry(selection)) };
    }
    return { action: 'purge', ...(await this.deadLetters.purge(selection)) };
  }
}
