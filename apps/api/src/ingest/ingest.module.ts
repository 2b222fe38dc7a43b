import { Module } from '@nestjs/common';

import { CatalogModule } from '../catalog/index.js';
import { DeadLetterModule } from '../dead-letter/index.js';
import { IngestMetrics } from './ingest-metrics.js';
import { InteractionsController } from './interactions/interactions.controller.js';
import { InteractionsService } from './interactions/interactions.service.js';
import { IngestLineHandlers } from './ndjson/ingest-line-handlers.js';
import { NdjsonController } from './ndjson/ndjson.controller.js';
import { NdjsonImportService } from './ndjson/ndjson-import.service.js';
import { OutcomeRulesService } from './outcome-rules.service.js';
import { DEFAULT_OUTBOX_WORKER_SETTINGS, OUTBOX_WORKER_SETTINGS } from './outbox/outbox-backoff.js';
import { OutboxDeadLetterHandler } from './outbox/outbox-dead-letter.handler.js';
import { OutboxWorker } from './outbox/outbox-worker.service.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { OutcomeApplier } from './outbox/outcome-applier.service.js';
import { InteractionRecorder } from './recording/interaction-recorder.service.js';
import { InteractionWriteRepository } from './recording/interaction-write.repository.js';
import { RecommendationRepository } from './respond/recommendation.repository.js';
import { RespondController } from './respond/respond.controller.js';
import { RespondService } from './respond/respond.service.js';

/** Recording telemetry: write endpoints, NDJSON import, the outcome outbox and its worker. */
@Module({
  imports: [CatalogModule, DeadLetterModule],
  controllers: [InteractionsController, RespondController, NdjsonController],
  providers: [
    { provide: OUTBOX_WORKER_SETTINGS, useValue: { ...DEFAULT_OUTBOX_WORKER_SETTINGS } },
    IngestMetrics,
    OutcomeRulesService,
    InteractionWriteRepository,
    InteractionRecorder,
    InteractionsService,
    RecommendationRepository,
    RespondService,
    OutboxRepository,
    OutcomeApplier,
    OutboxWorker,
    OutboxDeadLetterHandler,
    NdjsonImportService,
    IngestLineHandlers,
  ],
  exports: [InteractionsService, RespondService, OutboxWorker],
})
export class IngestModule {}
