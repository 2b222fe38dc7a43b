import { Injectable, type OnModuleInit } from '@nestjs/common';

import { IngestLineRegistry } from '../../write/ingest-line-registry.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { RespondService } from '../respond/respond.service.js';

/** Serves the `interaction` and `respond` NDJSON line types with the semantics of their endpoints. */
@Injectable()
export class IngestLineHandlers implements OnModuleInit {
  constructor(
    private readonly registry: IngestLineRegistry,
    private readonly interactions: InteractionsService,
    private readonly respond: RespondService,
  ) {}

  onModuleInit(): void {
    this.registry.register('interaction', (tenantId, lines) =>
      this.interactions.recordLines(tenantId, lines),
    );
    this.registry.register('respond', (tenantId, lines) =>
      this.respond.recordLines(tenantId, lines),
    );
  }
}
