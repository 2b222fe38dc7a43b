import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { writeResponse } from '../../annotations/index.js';
import { CurrentAuth, RequireRole } from '../../auth/auth.decorators.js';
import type { AuthContext } from '../../auth/roles.js';
import { ErrorBodyDto } from '../../common/errors/error-body.js';
import { DEFAULT_PAGE_LIMIT, PageQueryDto } from '../../common/pagination/page.js';
import { uuidPipe } from '../../common/validation/uuid-pipe.js';
import { BatchResultDto } from '../../write/dto/batch-result.dto.js';
import { MAX_BATCH_ITEMS } from '../../write/write-body.js';
import { SchemaRowListDto } from './dto/schema-rows.dto.js';
import { type SchemaDataRow, SchemaRowsService } from './schema-rows.service.js';

const ROW_SCHEMA = {
  type: 'object' as const,
  additionalProperties: true,
  description: 'Field name -> value; a missing nullable field is stored as null',
};

@ApiTags('catalog')
@Controller('v1/schemas/:id/rows')
export class SchemaRowsController {
  constructor(private readonly rows: SchemaRowsService) {}

  @Post()
  @RequireRole('ingest')
  @ApiOperation({
    summary: "Load rows into a schema's table, upserting on its primary-key field",
    description:
      'One row answers 201 with the stored row; a batch of up to 10,000 answers 200 with accepted ' +
      'and rejected rows. Loading a row whose primary key exists replaces it, so a repeated ' +
      'load needs no idempotency key.',
    operationId: 'loadSchemaRows',
  })
  @ApiBody({
    schema: {
      oneOf: [ROW_SCHEMA, { type: 'array', items: ROW_SCHEMA, maxItems: MAX_BATCH_ITEMS }],
    },
  })
  @ApiCreatedResponse({ description: 'One row was stored', schema: ROW_SCHEMA })
  @ApiOkResponse({ description: 'A batch was processed', type: BatchResultDto })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'The row, or every row of the batch, is invalid',
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such schema in this tenant' })
  async load(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SchemaDataRow | BatchResultDto> {
    const outcome = await this.rows.load({ tenantId: auth.tenantId, schemaId: id, body });
    return writeResponse(response, outcome, (row) => row);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({
    summary: "Page through a schema's rows, ordered by primary key",
    operationId: 'listSchemaRows',
  })
  @ApiOkResponse({ type: SchemaRowListDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'No such schema in this tenant' })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Query() query: PageQueryDto,
  ): Promise<SchemaRowListDto> {
    return this.rows.list({
      tenantId: auth.tenantId,
      schemaId: id,
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
  }
}
