import { Module } from '@nestjs/common';

/** The Operations dashboard: decision latency, the decision pipeline, traces, breakers and the DLQ. */
@Module({})
export class OperationsModule {}
