import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import type { Response } from 'express';

import { Public } from '../auth/auth.decorators.js';
import { ReadinessState } from '../core/readiness.js';
import { DegradedSignals } from './degraded-signals.js';
import { HealthRepository } from './health.repository.js';

const DATABASE_PING_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller()
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessState,
    private readonly degraded: DegradedSignals,
    private readonly repository: HealthRepository,
  ) {}

  @Get('health')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers', operationId: 'getHealth' })
  liveness() {
    return this.health.check([() => this.indicators.check('process').up({ pid: process.pid })]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: 503 until start-up is done and while the database is unreachable',
    operationId: 'getReadiness',
  })
  @ApiOkResponse({
    description:
      'Ready; `info.service.degraded` is true, with reasons, while a circuit breaker is open',
  })
  @ApiServiceUnavailableResponse({ description: 'Starting, or the database is unreachable' })
  async readinessCheck(@Res({ passthrough: true }) response: Response) {
    const result = await this.health.check([
      () => this.startupIndicator(),
      () => this.databaseIndicator(),
      () => this.degradedIndicator(),
    ]);
    response.setHeader('Cache-Control', 'no-store');
    return result;
  }

  private startupIndicator(): HealthIndicatorResult {
    const pending = this.readiness.pendingSteps();
    const indicator = this.indicators.check('startup');
    return pending.length === 0 ? indicator.up() : indicator.down({ pending });
  }

  private async databaseIndicator(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('database');
    try {
      await withTimeout(this.repository.ping(), DATABASE_PING_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async degradedIndicator(): Promise<HealthIndicatorResult> {
    const reasons = await this.degraded.reasons();
    // A degraded service is still ready: it reports why with status 200.
    return this.indicators
      .check('service')
      .up(reasons.length ? { degraded: true, reasons } : { degraded: false });
  }
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`database ping timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
