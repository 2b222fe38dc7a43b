import { hourOf } from './decision-run-rollups.js';
import {
  type DecisionTraceCreateDto,
  MAX_TRACE_CANDIDATES,
  type TraceFunnelDto,
  type TraceStage,
} from './dto/decision-trace.dto.js';

/** A failed consistency check of a trace: the field at fault, its value and why. */
export interface TraceProblem {
  field: string;
  value: unknown;
  reason: string;
}

/** Funnel counts in pipeline order; each must be at most the one before it. */
const FUNNEL_ORDER: (keyof TraceFunnelDto)[] = [
  'initial',
  'afterQualification',
  'afterSuppression',
  'afterContactPolicy',
  'afterScoring',
  'final',
];

/**
 * Checks what field validators cannot: the funnel never grows, every removal names its rule,
 * a stage lists each offer once, and the trace describes at most `MAX_TRACE_CANDIDATES` offers.
 * Returns the first problem, or null.
 */
export function findTraceProblem(trace: DecisionTraceCreateDto): TraceProblem | null {
  for (let position = 1; position < FUNNEL_ORDER.length; position++) {
    const previous = FUNNEL_ORDER[position - 1];
    const current = FUNNEL_ORDER[position];
    if (trace.funnel[current] > trace.funnel[previous]) {
      return {
        field: `funnel.${current}`,
        value: trace.funnel[current],
        reason: `must be at most funnel.${previous} (${trace.funnel[previous]}): candidates never increase`,
      };
    }
  }
  return findStageResultProblem(trace) ?? findCandidateCountProblem(trace);
}

function findStageResultProblem(trace: DecisionTraceCreateDto): TraceProblem | null {
  const seen = new Set<string>();
  for (const [position, result] of trace.stageResults.entries()) {
    if (!result.passed && result.ruleId === undefined) {
      return {
        field: `stageResults.${position}.ruleId`,
        value: undefined,
        reason: 'is required when passed is false: name the rule that removed the offer',
      };
    }
    const key = JSON.stringify([result.stage, result.offerKey]);
    if (seen.has(key)) {
      return {
        field: `stageResults.${position}.offerKey`,
        value: result.offerKey,
        reason: `appears twice in stage ${result.stage}; list each offer once per stage`,
      };
    }
    seen.add(key);
  }
  return null;
}

function findCandidateCountProblem(trace: DecisionTraceCreateDto): TraceProblem | null {
  const offers = new Set(trace.stageResults.map((result) => result.offerKey));
  if (offers.size > MAX_TRACE_CANDIDATES) {
    return {
      field: 'stageResults',
      value: `${offers.size} offers`,
      reason: `must describe at most ${MAX_TRACE_CANDIDATES} candidate offers`,
    };
  }
  return null;
}

/** Returns every offer key the trace mentions, sorted, for the offer filter. */
export function traceOfferKeys(trace: DecisionTraceCreateDto): string[] {
  const keys = new Set<string>([
    ...trace.stageResults.map((result) => result.offerKey),
    ...(trace.scoringResults ?? []).map((result) => result.offerKey),
    ...(trace.selectedOffers ?? []),
  ]);
  return [...keys].sort();
}

/** Returns `<stage>:<ruleId>` of every removal, without repeats and sorted, for the stage-and-rule filter. */
export function traceRemovalTags(trace: DecisionTraceCreateDto): string[] {
  const tags = new Set(
    trace.stageResults
      .filter((result) => !result.passed)
      .map((result) => `${result.stage}:${result.ruleId}`),
  );
  return [...tags].sort();
}

/** Removal counts that a set of traces adds to one hourly rollup row. */
export interface TraceRemovalDelta {
  hour: Date;
  stage: TraceStage;
  ruleId: string;
  offerKey: string;
  removed: number;
}

/** Counts removals per hour, stage, rule and offer; each key appears once. */
export function buildRemovalDeltas(
  traces: { occurredAt: Date; trace: DecisionTraceCreateDto }[],
): TraceRemovalDelta[] {
  const deltas = new Map<string, TraceRemovalDelta>();
  for (const { occurredAt, trace } of traces) {
    const hour = hourOf(occurredAt);
    for (const result of trace.stageResults) {
      if (result.passed || result.ruleId === undefined) {
        continue;
      }
      const key = JSON.stringify([hour.getTime(), result.stage, result.ruleId, result.offerKey]);
      const delta = deltas.get(key);
      if (delta) {
        delta.removed += 1;
      } else {
        deltas.set(key, {
          hour,
          stage: result.stage,
          ruleId: result.ruleId,
          offerKey: result.offerKey,
          removed: 1,
        });
      }
    }
  }
  return [...deltas.values()];
}
