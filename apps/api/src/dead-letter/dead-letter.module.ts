import { Module } from '@nestjs/common';

/** The dead-letter queue: events that failed every retry, with retry and purge. */
@Module({})
export class DeadLetterModule {}
