import {
  type DecisionTraceSummaryDto,
  type OfferJourneyDto,
  type TimelineStageDto,
} from '@kaireon/api-client';

import { type PipelineStage, isPipelineStage, stageLabel } from './pipeline-stages';

/**
 * View models of the trace explorer: list rows, the stage timeline and the per-offer journey
 * table, built from the API's trace DTOs.
 */

/** A rule that removed candidates, read from a `<stage>:<ruleId>` removal tag. */
export interface RemovalTag {
  readonly stage: PipelineStage | null;
  readonly stageLabel: string;
  readonly ruleId: string;
}

/** One row of the trace list. */
export interface TraceRow {
  readonly id: string;
  readonly occurredAt: string;
  readonly requestId: string;
  readonly customerId: string;
  readonly flowKey: string;
  readonly channelKey: string | null;
  readonly totalLatencyMs: number;
  /** Candidates before the first stage and selected at the end, e.g. "38 → 3". */
  readonly funnelText: string;
  readonly selectedOffers: readonly string[];
  readonly removals: readonly RemovalTag[];
  readonly degradedScoring: boolean;
}

/** What the detail view points out: the offer searched for and the stage and rule filtered by. */
export interface TraceFocus {
  readonly offerKey: string | null;
  readonly stage: PipelineStage | null;
  readonly ruleId: string | null;
}

/** One stage of the timeline. */
export interface TimelineRow {
  readonly stage: PipelineStage;
  readonly label: string;
  readonly in: number;
  readonly out: number;
  readonly removed: number;
  readonly rules: readonly { readonly ruleId: string; readonly removed: number }[];
  /** Scoring ran in a degraded mode (amber marker). */
  readonly degraded: boolean;
  /** The stage the list was filtered by. */
  readonly focused: boolean;
}

/** Display names of the journey outcomes. */
export const OUTCOME_LABELS: Record<OfferJourneyDto['outcome'], string> = {
  removed: 'Removed',
  passed: 'Passed, not selected',
  selected: 'Selected',
};

/** One row of the journey table: a candidate offer and how far it got. */
export interface JourneyRow {
  readonly offerKey: string;
  readonly outcome: OfferJourneyDto['outcome'];
  readonly outcomeLabel: string;
  /** The last stage that reported on the offer (the one that removed it, if any). */
  readonly lastStageLabel: string;
  readonly removedAtLabel: string;
  readonly ruleId: string | null;
  readonly reason: string | null;
  readonly score: number | null;
  readonly modelKey: string | null;
  /** The offer searched for (`offerKey` in the URL). */
  readonly searched: boolean;
  /** Removed at the stage, and by the rule, that the list was filtered by. */
  readonly matchesFilter: boolean;
}

/** Reads a `<stage>:<ruleId>` removal tag; rule ids may themselves contain colons. */
export function parseRemovalTag(tag: string): RemovalTag {
  const separator = tag.indexOf(':');
  const stageText = separator >= 0 ? tag.slice(0, separator) : '';
  const stage = isPipelineStage(stageText) ? stageText : null;

  return {
    stage,
    stageLabel: stage ? stageLabel(stage) : stageText || '—',
    ruleId: separator >= 0 ? tag.slice(separator + 1) : tag,
  };
}

/** Builds a list row from a trace summary. */
export function buildTraceRow(trace: DecisionTraceSummaryDto): TraceRow {
  return {
    id: trace.id,
    occurredAt: trace.occurredAt,
    requestId: trace.requestId,
    customerId: trace.customerId,
    flowKey: trace.flowKey,
    channelKey: trace.channelKey,
    totalLatencyMs: trace.totalLatencyMs,
    funnelText: `${trace.funnel.initial} → ${trace.funnel.final}`,
    selectedOffers: trace.selectedOffers,
    removals: trace.removalTags.map(parseRemovalTag),
    degradedScoring: trace.degradedScoring,
  };
}

/** Builds the stage timeline, marking the stage the list was filtered by. */
export function buildTimelineRows(
  timeline: readonly TimelineStageDto[],
  focus: TraceFocus,
): TimelineRow[] {
  return timeline.map((stage) => ({
    stage: stage.stage,
    label: stageLabel(stage.stage),
    in: stage.in,
    out: stage.out,
    removed: stage.removed,
    rules: stage.rules,
    degraded: stage.degraded,
    focused: stage.stage === focus.stage,
  }));
}

function matchesFilter(offer: OfferJourneyDto, focus: TraceFocus): boolean {
  if (offer.outcome !== 'removed' || (focus.stage === null && focus.ruleId === null)) {
    return false;
  }
  const stageMatches = focus.stage === null || offer.removedAt === focus.stage;
  const ruleMatches = focus.ruleId === null || offer.ruleId === focus.ruleId;

  return stageMatches && ruleMatches;
}

/**
 * Builds the journey table in the API's order (the order offers first appear in the stage
 * results), marking the searched offer and the offers removed by the filtered stage and rule.
 */
export function buildJourneyRows(
  offers: readonly OfferJourneyDto[],
  focus: TraceFocus,
): JourneyRow[] {
  return offers.map((offer) => ({
    offerKey: offer.offerKey,
    outcome: offer.outcome,
    outcomeLabel: OUTCOME_LABELS[offer.outcome],
    lastStageLabel: stageLabel(offer.lastStage),
    removedAtLabel: stageLabel(offer.removedAt),
    ruleId: offer.ruleId,
    reason: offer.reason,
    score: offer.score,
    modelKey: offer.modelKey,
    searched: focus.offerKey !== null && offer.offerKey === focus.offerKey,
    matchesFilter: matchesFilter(offer, focus),
  }));
}

/**
 * Returns one sentence on what happened to the searched offer, e.g. "offer_summer_promo was
 * removed at Contact Policy by rule frequency_cap: frequency_cap exceeded: 3/day.", or a sentence
 * saying the trace has no such candidate.
 */
export function describeSearchedOffer(rows: readonly JourneyRow[], offerKey: string): string {
  const row = rows.find((candidate) => candidate.offerKey === offerKey);
  if (!row) {
    return `${offerKey} was not a candidate in this trace.`;
  }
  if (row.outcome === 'selected') {
    return `${offerKey} was selected.`;
  }
  if (row.outcome === 'passed') {
    return `${offerKey} passed every stage it reached (last: ${row.lastStageLabel}) but was not selected.`;
  }
  const rule = row.ruleId !== null ? ` by rule ${row.ruleId}` : '';
  const reason = row.reason !== null ? `: ${row.reason}` : '';

  return `${offerKey} was removed at ${row.removedAtLabel}${rule}${reason}.`;
}
