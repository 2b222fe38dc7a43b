export { IngestModule } from './ingest.module.js';
export { InteractionsService, type RecordedItems } from './interactions/interactions.service.js';
export { RespondService } from './respond/respond.service.js';
export { OutboxWorker } from './outbox/outbox-worker.service.js';
export { INTERACTION_EVENTS_TOPIC } from './ingest.constants.js';
export type {
  InteractionKind,
  InteractionRecord,
  OutcomeRules,
} from './recording/interaction-record.js';
