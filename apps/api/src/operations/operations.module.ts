import { Module, type OnModuleInit } from '@nestjs/common';

import { AnnotationsModule } from '../annotations/index.js';
import { BusinessModule } from '../business/index.js';
import { CircuitBreakersModule } from '../circuit-breakers/index.js';
import { DeadLetterModule } from '../dead-letter/index.js';
import { PanelRegistry } from '../panels/panel-registry.js';
import { DecisionPipelineController } from './decision-pipeline.controller.js';
import { DecisionPipelineRepository } from './decision-pipeline.repository.js';
import { DecisionPipelineService } from './decision-pipeline.service.js';
import { DecisionRunStatsRepository } from './decision-run-stats.repository.js';
import { DecisionTracesController } from './decision-traces.controller.js';
import { LatencySummaryService } from './latency-summary.service.js';
import { OperationsController } from './operations.controller.js';
import { OperationsPanelProvider } from './operations-panel.provider.js';
import { OperationsStatusService } from './operations-status.service.js';
import { TraceExplorerRepository } from './trace-explorer.repository.js';
import { TraceExplorerService } from './trace-explorer.service.js';

/** The Operations dashboard: decision latency, the decision pipeline, traces, breakers and the DLQ. */
@Module({
  imports: [AnnotationsModule, BusinessModule, CircuitBreakersModule, DeadLetterModule],
  controllers: [OperationsController, DecisionPipelineController, DecisionTracesController],
  providers: [
    DecisionRunStatsRepository,
    DecisionPipelineRepository,
    TraceExplorerRepository,
    LatencySummaryService,
    DecisionPipelineService,
    TraceExplorerService,
    OperationsStatusService,
    OperationsPanelProvider,
  ],
  exports: [LatencySummaryService, DecisionPipelineService, TraceExplorerService],
})
export class OperationsModule implements OnModuleInit {
  constructor(
    private readonly registry: PanelRegistry,
    private readonly panels: OperationsPanelProvider,
  ) {}

  /** Registers the Operations panels for the portal, Export and scheduled reports. */
  onModuleInit(): void {
    this.registry.register(this.panels);
  }
}
