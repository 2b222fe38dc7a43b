/**
 * Funnel averages and filter rates of the decision pipeline. Rates are ratios of sums over the
 * window's traces, so a trace with 200 candidates weighs 200 times more than one with a single
 * candidate. A mean of per-trace ratios would let small traces dominate.
 */

/** The filtering stages, in pipeline order. */
export const PIPELINE_STAGES = [
  'qualification',
  'suppression',
  'contactPolicy',
  'scoring',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Funnel count names, in pipeline order: the candidates before the first stage and after each. */
export const FUNNEL_KEYS = [
  'initial',
  'afterQualification',
  'afterSuppression',
  'afterContactPolicy',
  'afterScoring',
] as const;
export type FunnelKey = (typeof FUNNEL_KEYS)[number];

/** The funnel count before a stage and after it. */
export const STAGE_BOUNDS: Record<PipelineStage, { entering: FunnelKey; leaving: FunnelKey }> = {
  qualification: { entering: 'initial', leaving: 'afterQualification' },
  suppression: { entering: 'afterQualification', leaving: 'afterSuppression' },
  contactPolicy: { entering: 'afterSuppression', leaving: 'afterContactPolicy' },
  scoring: { entering: 'afterContactPolicy', leaving: 'afterScoring' },
};

/** Sums of the funnel counts over a window's traces. */
export type FunnelSums = { traceCount: number } & Record<FunnelKey, number>;

export type FunnelAverages = Record<FunnelKey, number | null>;

export type FilterRateBand = 'green' | 'amber' | 'red';

export interface FilterRate {
  /** Fraction of the initial candidates dropped by the end of the stage. */
  cumulative: number | null;
  /** Fraction of the candidates entering the stage that the stage dropped. */
  stage: number | null;
  band: FilterRateBand | null;
}

/** Cumulative rates below this are green. */
export const AMBER_FROM = 0.5;
/** Cumulative rates above this are red; 0.8 itself is still amber. */
export const RED_ABOVE = 0.8;

/** Colour of a cumulative filter rate: green below 0.5, amber from 0.5 to 0.8 inclusive, red above. */
export function filterRateBand(cumulative: number | null): FilterRateBand | null {
  if (cumulative === null) {
    return null;
  }
  if (cumulative < AMBER_FROM) {
    return 'green';
  }
  return cumulative <= RED_ABOVE ? 'amber' : 'red';
}

/** Average candidate count at each funnel point; null for every point when there are no traces. */
export function averageFunnel(sums: FunnelSums): FunnelAverages {
  const averages = {} as FunnelAverages;
  for (const key of FUNNEL_KEYS) {
    averages[key] = sums.traceCount === 0 ? null : sums[key] / sums.traceCount;
  }
  return averages;
}

/**
 * Filter rates of every stage as ratios of sums. A rate whose denominator is 0 (no traces, or
 * no candidates left to filter) is null, and so is its band.
 */
export function computeFilterRates(sums: FunnelSums): Record<PipelineStage, FilterRate> {
  const rates = {} as Record<PipelineStage, FilterRate>;
  for (const stage of PIPELINE_STAGES) {
    const { entering, leaving } = STAGE_BOUNDS[stage];
    const cumulative = rate(sums.initial - sums[leaving], sums.initial);
    rates[stage] = {
      cumulative,
      stage: rate(sums[entering] - sums[leaving], sums[entering]),
      band: filterRateBand(cumulative),
    };
  }
  return rates;
}

function rate(dropped: number, total: number): number | null {
  return total === 0 ? null : dropped / total;
}
