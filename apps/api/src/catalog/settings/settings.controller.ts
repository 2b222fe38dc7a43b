import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentAuth, RequireRole } from '../../auth/auth.decorators.js';
import type { AuthContext } from '../../auth/roles.js';
import { ErrorBodyDto } from '../../common/errors/error-body.js';
import { SettingsResponseDto, SettingsUpdateDto, toSettingsResponse } from './dto/settings.dto.js';
import { SettingsService } from './settings.service.js';

@ApiTags('settings')
@Controller('v1/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Get the tenant settings', operationId: 'getSettings' })
  @ApiOkResponse({ type: SettingsResponseDto })
  async get(@CurrentAuth() auth: AuthContext): Promise<SettingsResponseDto> {
    return toSettingsResponse(await this.settings.get(auth.tenantId));
  }

  @Put()
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Replace the tenant settings (audited)',
    description: 'conversionOutcomeKeys must name response outcome types of the tenant.',
    operationId: 'updateSettings',
  })
  @ApiOkResponse({ type: SettingsResponseDto })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'A key is not a response outcome type',
  })
  async update(
    @CurrentAuth() auth: AuthContext,
    @Body() body: SettingsUpdateDto,
  ): Promise<SettingsResponseDto> {
    const row = await this.settings.update({
      tenantId: auth.tenantId,
      actor: auth.keyName,
      conversionOutcomeKeys: body.conversionOutcomeKeys,
    });
    return toSettingsResponse(row);
  }
}
