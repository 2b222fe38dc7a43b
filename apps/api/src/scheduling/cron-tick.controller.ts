import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';

import { CronTokenAuth } from '../auth/auth.decorators.js';
import { ErrorBodyDto } from '../common/errors/error-body.js';
import { Clock } from '../core/clock.js';
import { TickResultDto, toTickResultDto } from './dto/tick-result.dto.js';
import { SchedulingService } from './scheduling.service.js';

@ApiTags('scheduling')
@Controller('cron')
@CronTokenAuth()
export class CronTickController {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly clock: Clock,
  ) {}

  @Post('tick')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Fire due schedules now, for an external scheduler; authenticated by Bearer CRON_TOKEN',
    operationId: 'runCronTick',
  })
  @ApiOkResponse({ type: TickResultDto })
  @ApiUnauthorizedResponse({
    type: ErrorBodyDto,
    description: 'The cron token is missing or wrong',
  })
  async tick(): Promise<TickResultDto> {
    return toTickResultDto(await this.scheduling.tick({ trigger: 'tick', now: this.clock.now() }));
  }
}
