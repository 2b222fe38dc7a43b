import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Request } from 'express';

import { CurrentAuth, RequireRole } from '../auth/auth.decorators.js';
import type { AuthContext } from '../auth/roles.js';
import { ConflictError } from '../common/errors/domain-errors.js';
import { DemoSeedService } from './demo-seed.service.js';

class DemoSeedRequestDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 2147483647,
    default: 42,
    description: 'Seed number; the same seed gives the same data',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 0 to 2147483647' })
  @Min(0, { message: 'must be an integer from 0 to 2147483647' })
  @Max(2147483647, { message: 'must be an integer from 0 to 2147483647' })
  seed?: number;
}

class DemoProgressDto {
  @ApiProperty({ example: 'history' })
  step: string;

  @ApiProperty()
  done: number;

  @ApiProperty()
  total: number;
}

class DemoStatusDto {
  @ApiProperty()
  running: boolean;

  @ApiProperty({ type: DemoProgressDto, nullable: true })
  progress: DemoProgressDto | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  finishedAt: string | null;
}

@ApiTags('admin')
@Controller('v1/admin/demo')
@RequireRole('admin')
export class DemoController {
  constructor(private readonly demo: DemoSeedService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Seed the demo workload into this tenant in the background',
    operationId: 'startDemoSeed',
  })
  @ApiAcceptedResponse({ type: DemoStatusDto })
  async start(
    @CurrentAuth() auth: AuthContext,
    @Body() body: DemoSeedRequestDto,
    @Req() request: Request,
  ): Promise<DemoStatusDto> {
    const port = request.socket.localPort;
    const started = await this.demo.startForTenant({
      baseUrl: `http://127.0.0.1:${port}`,
      tenantId: auth.tenantId,
      seed: body.seed ?? 42,
      actor: auth.keyName,
    });
    if (!started) {
      throw new ConflictError(
        'A demo seed is already running; follow it with GET /api/v1/admin/demo',
      );
    }
    return this.demo.currentStatus();
  }

  @Get()
  @ApiOperation({ summary: 'Progress of the demo seed', operationId: 'getDemoSeedStatus' })
  @ApiOkResponse({ type: DemoStatusDto })
  status(): DemoStatusDto {
    return this.demo.currentStatus();
  }
}
