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
import { SchemasService } from './schemas.service.js';
import {
  SchemaCreateDto,
  SchemaListDto,
  SchemaListQueryDto,
  SchemaResponseDto,
  SchemaUpdateDto,
  toSchemaResponse,
} from './dto/schema.dto.js';

@ApiTags('catalog')
@Controller('v1/schemas')
export class SchemasController {
  constructor(private readonly schemas: SchemasService) {}

  @Post()
  @RequireRole('editor')
  @ApiCatalogCreate({
    item: SchemaCreateDto,
    stored: SchemaResponseDto,
    summary: 'Create schemas, each with its table ds_<key> (one object or a batch)',
    operationId: 'createSchemas',
  })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SchemaResponseDto | BatchResultDto> {
    const outcome = await this.schemas.create({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      body: await parseWriteBody(SchemaCreateDto, body),
      idempotencyKey,
    });
    return writeResponse(response, outcome, toSchemaResponse);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List schemas, ordered by key', operationId: 'listSchemas' })
  @ApiOkResponse({ type: SchemaListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: SchemaListQueryDto,
  ): Promise<SchemaListDto> {
    const page = await this.schemas.list({
      tenantId: auth.tenantId,
      filter: { entityType: query.entityType, q: query.q },
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
    return { data: page.data.map(toSchemaResponse), page: page.page };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get a schema', operationId: 'getSchema' })
  @ApiOkResponse({ type: SchemaResponseDto })
  @ApiCatalogErrors()
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<SchemaResponseDto> {
    return toSchemaResponse(await this.schemas.get(auth.tenantId, id));
  }

  @Patch(':id')
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Rename a schema or add nullable fields (ALTER TABLE ADD COLUMN)',
    operationId: 'updateSchema',
  })
  @ApiOkResponse({ type: SchemaResponseDto })
  @ApiCatalogErrors({
    unprocessable:
      'The body removes or retypes a field, or changes the key, entity type or primary key',
  })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Body() body: SchemaUpdateDto,
  ): Promise<SchemaResponseDto> {
    const row = await this.schemas.update({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      id,
      patch: body,
    });
    return toSchemaResponse(row);
  }

  @Delete(':id')
  @RequireRole('editor')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a schema and drop its table',
    operationId: 'deleteSchema',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiCatalogErrors({ conflict: 'Segments select from the schema' })
  async delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<void> {
    await this.schemas.delete({ tenantId: auth.tenantId, actor: auth.keyName, id });
  }
}
