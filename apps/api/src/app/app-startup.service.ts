import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';

import { type AppConfig, CONFIG } from '../config/app-config.js';
import { FirstStartService } from '../auth/first-start.service.js';
import { logger } from '../common/logging/logger.js';
import { Clock } from '../core/clock.js';
import { PartitionService } from '../database/partitions.js';

/** Days of partitions created ahead, so writes near midnight never wait for DDL. */
export const PARTITION_DAYS_AHEAD = 7;

/** Start-up work that needs the database: first-start setup and partitions ahead of time. */
@Injectable()
export class AppStartupService implements OnApplicationBootstrap {
  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly firstStart: FirstStartService,
    private readonly partitions: PartitionService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const startedAt = Date.now();
    await this.partitions.ensureRange(this.clock.now(), PARTITION_DAYS_AHEAD);
    await this.firstStart.run();
    logger.info(
      {
        action: 'startup.done',
        embedded: this.config.embedded,
        durationMs: Date.now() - startedAt,
      },
      'start-up work done',
    );
  }
}
