import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module.js';
import { CircuitBreakersModule } from '../circuit-breakers/index.js';
import { DeadLetterModule } from '../dead-letter/index.js';
import { SchedulingModule } from '../scheduling/index.js';
import { DeliveryBreakers } from './destinations/delivery-breakers.js';
import { DeliveryService } from './destinations/delivery.service.js';
import { DestinationVault } from './destinations/destination-vault.js';
import { ExportRateLimiter } from './export/export-rate-limiter.js';
import { ReportExportController } from './export/report-export.controller.js';
import { ReportExportService } from './export/report-export.service.js';
import { BrowserPool } from './render/browser-pool.js';
import { PdfRenderer } from './render/pdf-renderer.js';
import { PngRenderer } from './render/png-renderer.js';
import { ReportRenderer } from './render/report-renderer.js';
import { ReportingSettings } from './reporting-settings.js';
import { ReportRedeliveryService } from './runs/report-redelivery.service.js';
import { ReportRunExecutor } from './runs/report-run-executor.js';
import { ReportRunsController } from './runs/report-runs.controller.js';
import { ReportRunsRepository } from './runs/report-runs.repository.js';
import { ReportRunsService } from './runs/report-runs.service.js';
import { ReportScheduleSource } from './schedules/report-schedule-source.js';
import { ReportSchedulesController } from './schedules/report-schedules.controller.js';
import { ReportSchedulesRepository } from './schedules/report-schedules.repository.js';
import { ReportSchedulesService } from './schedules/report-schedules.service.js';
import { ReportTemplatesController } from './templates/report-templates.controller.js';
import { ReportTemplatesRepository } from './templates/report-templates.repository.js';
import { ReportTemplatesService } from './templates/report-templates.service.js';

/** Reports: export of any dashboard now, and templates delivered on a schedule. */
@Module({
  imports: [AuthModule, CircuitBreakersModule, DeadLetterModule, SchedulingModule],
  controllers: [
    ReportExportController,
    ReportTemplatesController,
    ReportSchedulesController,
    ReportRunsController,
  ],
  providers: [
    ReportingSettings,
    BrowserPool,
    PdfRenderer,
    PngRenderer,
    ReportRenderer,
    ReportExportService,
    ExportRateLimiter,
    DestinationVault,
    DeliveryBreakers,
    DeliveryService,
    ReportTemplatesRepository,
    ReportTemplatesService,
    ReportSchedulesRepository,
    ReportSchedulesService,
    ReportRunsRepository,
    ReportRunsService,
    ReportRunExecutor,
    ReportRedeliveryService,
    ReportScheduleSource,
  ],
  exports: [ReportExportService, ReportingSettings],
})
export class ReportingModule {}
