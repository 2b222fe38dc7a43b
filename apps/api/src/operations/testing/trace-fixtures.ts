/**
 * Builders of decision-trace bodies for the Operations integration tests. A test describes a
 * trace by its candidate offers and where each was removed. The funnel counts and stage results
 * of the body follow from that, so a test can sum the counts on its own.
 */

export const STAGES = ['qualification', 'suppression', 'contactPolicy', 'scoring'] as const;
export type Stage = (typeof STAGES)[number];

export interface CandidateSpec {
  offerKey: string;
  /** The removal of the offer, absent for an offer that passed every stage. */
  removedAt?: { stage: Stage; ruleId: string; reason: string };
}

export interface TraceSpec {
  occurredAt: string;
  requestId: string;
  customerId: string;
  totalLatencyMs: number;
  candidates: CandidateSpec[];
  /** Offers picked from the survivors; defaults to none. */
  selected?: string[];
  degradedScoring?: boolean;
}

export interface TraceBody {
  requestId: string;
  customerId: string;
  flowKey: string;
  channelKey: string;
  totalLatencyMs: number;
  occurredAt: string;
  funnel: Record<
    | 'initial'
    | 'afterQualification'
    | 'afterSuppression'
    | 'afterContactPolicy'
    | 'afterScoring'
    | 'final',
    number
  >;
  stageResults: {
    stage: Stage;
    offerKey: string;
    passed: boolean;
    ruleId?: string;
    reason?: string;
  }[];
  scoringResults: { offerKey: string; modelKey: string; score: number }[];
  selectedOffers: string[];
  degradedScoring: boolean;
}

/** Candidates still present after `stage` (every candidate not removed at it or before). */
export function survivorsAfter(candidates: CandidateSpec[], stage: Stage): number {
  const limit = STAGES.indexOf(stage);
  return candidates.filter(
    (candidate) => !candidate.removedAt || STAGES.indexOf(candidate.removedAt.stage) > limit,
  ).length;
}

export function traceBody(spec: TraceSpec): TraceBody {
  const stageResults: TraceBody['stageResults'] = [];
  for (const [position, stage] of STAGES.entries()) {
    for (const candidate of spec.candidates) {
      const removedAt = candidate.removedAt ? STAGES.indexOf(candidate.removedAt.stage) : 99;
      if (removedAt < position) {
        continue;
      }
      if (removedAt === position && candidate.removedAt) {
        const { ruleId, reason } = candidate.removedAt;
        stageResults.push({ stage, offerKey: candidate.offerKey, passed: false, ruleId, reason });
      } else {
        stageResults.push({ stage, offerKey: candidate.offerKey, passed: true });
      }
    }
  }
  const survivors = spec.candidates.filter((candidate) => !candidate.removedAt);
  const selected = spec.selected ?? [];
  return {
    requestId: spec.requestId,
    customerId: spec.customerId,
    flowKey: 'nba-main',
    channelKey: 'email',
    totalLatencyMs: spec.totalLatencyMs,
    occurredAt: spec.occurredAt,
    funnel: {
      initial: spec.candidates.length,
      afterQualification: survivorsAfter(spec.candidates, 'qualification'),
      afterSuppression: survivorsAfter(spec.candidates, 'suppression'),
      afterContactPolicy: survivorsAfter(spec.candidates, 'contactPolicy'),
      afterScoring: survivorsAfter(spec.candidates, 'scoring'),
      final: selected.length,
    },
    stageResults,
    scoringResults: survivors.map((candidate, index) => ({
      offerKey: candidate.offerKey,
      modelKey: 'propensity-v3',
      score: 0.9 - index * 0.1,
    })),
    selectedOffers: selected,
    degradedScoring: spec.degradedScoring ?? false,
  };
}

/** `count` candidates named `<prefix>_<n>` that pass every stage. */
export function passingCandidates(prefix: string, count: number): CandidateSpec[] {
  return Array.from({ length: count }, (_, index) => ({ offerKey: `${prefix}_${index + 1}` }));
}

/** `count` candidates named `<prefix>_<n>` removed at `stage` by `ruleId`. */
export function removedCandidates(
  prefix: string,
  count: number,
  removedAt: { stage: Stage; ruleId: string },
): CandidateSpec[] {
  return Array.from({ length: count }, (_, index) => ({
    offerKey: `${prefix}_${index + 1}`,
    removedAt: { ...removedAt, reason: `${removedAt.ruleId} removed it` },
  }));
}
