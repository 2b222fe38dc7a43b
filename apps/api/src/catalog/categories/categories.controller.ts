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
import { CategoriesService } from './categories.service.js';
import {
  CategoryCreateDto,
  CategoryListDto,
  CategoryListQueryDto,
  CategoryResponseDto,
  CategoryUpdateDto,
  toCategoryResponse,
} from './dto/category.dto.js';

@ApiTags('catalog')
@Controller('v1/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Post()
  @RequireRole('editor')
  @ApiCatalogCreate({
    item: CategoryCreateDto,
    stored: CategoryResponseDto,
    summary: 'Create offer categories (one object or a batch)',
    operationId: 'createCategories',
  })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CategoryResponseDto | BatchResultDto> {
    const outcome = await this.categories.create({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      body: await parseWriteBody(CategoryCreateDto, body),
      idempotencyKey,
    });
    return writeResponse(response, outcome, toCategoryResponse);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List offer categories, ordered by key', operationId: 'listCategories' })
  @ApiOkResponse({ type: CategoryListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: CategoryListQueryDto,
  ): Promise<CategoryListDto> {
    const page = await this.categories.list({
      tenantId: auth.tenantId,
      filter: { q: query.q },
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
    return { data: page.data.map(toCategoryResponse), page: page.page };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get an offer category', operationId: 'getCategory' })
  @ApiOkResponse({ type: CategoryResponseDto })
  @ApiCatalogErrors()
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<CategoryResponseDto> {
    return toCategoryResponse(await this.categories.get(auth.tenantId, id));
  }

  @Patch(':id')
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Change an offer category; a new key is carried over to its offers',
    operationId: 'updateCategory',
  })
  @ApiOkResponse({ type: CategoryResponseDto })
  @ApiCatalogErrors({ conflict: 'The new key is taken' })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Body() body: CategoryUpdateDto,
  ): Promise<CategoryResponseDto> {
    const row = await this.categories.update({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      id,
      patch: body,
    });
    return toCategoryResponse(row);
  }

  @Delete(':id')
  @RequireRole('editor')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an offer category that no offer uses',
    operationId: 'deleteCategory',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiCatalogErrors({ conflict: 'Offers still use the category' })
  async delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<void> {
    await this.categories.delete({ tenantId: auth.tenantId, actor: auth.keyName, id });
  }
}
