import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { DashboardDataService } from './dashboard-data.service.js';
import { DashboardDataDto, DashboardDataQueryDto } from './dto/dashboard-data.dto.js';

@ApiTags('dashboards')
@Controller('v1/dashboard-data')
@RequireRole('viewer')
export class DashboardDataController {
  constructor(private readonly dashboardData: DashboardDataService) {}

  @Get()
  @ApiOperation({
    summary:
      'Business dashboard data of one type for a window of UTC days, optionally within a segment',
    operationId: 'getDashboardData',
  })
  @ApiOkResponse({ type: DashboardDataDto })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Query() query: DashboardDataQueryDto,
  ): Promise<DashboardDataDto> {
    return this.dashboardData.load(auth.tenantId, query);
  }
}
