import { Module, type OnModuleInit } from '@nestjs/common';

import { AnnotationsModule } from '../annotations/index.js';
import { PanelRegistry } from '../panels/panel-registry.js';
import { SegmentsModule } from '../segments/index.js';
import { BusinessDataService } from './business-data.service.js';
import { BusinessMetricsRepository } from './business-metrics.repository.js';
import { BusinessPanelProvider } from './business-panels.provider.js';
import { DashboardDataController } from './dashboard-data.controller.js';
import { DashboardDataService } from './dashboard-data.service.js';
import { InteractionsQueryController } from './interactions-query.controller.js';
import { InteractionsQueryRepository } from './interactions-query.repository.js';
import { InteractionsQueryService } from './interactions-query.service.js';

/** The Business dashboard: offer, channel and funnel performance from the rollups and summaries. */
@Module({
  imports: [SegmentsModule, AnnotationsModule],
  controllers: [DashboardDataController, InteractionsQueryController],
  providers: [
    BusinessMetricsRepository,
    BusinessDataService,
    DashboardDataService,
    BusinessPanelProvider,
    InteractionsQueryRepository,
    InteractionsQueryService,
  ],
  exports: [BusinessDataService],
})
export class BusinessModule implements OnModuleInit {
  constructor(
    private readonly registry: PanelRegistry,
    private readonly panels: BusinessPanelProvider,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.panels);
  }
}
