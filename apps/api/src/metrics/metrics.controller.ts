import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';

import { Public } from '../auth/auth.decorators.js';

/** `/metrics` in Prometheus text format; open like health checks, for scrapers. */
@ApiExcludeController()
@Controller()
@Public()
export class MetricsController extends PrometheusController {
  @Get()
  override async index(@Res({ passthrough: true }) response: Response): Promise<string> {
    return super.index(response);
  }
}
