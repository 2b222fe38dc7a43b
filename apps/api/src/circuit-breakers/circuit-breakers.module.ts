import { Module } from '@nestjs/common';

/** Circuit breakers: the state machine, recorded transitions and the recording endpoint. */
@Module({})
export class CircuitBreakersModule {}
