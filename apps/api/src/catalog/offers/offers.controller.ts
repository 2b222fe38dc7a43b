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
import {
  OfferCreateDto,
  OfferListDto,
  OfferListQueryDto,
  OfferResponseDto,
  OfferUpdateDto,
  toOfferResponse,
} from './dto/offer.dto.js';
import { OffersService } from './offers.service.js';

@ApiTags('catalog')
@Controller('v1/offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Post()
  @RequireRole('editor')
  @ApiCatalogCreate({
    item: OfferCreateDto,
    stored: OfferResponseDto,
    summary: 'Create offers (one object or a batch)',
    operationId: 'createOffers',
  })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OfferResponseDto | BatchResultDto> {
    const outcome = await this.offers.create({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      body: await parseWriteBody(OfferCreateDto, body),
      idempotencyKey,
    });
    return writeResponse(response, outcome, toOfferResponse);
  }

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'List offers, ordered by key', operationId: 'listOffers' })
  @ApiOkResponse({ type: OfferListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: OfferListQueryDto,
  ): Promise<OfferListDto> {
    const page = await this.offers.list({
      tenantId: auth.tenantId,
      filter: { status: query.status, categoryKey: query.categoryKey, q: query.q },
      limit: query.limit ?? DEFAULT_PAGE_LIMIT,
      cursor: query.cursor,
    });
    return { data: page.data.map(toOfferResponse), page: page.page };
  }

  @Get(':id')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get an offer', operationId: 'getOffer' })
  @ApiOkResponse({ type: OfferResponseDto })
  @ApiCatalogErrors()
  async get(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<OfferResponseDto> {
    return toOfferResponse(await this.offers.get(auth.tenantId, id));
  }

  @Patch(':id')
  @RequireRole('editor')
  @ApiOperation({
    summary: 'Change an offer; its key cannot change because telemetry refers to it',
    operationId: 'updateOffer',
  })
  @ApiOkResponse({ type: OfferResponseDto })
  @ApiCatalogErrors({ unprocessable: 'The body asks to change the key' })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
    @Body() body: OfferUpdateDto,
  ): Promise<OfferResponseDto> {
    const row = await this.offers.update({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      id,
      patch: body,
    });
    return toOfferResponse(row);
  }

  @Delete(':id')
  @RequireRole('editor')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an offer; recorded telemetry keeps its key',
    operationId: 'deleteOffer',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiCatalogErrors()
  async delete(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<void> {
    await this.offers.delete({ tenantId: auth.tenantId, actor: auth.keyName, id });
  }
}
