import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module.js';
import { DemoController } from './demo.controller.js';
import { DemoHistoryRepository } from './demo-history.repository.js';
import { DemoSeedService } from './demo-seed.service.js';

/** The demo workload: a realistic platform's telemetry seeded through the public API, then a trickle. */
@Module({
  imports: [AuthModule],
  controllers: [DemoController],
  providers: [DemoSeedService, DemoHistoryRepository],
  exports: [DemoSeedService],
})
export class DemoModule {}
