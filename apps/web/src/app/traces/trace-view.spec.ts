import {
  buildJourneyRows,
  buildTimelineRows,
  buildTraceRow,
  describeSearchedOffer,
  parseRemovalTag,
} from './trace-view';
import { buildJourney, buildTraceDetail, buildTraceSummary } from './traces.testing';

const NO_FOCUS = { offerKey: null, stage: null, ruleId: null };

describe('trace view models', () => {
  it('reads removal tags, rule ids with colons included', () => {
    expect(parseRemovalTag('contactPolicy:frequency_cap')).toEqual({
      stage: 'contactPolicy',
      stageLabel: 'Contact Policy',
      ruleId: 'frequency_cap',
    });
    expect(parseRemovalTag('scoring:model:v2')).toEqual({
      stage: 'scoring',
      stageLabel: 'Scoring',
      ruleId: 'model:v2',
    });
    expect(parseRemovalTag('ranking:top_n').stage).toBeNull();
  });

  it('summarises a trace for the list', () => {
    const row = buildTraceRow(buildTraceSummary());

    expect(row.funnelText).toBe('4 → 1');
    expect(row.removals.map((removal) => `${removal.stageLabel}/${removal.ruleId}`)).toEqual([
      'Qualification/min_age',
      'Contact Policy/frequency_cap',
    ]);
  });

  it('marks the filtered stage and the degraded scoring stage in the timeline', () => {
    const rows = buildTimelineRows(buildTraceDetail().timeline, {
      ...NO_FOCUS,
      stage: 'contactPolicy',
    });

    expect(rows.map((row) => `${row.label} ${row.in}→${row.out}`)).toEqual([
      'Qualification 4→3',
      'Suppression 3→3',
      'Contact Policy 3→1',
      'Scoring 1→1',
    ]);
    expect(rows.filter((row) => row.focused).map((row) => row.stage)).toEqual(['contactPolicy']);
    expect(rows.filter((row) => row.degraded).map((row) => row.stage)).toEqual(['scoring']);
  });

  it('builds one journey row per candidate with the rule that removed it', () => {
    const rows = buildJourneyRows(buildTraceDetail().offers, NO_FOCUS);

    expect(
      rows.map((row) => [row.offerKey, row.outcomeLabel, row.lastStageLabel, row.ruleId]),
    ).toEqual([
      ['offer_travel_card', 'Removed', 'Qualification', 'min_age'],
      ['offer_summer_promo', 'Removed', 'Contact Policy', 'frequency_cap'],
      ['offer_loan_topup', 'Removed', 'Contact Policy', 'frequency_cap'],
      ['offer_gold_card', 'Selected', 'Scoring', null],
    ]);
    expect(rows[1].reason).toBe('frequency_cap exceeded: 3/day at scope global');
    expect(rows.some((row) => row.searched || row.matchesFilter)).toBe(false);
  });

  it('marks the searched offer and the removals the filter selects', () => {
    const rows = buildJourneyRows(buildTraceDetail().offers, {
      offerKey: 'offer_summer_promo',
      stage: 'contactPolicy',
      ruleId: 'frequency_cap',
    });

    expect(rows.filter((row) => row.searched).map((row) => row.offerKey)).toEqual([
      'offer_summer_promo',
    ]);
    expect(rows.filter((row) => row.matchesFilter).map((row) => row.offerKey)).toEqual([
      'offer_summer_promo',
      'offer_loan_topup',
    ]);
  });

  it('matches a rule filter at any stage', () => {
    const rows = buildJourneyRows(buildTraceDetail().offers, { ...NO_FOCUS, ruleId: 'min_age' });

    expect(rows.filter((row) => row.matchesFilter).map((row) => row.offerKey)).toEqual([
      'offer_travel_card',
    ]);
  });

  it.each([
    [
      'offer_summer_promo',
      'offer_summer_promo was removed at Contact Policy by rule frequency_cap: frequency_cap ' +
        'exceeded: 3/day at scope global.',
    ],
    ['offer_gold_card', 'offer_gold_card was selected.'],
    ['offer_unknown', 'offer_unknown was not a candidate in this trace.'],
  ])('describes what happened to %s', (offerKey, sentence) => {
    const rows = buildJourneyRows(buildTraceDetail().offers, NO_FOCUS);

    expect(describeSearchedOffer(rows, offerKey)).toBe(sentence);
  });

  it('describes an offer that passed without being selected', () => {
    const rows = buildJourneyRows(
      [buildJourney({ outcome: 'passed', lastStage: 'scoring', removedAt: null, ruleId: null })],
      NO_FOCUS,
    );

    expect(describeSearchedOffer(rows, 'offer_summer_promo')).toBe(
      'offer_summer_promo passed every stage it reached (last: Scoring) but was not selected.',
    );
  });
});
