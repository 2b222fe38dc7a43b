import {
  buildOfferJourneys,
  buildTimeline,
  readScoringResults,
  readStageResults,
  type StageResult,
} from './trace-journey.js';

const REASON = 'frequency_cap exceeded: 3/day at scope global';

function result(
  overrides: Partial<StageResult> & Pick<StageResult, 'stage' | 'offerKey'>,
): StageResult {
  return { passed: true, ruleId: null, reason: null, ...overrides };
}

/** Four candidates: one fails qualification, one the frequency cap, two reach scoring. */
const STAGE_RESULTS: StageResult[] = [
  result({ stage: 'qualification', offerKey: 'offer_summer_promo' }),
  result({ stage: 'qualification', offerKey: 'card_upgrade' }),
  result({ stage: 'qualification', offerKey: 'loan_topup' }),
  result({
    stage: 'qualification',
    offerKey: 'travel_insurance',
    passed: false,
    ruleId: 'age_check',
    reason: 'age below 21',
  }),
  result({ stage: 'suppression', offerKey: 'offer_summer_promo' }),
  result({ stage: 'suppression', offerKey: 'card_upgrade' }),
  result({ stage: 'suppression', offerKey: 'loan_topup' }),
  result({
    stage: 'contactPolicy',
    offerKey: 'offer_summer_promo',
    passed: false,
    ruleId: 'frequency_cap',
    reason: REASON,
  }),
  result({ stage: 'contactPolicy', offerKey: 'card_upgrade' }),
  result({ stage: 'contactPolicy', offerKey: 'loan_topup' }),
  result({ stage: 'scoring', offerKey: 'card_upgrade' }),
  result({ stage: 'scoring', offerKey: 'loan_topup' }),
];

describe('buildOfferJourneys', () => {
  const journeys = buildOfferJourneys({
    stageResults: STAGE_RESULTS,
    scoringResults: [
      { offerKey: 'card_upgrade', modelKey: 'propensity-v3', score: 0.73, contributions: null },
      { offerKey: 'loan_topup', modelKey: 'propensity-v3', score: 0.41, contributions: null },
    ],
    selectedOffers: ['card_upgrade'],
  });
  const byOffer = new Map(journeys.map((journey) => [journey.offerKey, journey]));

  it('names the rule and reason that removed an offer', () => {
    expect(byOffer.get('offer_summer_promo')).toEqual({
      offerKey: 'offer_summer_promo',
      lastStage: 'contactPolicy',
      outcome: 'removed',
      removedAt: 'contactPolicy',
      ruleId: 'frequency_cap',
      reason: REASON,
      score: null,
      modelKey: null,
    });
  });

  it('stops a journey at its first removal', () => {
    const journey = byOffer.get('travel_insurance');
    expect(journey?.lastStage).toBe('qualification');
    expect(journey?.ruleId).toBe('age_check');
  });

  it('marks selected and passed survivors with their scores', () => {
    expect(byOffer.get('card_upgrade')).toMatchObject({
      lastStage: 'scoring',
      outcome: 'selected',
      ruleId: null,
      score: 0.73,
      modelKey: 'propensity-v3',
    });
    expect(byOffer.get('loan_topup')).toMatchObject({ outcome: 'passed', score: 0.41 });
  });

  it('keeps the order of first appearance', () => {
    expect(journeys.map((journey) => journey.offerKey)).toEqual([
      'offer_summer_promo',
      'card_upgrade',
      'loan_topup',
      'travel_insurance',
    ]);
  });

  it('lists an offer known only from selection', () => {
    const [journey] = buildOfferJourneys({
      stageResults: [],
      scoringResults: [],
      selectedOffers: ['fallback'],
    });
    expect(journey).toMatchObject({ offerKey: 'fallback', lastStage: null, outcome: 'selected' });
  });
});

describe('buildTimeline', () => {
  const timeline = buildTimeline({
    funnel: {
      initial: 4,
      afterQualification: 3,
      afterSuppression: 3,
      afterContactPolicy: 2,
      afterScoring: 2,
    },
    stageResults: STAGE_RESULTS,
    degradedScoring: true,
  });

  it('gives in and out counts per stage', () => {
    expect(timeline.map((stage) => [stage.stage, stage.in, stage.out, stage.removed])).toEqual([
      ['qualification', 4, 3, 1],
      ['suppression', 3, 3, 0],
      ['contactPolicy', 3, 2, 1],
      ['scoring', 2, 2, 0],
    ]);
  });

  it('counts removals per rule', () => {
    expect(timeline[2]?.rules).toEqual([{ ruleId: 'frequency_cap', removed: 1 }]);
    expect(timeline[1]?.rules).toEqual([]);
  });

  it('marks only the scoring stage as degraded', () => {
    expect(timeline.map((stage) => stage.degraded)).toEqual([false, false, false, true]);
  });
});

describe('readStageResults', () => {
  it('skips entries without the recorded shape', () => {
    const read = readStageResults([
      { stage: 'scoring', offerKey: 'a', passed: true },
      { stage: 'unknown', offerKey: 'b', passed: true },
      { stage: 'scoring', passed: false },
      'text',
    ]);
    expect(read).toEqual([
      { stage: 'scoring', offerKey: 'a', passed: true, ruleId: null, reason: null },
    ]);
  });

  it('reads a non-array as no results', () => {
    expect(readStageResults(null)).toEqual([]);
    expect(readScoringResults({})).toEqual([]);
  });
});
