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
import { OutcomeTypesService } from './outcome-types.service.js';
import {
  OutcomeTypeCreateDto,
  OutcomeTypeListDto,
  OutcomeTypeListQueryDto,
  OutcomeTypeResponseDto,
  OutcomeTypeUpdateDto,
  toOutcomeTypeResponse,
} from './dto/outcome-type.dto.js';

@ApiTags('catalog')
@Controller('v1/outcome-types')
export class OutcomeTypesController {
  constructor(private readonly outcomeTypes: OutcomeTypesService) {}

  @Post()
  @RequireRole('editor')
  @ApiCatalogCreate({
    item: OutcomeTypeCreateDto,
    stored: OutcomeTypeResponseDto,
    summary: 'Create custom outcome types (one object or a batch)',
    operationId: 'createOutcomeTypes',
  })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OutcomeTypeResponseDto | BatchResultDto> {
    const outcome = await this.outcomeTypes.create({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      body: await parseWriteBody(OutcomeTypeCreateDto, body),
      idempotencyKey,
    });
    return writeResponse(response, outcome, toOutcomeTypeResponse);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({
    summary: 'List outcome types (the ten system types and custom ones), ordered by key',
    operationId: 'listOutcomeTypes',
  })
  @ApiOkResponse({ type: OutcomeTypeListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: OutcomeTypeListQueryDto,
  ): Promise<OutcomeTypeListDto> {
    const page = await this.outcomeTypes.list({
      tenantId: auth.tenantId,
      filter: {
        classification: query.classification,
        category: query.category,
        system: query.system,
        q: query.q,
      },
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
    return { data: page.data.map(toOutcomeTypeResponse), page: page.page };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get an outcome type', operationId: 'getOutcomeType' })
  @ApiOkResponse({ type: OutcomeTypeResponseDto })
  @ApiCatalogErrors()
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<OutcomeTypeResponseDto> {
    return toOutcomeTypeResponse(await this.outcomeTypes.get(auth.tenantId, id));
  }

  @Patch(':id')
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Change a custom outcome type; system types and keys cannot change',
    operationId: 'updateOutcomeType',
  })
  @ApiOkResponse({ type: OutcomeTypeResponseDto })
  @ApiCatalogErrors({
    conflict: 'A system outcome type',
    unprocessable: 'The body asks to change the key',
  })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Body() body: OutcomeTypeUpdateDto,
  ): Promise<OutcomeTypeResponseDto> {
    const row = await this.outcomeTypes.update({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      id,
      patch: body,
    });
    return toOutcomeTypeResponse(row);
  }

  @Delete(':id')
  @RequireRole('editor')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a custom outcome type; recorded telemetry keeps its key',
    operationId: 'deleteOutcomeType',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiCatalogErrors({
    conflict: 'A system outcome type, or one listed in conversionOutcomeKeys',
  })
  async delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<void> {
    await this.outcomeTypes.delete({ tenantId: auth.tenantId, actor: auth.keyName, id });
  }
}
