import { Global, Module } from '@nestjs/common';

import { IdempotencyRepository } from './idempotency.repository.js';
import { IngestLineRegistry } from './ingest-line-registry.js';

/**
 * What every write endpoint shares: idempotency keys and the registry of
 * NDJSON line handlers. Kept apart from ingest so catalog and annotations can
 * use it without a module cycle.
 */
@Global()
@Module({
  providers: [IdempotencyRepository, IngestLineRegistry],
  exports: [IdempotencyRepository, IngestLineRegistry],
})
export class WriteModule {}
