import {
  type DecisionTraceDetailDto,
  type DecisionTraceListDto,
  type DecisionTraceSummaryDto,
  type OfferJourneyDto,
} from '@kaireon/api-client';

/** Id of the trace the builders describe. */
export const TEST_TRACE_ID = '0b6f4c1e-8d2a-4f3b-9c5d-7e8f9a0b1c2d';

/** Builds a trace summary as the list endpoint returns it, with fields overridden as needed. */
export function buildTraceSummary(
  overrides: Partial<DecisionTraceSummaryDto> = {},
): DecisionTraceSummaryDto {
  return {
    id: TEST_TRACE_ID,
    occurredAt: '2026-12-04T09:30:00Z',
    requestId: 'req-8c1f',
    customerId: 'cust-1042',
    flowKey: 'nba-main',
    channelKey: 'email',
    totalLatencyMs: 41.2,
    funnel: {
      initial: 4,
      afterQualification: 3,
      afterSuppression: 3,
      afterContactPolicy: 1,
      afterScoring: 1,
      final: 1,
    },
    selectedOffers: ['offer_gold_card'],
    degradedScoring: false,
    removalTags: ['qualification:min_age', 'contactPolicy:frequency_cap'],
    ...overrides,
  };
}

/** Builds an offer journey, removed at Contact Policy by frequency_cap unless overridden. */
export function buildJourney(overrides: Partial<OfferJourneyDto> = {}): OfferJourneyDto {
  return {
    offerKey: 'offer_summer_promo',
    lastStage: 'contactPolicy',
    outcome: 'removed',
    removedAt: 'contactPolicy',
    ruleId: 'frequency_cap',
    reason: 'frequency_cap exceeded: 3/day at scope global',
    score: null,
    modelKey: null,
    ...overrides,
  };
}

/**
 * Builds a trace detail: four candidates, one removed at qualification, two at contact policy
 * (offer_summer_promo among them), one selected.
 */
export function buildTraceDetail(
  overrides: Partial<DecisionTraceDetailDto> = {},
): DecisionTraceDetailDto {
  return {
    ...buildTraceSummary(),
    timeline: [
      {
        stage: 'qualification',
        in: 4,
        out: 3,
        removed: 1,
        rules: [{ ruleId: 'min_age', removed: 1 }],
        degraded: false,
      },
      { stage: 'suppression', in: 3, out: 3, removed: 0, rules: [], degraded: false },
      {
        stage: 'contactPolicy',
        in: 3,
        out: 1,
        removed: 2,
        rules: [{ ruleId: 'frequency_cap', removed: 2 }],
        degraded: false,
      },
      { stage: 'scoring', in: 1, out: 1, removed: 0, rules: [], degraded: true },
    ],
    offers: [
      buildJourney({
        offerKey: 'offer_travel_card',
        lastStage: 'qualification',
        removedAt: 'qualification',
        ruleId: 'min_age',
        reason: 'customer younger than 21',
      }),
      buildJourney(),
      buildJourney({ offerKey: 'offer_loan_topup', reason: 'frequency_cap exceeded: 1/week' }),
      buildJourney({
        offerKey: 'offer_gold_card',
        lastStage: 'scoring',
        outcome: 'selected',
        removedAt: null,
        ruleId: null,
        reason: null,
        score: 0.73,
        modelKey: 'propensity-v3',
      }),
    ],
    scoringResults: [{ offerKey: 'offer_gold_card', modelKey: 'propensity-v3', score: 0.73 }],
    experiment: { key: 'ranker-ab', variant: 'challenger' },
    degradedScoring: true,
    ...overrides,
  };
}

/** Builds one page of the trace list. */
export function buildTracePage(
  data: DecisionTraceSummaryDto[],
  page: Partial<DecisionTraceListDto['page']> = {},
): DecisionTraceListDto {
  return { data, page: { limit: 50, nextCursor: null, total: data.length, ...page } };
}
