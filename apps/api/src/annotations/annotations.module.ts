import { Module, type OnModuleInit } from '@nestjs/common';

import { IngestLineRegistry } from '../write/ingest-line-registry.js';
import { AnnotationsController } from './annotations.controller.js';
import { AnnotationsRepository } from './annotations.repository.js';
import { AnnotationsService } from './annotations.service.js';

/** Annotations drawn on trend charts: policy changes, catalog changes, deploys, incidents, notes. */
@Module({
  controllers: [AnnotationsController],
  providers: [AnnotationsRepository, AnnotationsService],
  exports: [AnnotationsService],
})
export class AnnotationsModule implements OnModuleInit {
  constructor(
    private readonly registry: IngestLineRegistry,
    private readonly annotations: AnnotationsService,
  ) {}

  /** Serves NDJSON lines of type `annotation` from POST /api/v1/ingest. */
  onModuleInit(): void {
    this.registry.register('annotation', (tenantId, lines) =>
      this.annotations.recordLines(tenantId, lines),
    );
  }
}
