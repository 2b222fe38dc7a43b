import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { AnyApiKey, CurrentAuth } from './auth.decorators.js';
import { SessionResponseDto } from './dto/session.dto.js';
import type { AuthContext } from './roles.js';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  @Get('me')
  @AnyApiKey()
  @ApiOperation({ summary: 'Tenant and role of the presented API key', operationId: 'getSession' })
  @ApiOkResponse({ type: SessionResponseDto })
  me(@CurrentAuth() auth: AuthContext): SessionResponseDto {
    return {
      tenantId: auth.tenantId,
      tenantKey: auth.tenantKey,
      tenantName: auth.tenantName,
      role: auth.role,
      keyName: auth.keyName,
      keyPrefix: auth.keyPrefix,
    };
  }
}
