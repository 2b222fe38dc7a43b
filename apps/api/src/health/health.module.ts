import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { DegradedSignals } from './degraded-signals.js';
import { HealthController } from './health.controller.js';
import { HealthRepository } from './health.repository.js';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [DegradedSignals, HealthRepository],
  exports: [DegradedSignals],
})
export class HealthModule {}
