import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { InteractionListDto, InteractionQueryDto } from './dto/interaction-query.dto.js';
import { InteractionsQueryService } from './interactions-query.service.js';

@ApiTags('interactions')
@Controller('v1/interactions')
@RequireRole('viewer')
export class InteractionsQueryController {
  constructor(private readonly interactions: InteractionsQueryService) {}

  @Get()
  @ApiOperation({
    summary:
      'The interactions behind a dashboard figure, newest first; format=csv downloads every matching row',
    operationId: 'listInteractions',
  })
  @ApiExtraModels(InteractionListDto)
  @ApiOkResponse({
    description: 'JSON page, or the whole result as CSV with format=csv',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(InteractionListDto) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: InteractionQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    if (query.format !== 'csv') {
      res.status(200).json(await this.interactions.list(auth.tenantId, query));
      return;
    }
    const csv = await this.interactions.csv(auth.tenantId, query);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${csv.filename}"`);
    await csv.write(res);
  }
}
