export { DeadLetterModule } from './dead-letter.module.js';
export { DeadLetterService, MAX_RETRY_EVENTS } from './dead-letter.service.js';
export { dlqAlertLevel } from './dead-letter-depth.js';
export type {
  DeadLetterAlert,
  DeadLetterDepth,
  DeadLetterDepthPoint,
  DeadLetterEvent,
  DeadLetterRecord,
  DeadLetterRetryHandler,
  DeadLetterRetryResult,
  DeadLetterSelection,
} from './dead-letter.types.js';
