export { IngestDecisionsModule } from './ingest-decisions.module.js';
export {
  addLatencyHistograms,
  emptyLatencyHistogram,
  estimateLatencyPercentile,
  LATENCY_BUCKET_BOUNDS_MS,
  LATENCY_BUCKET_COUNT,
  LATENCY_BUCKET_FACTOR,
  LATENCY_PERCENTILE_RELATIVE_ERROR,
  latencyBucketIndex,
} from './latency-histogram.js';
export { TRACE_STAGES, type TraceStage } from './dto/decision-trace.dto.js';
export { DECISION_RUN_STATUSES, type DecisionRunStatus } from './dto/decision-run.dto.js';
export { createLineHandler, MAX_CLOCK_SKEW_MS, withIdempotencyHeader } from './telemetry-write.js';
export {
  IsIdentifier,
  IsInstant,
  IsIntegerBetween,
  IsNumberBetween,
  IsTelemetryKey,
  KEY_MAX_LENGTH,
} from './dto/telemetry-fields.js';
export {
  checkOccurredAt,
  chunk,
  type Preparation,
  type PreparedItem,
  prepareAll,
  preparedOrThrow,
  selectFresh,
} from './telemetry-write.js';
