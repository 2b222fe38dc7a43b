import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { ErrorBodyDto } from '../common/errors/error-body.js';
import { DecisionPipelineService } from './decision-pipeline.service.js';
import { DecisionPipelineDto, DecisionPipelineQueryDto } from './dto/decision-pipeline.dto.js';
import { parseWindowHours } from './pipeline-window.js';

@ApiTags('dashboards')
@Controller('v1/dashboards/decision-pipeline')
@RequireRole('viewer')
export class DecisionPipelineController {
  constructor(private readonly pipeline: DecisionPipelineService) {}

  @Get()
  @ApiOperation({
    summary: 'Funnel averages, filter rates and top removing rules of recent decision traces',
    operationId: 'getDecisionPipeline',
  })
  @ApiOkResponse({ type: DecisionPipelineDto })
  @ApiBadRequestResponse({
    type: ErrorBodyDto,
    description: 'windowHours must be an integer from 1 to 168',
  })
  async get(
    @CurrentAuth() auth: AuthContext,
    @Query() query: DecisionPipelineQueryDto,
  ): Promise<DecisionPipelineDto> {
    const windowHours = parseWindowHours(query.windowHours);
    return this.pipeline.pipeline({ tenantId: auth.tenantId, windowHours });
  }
}
