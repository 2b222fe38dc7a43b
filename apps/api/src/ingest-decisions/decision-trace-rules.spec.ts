import {
  buildRemovalDeltas,
  findTraceProblem,
  traceOfferKeys,
  traceRemovalTags,
} from './decision-trace-rules.js';
import type { DecisionTraceCreateDto } from './dto/decision-trace.dto.js';

function buildTrace(overrides: Partial<DecisionTraceCreateDto> = {}): DecisionTraceCreateDto {
  return {
    requestId: 'req-1',
    customerId: 'cust-1',
    flowKey: 'nba-main',
    totalLatencyMs: 12,
    funnel: {
      initial: 3,
      afterQualification: 2,
      afterSuppression: 2,
      afterContactPolicy: 1,
      afterScoring: 1,
      final: 1,
    },
    stageResults: [
      { stage: 'qualification', offerKey: 'a', passed: true },
      { stage: 'qualification', offerKey: 'b', passed: true },
      { stage: 'qualification', offerKey: 'c', passed: false, ruleId: 'age_min' },
      { stage: 'contactPolicy', offerKey: 'b', passed: false, ruleId: 'frequency_cap' },
    ],
    scoringResults: [{ offerKey: 'a', modelKey: 'm1', score: 0.4 }],
    selectedOffers: ['a'],
    ...overrides,
  };
}

describe('findTraceProblem', () => {
  it('accepts a consistent trace', () => {
    expect(findTraceProblem(buildTrace())).toBeNull();
  });

  it('names the first funnel count that grows', () => {
    const trace = buildTrace({
      funnel: {
        initial: 3,
        afterQualification: 2,
        afterSuppression: 2,
        afterContactPolicy: 1,
        afterScoring: 2,
        final: 2,
      },
    });
    expect(findTraceProblem(trace)).toEqual({
      field: 'funnel.afterScoring',
      value: 2,
      reason: 'must be at most funnel.afterContactPolicy (1): candidates never increase',
    });
  });

  it('requires the rule of a removal', () => {
    const trace = buildTrace({
      stageResults: [{ stage: 'suppression', offerKey: 'a', passed: false }],
    });
    expect(findTraceProblem(trace)?.field).toBe('stageResults.0.ruleId');
  });

  it('rejects an offer listed twice in one stage', () => {
    const trace = buildTrace({
      stageResults: [
        { stage: 'scoring', offerKey: 'a', passed: true },
        { stage: 'qualification', offerKey: 'a', passed: true },
        { stage: 'scoring', offerKey: 'a', passed: false, ruleId: 'low_score' },
      ],
    });
    expect(findTraceProblem(trace)).toMatchObject({ field: 'stageResults.2.offerKey', value: 'a' });
  });
});

describe('trace filters', () => {
  it('collects offer keys from every part of the trace', () => {
    expect(traceOfferKeys(buildTrace({ selectedOffers: ['z'] }))).toEqual(['a', 'b', 'c', 'z']);
  });

  it('tags each removal as stage and rule once', () => {
    const trace = buildTrace();
    trace.stageResults.push({
      stage: 'contactPolicy',
      offerKey: 'c',
      passed: false,
      ruleId: 'frequency_cap',
    });
    expect(traceRemovalTags(trace)).toEqual([
      'contactPolicy:frequency_cap',
      'qualification:age_min',
    ]);
  });
});

describe('buildRemovalDeltas', () => {
  it('counts removals per hour, stage, rule and offer', () => {
    const deltas = buildRemovalDeltas([
      { occurredAt: new Date('2026-12-04T10:05:00Z'), trace: buildTrace() },
      { occurredAt: new Date('2026-12-04T10:55:00Z'), trace: buildTrace() },
      { occurredAt: new Date('2026-12-04T11:00:00Z'), trace: buildTrace() },
    ]);
    const rows = deltas.map((delta) => [
      delta.hour.toISOString(),
      delta.stage,
      delta.ruleId,
      delta.offerKey,
      delta.removed,
    ]);
    expect(rows).toEqual([
      ['2026-12-04T10:00:00.000Z', 'qualification', 'age_min', 'c', 2],
      ['2026-12-04T10:00:00.000Z', 'contactPolicy', 'frequency_cap', 'b', 2],
      ['2026-12-04T11:00:00.000Z', 'qualification', 'age_min', 'c', 1],
      ['2026-12-04T11:00:00.000Z', 'contactPolicy', 'frequency_cap', 'b', 1],
    ]);
  });
});
