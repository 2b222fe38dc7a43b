import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { ErrorBodyDto } from '../common/errors/error-body.js';
import { DEFAULT_PAGE_LIMIT, PageQueryDto } from '../common/pagination/page.js';
import { uuidPipe } from '../common/validation/uuid-pipe.js';
import { CurrentAuth, RequireRole } from './auth.decorators.js';
import { ApiKeysService } from './api-keys.service.js';
import { AuditService } from './audit.service.js';
import {
  ApiKeyCreateDto,
  ApiKeyCreatedDto,
  ApiKeyListDto,
  toApiKeyResponse,
} from './dto/api-key.dto.js';
import { AuditEventListDto, toAuditEventResponse } from './dto/audit-event.dto.js';
import type { AuthContext } from './roles.js';

@ApiTags('admin')
@Controller('v1/admin')
@RequireRole('admin')
export class ApiKeysController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  @Post('api-keys')
  @ApiOperation({
    summary: 'Create an API key; the key is shown only in this answer',
    operationId: 'createApiKey',
  })
  @ApiCreatedResponse({ type: ApiKeyCreatedDto })
  async create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ApiKeyCreateDto,
  ): Promise<ApiKeyCreatedDto> {
    const created = await this.apiKeys.create({
      tenantId: auth.tenantId,
      name: body.name.trim(),
      role: body.role,
      expiresAt: body.expiresAt ?? null,
      actor: auth.keyName,
    });
    return { ...toApiKeyResponse(created.row), key: created.key };
  }

  @Get('api-keys')
  @ApiOperation({ summary: 'List API keys, newest first', operationId: 'listApiKeys' })
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: PageQueryDto,
  ): Promise<ApiKeyListDto> {
    const page = await this.apiKeys.list(
      auth.tenantId,
      query.limit ?? DEFAULT_PAGE_LIMIT,
      query.cursor,
    );
    return { data: page.data.map(toApiKeyResponse), page: page.page };
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key', operationId: 'revokeApiKey' })
  @ApiNoContentResponse({ description: 'Revoked; a revoked key answers 401 from now on' })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async revoke(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuidPipe('id')) id: string,
  ): Promise<void> {
    await this.apiKeys.revoke({ tenantId: auth.tenantId, id, actor: auth.keyName });
  }

  @Get('audit-events')
  @ApiOperation({ summary: 'Audit log, newest first', operationId: 'listAuditEvents' })
  @ApiOkResponse({ type: AuditEventListDto })
  async auditEvents(
    @CurrentAuth() auth: AuthContext,
    @Query() query: PageQueryDto,
  ): Promise<AuditEventListDto> {
    const page = await this.audit.list(
      auth.tenantId,
      query.limit ?? DEFAULT_PAGE_LIMIT,
      query.cursor,
    );
    return { data: page.data.map(toAuditEventResponse), page: page.page };
  }
}
