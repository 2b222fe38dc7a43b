import { Module } from '@nestjs/common';

/** Recording telemetry: write endpoints, NDJSON import, the outcome outbox and its worker. */
@Module({})
export class IngestModule {}
