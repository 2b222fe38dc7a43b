export { CircuitBreakersModule } from './circuit-breakers.module.js';
export { CircuitBreakerRegistry, type OpenBreaker } from './circuit-breaker.registry.js';
export { CircuitBreakerEventsService } from './circuit-breaker-events.service.js';
export {
  BREAKER_STATES,
  type BreakerState,
  type BreakerTransition,
  CircuitBreaker,
  type CircuitBreakerOptions,
  CircuitOpenError,
  DEFAULT_COOL_DOWN_MS,
  DEFAULT_FAILURE_THRESHOLD,
} from './circuit-breaker.js';
export {
  BreakerEventDto,
  BreakerEventListDto,
  BreakerHistoryQueryDto,
  BreakerStateDto,
  BreakerStateListDto,
} from './dto/breaker-event.dto.js';
