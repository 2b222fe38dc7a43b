import { PIPELINE_STAGES, type PipelineStage, STAGE_BOUNDS } from './filter-rates.js';

/** The result of one stage for one candidate offer, as stored in `decision_traces.stage_results`. */
export interface StageResult {
  stage: PipelineStage;
  offerKey: string;
  passed: boolean;
  ruleId: string | null;
  reason: string | null;
}

/** The score a model gave one candidate, as stored in `decision_traces.scoring_results`. */
export interface ScoringResult {
  offerKey: string;
  modelKey: string;
  score: number;
  contributions: Record<string, number> | null;
}

/** One stage of the trace timeline: candidates in and out, and the rules that removed some. */
export interface TimelineStage {
  stage: PipelineStage;
  in: number;
  out: number;
  removed: number;
  /** Removals per rule as listed in the stage results, most first. */
  rules: { ruleId: string; removed: number }[];
  /** True on the scoring stage when scoring ran in a degraded mode. */
  degraded: boolean;
}

export type JourneyOutcome = 'removed' | 'passed' | 'selected';

/** The path of one candidate offer through the pipeline. */
export interface OfferJourney {
  offerKey: string;
  /** The last stage that reported on the offer (the one that removed it, if any). */
  lastStage: PipelineStage | null;
  outcome: JourneyOutcome;
  removedAt: PipelineStage | null;
  ruleId: string | null;
  reason: string | null;
  score: number | null;
  modelKey: string | null;
}

export type TraceFunnelCounts = Record<
  'initial' | 'afterQualification' | 'afterSuppression' | 'afterContactPolicy' | 'afterScoring',
  number
>;

/** Builds the stage timeline from the funnel counts, with per-rule removals from the stage results. */
export function buildTimeline(params: {
  funnel: TraceFunnelCounts;
  stageResults: StageResult[];
  degradedScoring: boolean;
}): TimelineStage[] {
  return PIPELINE_STAGES.map((stage) => {
    const { entering, leaving } = STAGE_BOUNDS[stage];
    const removedByRule = new Map<string, number>();
    for (const result of params.stageResults) {
      if (result.stage === stage && !result.passed && result.ruleId !== null) {
        removedByRule.set(result.ruleId, (removedByRule.get(result.ruleId) ?? 0) + 1);
      }
    }
    const rules = [...removedByRule.entries()]
      .map(([ruleId, removed]) => ({ ruleId, removed }))
      .sort((a, b) => b.removed - a.removed || a.ruleId.localeCompare(b.ruleId));
    return {
      stage,
      in: params.funnel[entering],
      out: params.funnel[leaving],
      removed: params.funnel[entering] - params.funnel[leaving],
      rules,
      degraded: stage === 'scoring' && params.degradedScoring,
    };
  });
}

/**
 * Builds one journey per candidate offer, in the order the offers first appear in the stage
 * results (then offers known only from scoring or selection). An offer's journey ends at the
 * first stage that removed it; a selected offer is `selected`, any other survivor `passed`.
 */
export function buildOfferJourneys(params: {
  stageResults: StageResult[];
  scoringResults: ScoringResult[];
  selectedOffers: string[];
}): OfferJourney[] {
  const selected = new Set(params.selectedOffers);
  const scores = new Map(params.scoringResults.map((result) => [result.offerKey, result]));
  const order = [
    ...params.stageResults.map((result) => result.offerKey),
    ...params.scoringResults.map((result) => result.offerKey),
    ...params.selectedOffers,
  ];

  return [...new Set(order)].map((offerKey) => {
    const results = params.stageResults
      .filter((result) => result.offerKey === offerKey)
      .sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
    const removal = results.find((result) => !result.passed) ?? null;
    const last = removal ?? results[results.length - 1] ?? null;
    const score = scores.get(offerKey) ?? null;
    return {
      offerKey,
      lastStage: last?.stage ?? null,
      outcome: removal ? 'removed' : selected.has(offerKey) ? 'selected' : 'passed',
      removedAt: removal?.stage ?? null,
      ruleId: removal?.ruleId ?? null,
      reason: removal?.reason ?? null,
      score: score?.score ?? null,
      modelKey: score?.modelKey ?? null,
    };
  });
}

function stageIndex(stage: PipelineStage): number {
  return PIPELINE_STAGES.indexOf(stage);
}

/** Reads stored stage results, skipping entries that do not have the recorded shape. */
export function readStageResults(value: unknown): StageResult[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((entry: unknown): StageResult[] => {
    if (!isRecord(entry) || !isStage(entry.stage) || typeof entry.offerKey !== 'string') {
      return [];
    }
    return [
      {
        stage: entry.stage,
        offerKey: entry.offerKey,
        passed: entry.passed === true,
        ruleId: typeof entry.ruleId === 'string' ? entry.ruleId : null,
        reason: typeof entry.reason === 'string' ? entry.reason : null,
      },
    ];
  });
}

/** Reads stored scoring results, skipping entries that do not have the recorded shape. */
export function readScoringResults(value: unknown): ScoringResult[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((entry: unknown): ScoringResult[] => {
    if (
      !isRecord(entry) ||
      typeof entry.offerKey !== 'string' ||
      typeof entry.modelKey !== 'string' ||
      typeof entry.score !== 'number'
    ) {
      return [];
    }
    const contributions = isRecord(entry.contributions)
      ? (entry.contributions as Record<string, number>)
      : null;
    return [
      { offerKey: entry.offerKey, modelKey: entry.modelKey, score: entry.score, contributions },
    ];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStage(value: unknown): value is PipelineStage {
  return typeof value === 'string' && (PIPELINE_STAGES as readonly string[]).includes(value);
}
