import { Controller, Get, Param, ParseEnumPipe, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { ErrorBodyDto } from '../common/errors/error-body.js';
import { InvalidParameterError } from '../common/errors/domain-errors.js';
import { Clock } from '../core/clock.js';
import { DashboardFiltersQueryDto } from './dto/dashboard-filters.dto.js';
import { DashboardPanelsDto } from './dto/dashboard-panels.dto.js';
import { PanelRegistry } from './panel-registry.js';
import { DASHBOARD_IDS, type DashboardId } from './panel.types.js';

@ApiTags('dashboards')
@Controller('v1/dashboards')
@RequireRole('viewer')
export class PanelsController {
  constructor(
    private readonly registry: PanelRegistry,
    private readonly clock: Clock,
  ) {}

  @Get(':dashboard/panels')
  @ApiOperation({
    summary: 'Every panel of a dashboard as data, for the given filters',
    operationId: 'getDashboardPanels',
  })
  @ApiParam({ name: 'dashboard', enum: DASHBOARD_IDS })
  @ApiOkResponse({ type: DashboardPanelsDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'The dashboard is not built yet' })
  async panels(
    @CurrentAuth() auth: AuthContext,
    @Param(
      'dashboard',
      new ParseEnumPipe(DASHBOARD_IDS, {
        exceptionFactory: () =>
          new InvalidParameterError(`dashboard must be one of ${DASHBOARD_IDS.join(', ')}`),
      }),
    )
    dashboard: DashboardId,
    @Query() filters: DashboardFiltersQueryDto,
  ): Promise<DashboardPanelsDto> {
    const provider = this.registry.get(dashboard);
    return provider.load({ tenantId: auth.tenantId, filters, now: this.clock.now() });
  }
}
