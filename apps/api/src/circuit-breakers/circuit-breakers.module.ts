import { Module, type OnModuleInit } from '@nestjs/common';

import { DegradedSignals } from '../health/degraded-signals.js';
import { createLineHandler } from '../ingest-decisions/index.js';
import { IngestLineRegistry } from '../write/ingest-line-registry.js';
import { BreakerDegradedSignal } from './breaker-degraded.signal.js';
import { CircuitBreakerRegistry } from './circuit-breaker.registry.js';
import { CircuitBreakerEventsRepository } from './circuit-breaker-events.repository.js';
import { CircuitBreakerEventsService } from './circuit-breaker-events.service.js';
import { CircuitBreakersController } from './circuit-breakers.controller.js';
import { BreakerEventCreateDto } from './dto/breaker-event.dto.js';

/** Circuit breakers: the state machine, recorded transitions and the recording endpoint. */
@Module({
  controllers: [CircuitBreakersController],
  providers: [
    CircuitBreakerEventsRepository,
    CircuitBreakerEventsService,
    CircuitBreakerRegistry,
    BreakerDegradedSignal,
  ],
  exports: [CircuitBreakerRegistry, CircuitBreakerEventsService],
})
export class CircuitBreakersModule implements OnModuleInit {
  constructor(
    private readonly lines: IngestLineRegistry,
    private readonly degraded: DegradedSignals,
    private readonly events: CircuitBreakerEventsService,
    private readonly signal: BreakerDegradedSignal,
  ) {}

  onModuleInit(): void {
    this.lines.register(
      'breaker_event',
      createLineHandler(BreakerEventCreateDto, (tenantId, items, rejected) =>
        this.events.recordBatch(tenantId, items, rejected),
      ),
    );
    this.degraded.add(() => this.signal.reasons());
  }
}
