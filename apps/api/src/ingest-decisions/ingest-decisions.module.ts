import { Module, type OnModuleInit } from '@nestjs/common';

import { IngestLineRegistry } from '../write/ingest-line-registry.js';
import { DecisionRunsController } from './decision-runs.controller.js';
import { DecisionRunsRepository } from './decision-runs.repository.js';
import { DecisionRunsService } from './decision-runs.service.js';
import { DecisionTracesController } from './decision-traces.controller.js';
import { DecisionTracesRepository } from './decision-traces.repository.js';
import { DecisionTracesService } from './decision-traces.service.js';
import { DecisionRunCreateDto } from './dto/decision-run.dto.js';
import { DecisionTraceCreateDto } from './dto/decision-trace.dto.js';
import { createLineHandler } from './telemetry-write.js';

/** Decision telemetry writes: runs with their hourly rollups, and sampled traces. */
@Module({
  controllers: [DecisionRunsController, DecisionTracesController],
  providers: [
    DecisionRunsService,
    DecisionRunsRepository,
    DecisionTracesService,
    DecisionTracesRepository,
  ],
})
export class IngestDecisionsModule implements OnModuleInit {
  constructor(
    private readonly lines: IngestLineRegistry,
    private readonly runs: DecisionRunsService,
    private readonly traces: DecisionTracesService,
  ) {}

  onModuleInit(): void {
    this.lines.register(
      'decision_run',
      createLineHandler(DecisionRunCreateDto, (tenantId, items, rejected) =>
        this.runs.recordBatch(tenantId, items, rejected),
      ),
    );
    this.lines.register(
      'decision_trace',
      createLineHandler(DecisionTraceCreateDto, (tenantId, items, rejected) =>
        this.traces.recordBatch(tenantId, items, rejected),
      ),
    );
  }
}
