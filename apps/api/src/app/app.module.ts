import { type DynamicModule, Module } from '@nestjs/common';

import { AnnotationsModule } from '../annotations/annotations.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { BusinessModule } from '../business/business.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CircuitBreakersModule } from '../circuit-breakers/circuit-breakers.module.js';
import type { AppConfig } from '../config/app-config.js';
import { Clock } from '../core/clock.js';
import { CoreModule } from '../core/core.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { DeadLetterModule } from '../dead-letter/dead-letter.module.js';
import { DemoModule } from '../demo/demo.module.js';
import { HealthModule } from '../health/health.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { IngestDecisionsModule } from '../ingest-decisions/ingest-decisions.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { OperationsModule } from '../operations/operations.module.js';
import { PanelsModule } from '../panels/panels.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { ReportingModule } from '../reporting/reporting.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { SegmentsModule } from '../segments/segments.module.js';
import { WriteModule } from '../write/write.module.js';
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
        RateLimitModule,
        PanelsModule,
        // Shared modules.
        WriteModule,
        CatalogModule,
        AnnotationsModule,
        DeadLetterModule,
        CircuitBreakersModule,
        SchedulingModule,
        IngestModule,
        IngestDecisionsModule,
        // Feature modules: one per dashboard, plus segments and reporting.
        OperationsModule,
        BusinessModule,
        SegmentsModule,
        ReportingModule,
        // Seeds and trickles demo data when DEMO is on.
        DemoModule,
      ],
      providers: [AppStartupService],
    };
  }
}
