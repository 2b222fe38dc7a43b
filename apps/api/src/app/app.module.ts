import { type DynamicModule, Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module.js';
import type { AppConfig } from '../config/app-config.js';
import { Clock } from '../core/clock.js';
import { CoreModule } from '../core/core.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { HealthModule } from '../health/health.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { PanelsModule } from '../panels/panels.module.js';
import { AppStartupService } from './app-startup.service.js';

export interface AppModuleOptions {
  /** Replaces the system clock, so tests can pin time. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, options.clock),
        DatabaseModule,
        MetricsModule,
        HealthModule,
        AuthModule,
        PanelsModule,
      ],
      providers: [AppStartupService],
    };
  }
}
