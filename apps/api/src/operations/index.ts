export { OperationsModule } from './operations.module.js';
export { DecisionPipelineService, TOP_RULES_PER_STAGE } from './decision-pipeline.service.js';
export { LatencySummaryService, RECENT_RUNS_LIMIT } from './latency-summary.service.js';
export { TraceExplorerService } from './trace-explorer.service.js';
export {
  computeFilterRates,
  filterRateBand,
  type FilterRate,
  type FilterRateBand,
  type FunnelSums,
  PIPELINE_STAGES,
  type PipelineStage,
} from './filter-rates.js';
export {
  DEFAULT_WINDOW_HOURS,
  MAX_WINDOW_HOURS,
  parseWindowHours,
  windowHoursLabel,
} from './pipeline-window.js';
export type { DecisionPipelineDto } from './dto/decision-pipeline.dto.js';
export type { OperationsSummaryDto } from './dto/operations-summary.dto.js';
