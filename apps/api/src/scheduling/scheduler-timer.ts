import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

import { logger } from '../common/logging/logger.js';
import { type AppConfig, CONFIG } from '../config/app-config.js';
import { Clock } from '../core/clock.js';
import { SchedulingService } from './scheduling.service.js';

const MINUTE_MS = 60_000;
/** Delay after each minute boundary, so occurrences at second 0 are due when the tick runs. */
const TICK_OFFSET_MS = 1_000;
const FIRST_TICK_TIMEOUT = 'scheduling-first-tick';
const TICK_INTERVAL = 'scheduling-tick';

/**
 * The in-process timer: ticks once a minute, just after the minute boundary, unless
 * REPORT_SCHEDULER=external leaves firing to `POST /api/cron/tick`. A tick that is still
 * running when the next one is due makes that one skip. @nestjs/schedule clears the timers
 * on shutdown.
 */
@Injectable()
export class SchedulerTimer implements OnApplicationBootstrap {
  private running = false;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly scheduling: SchedulingService,
    private readonly registry: SchedulerRegistry,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.reportScheduler === 'external') {
      logger.info(
        { action: 'scheduling.timer-off' },
        'in-process scheduler timer is off; POST /api/cron/tick fires schedules',
      );
      return;
    }
    const untilNextMinute = MINUTE_MS - (Date.now() % MINUTE_MS) + TICK_OFFSET_MS;
    const first = setTimeout(() => {
      this.registry.deleteTimeout(FIRST_TICK_TIMEOUT);
      this.registry.addInterval(
        TICK_INTERVAL,
        setInterval(() => void this.tick(), MINUTE_MS),
      );
      void this.tick();
    }, untilNextMinute);
    this.registry.addTimeout(FIRST_TICK_TIMEOUT, first);
    logger.info(
      { action: 'scheduling.timer-on', firstTickInMs: untilNextMinute },
      'in-process scheduler timer started',
    );
  }

  /** Runs one tick now unless one is in progress; never throws. */
  async tick(): Promise<void> {
    if (this.running) {
      logger.warn(
        { action: 'scheduling.tick-skipped' },
        'previous scheduler tick still running; skipping this one',
      );
      return;
    }
    this.running = true;
    try {
      await this.scheduling.tick({ trigger: 'schedule', now: this.clock.now() });
    } catch (error) {
      logger.error({ action: 'scheduling.tick-failed', err: error }, 'scheduler tick failed');
    } finally {
      this.running = false;
    }
  }
}
