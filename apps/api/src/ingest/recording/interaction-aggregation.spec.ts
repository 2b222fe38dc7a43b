import {
  aggregateInteractions,
  centsToDecimal,
  countsOf,
  emptyCounts,
  toCents,
} from './interaction-aggregation.js';
import type { InteractionRecord, OutcomeRules } from './interaction-record.js';

const rules: OutcomeRules = {
  outcomeTypes: new Map([
    ['click', { classification: 'positive', category: 'response' }],
    ['conversion', { classification: 'positive', category: 'response' }],
    ['dismiss', { classification: 'negative', category: 'response' }],
    ['defer', { classification: 'neutral', category: 'response' }],
    ['purchase', { classification: 'positive', category: 'response' }],
  ]),
  conversionKeys: new Set(['conversion', 'purchase']),
};

let sequence = 0;
function buildInteraction(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  sequence += 1;
  return {
    id: `id-${sequence}`,
    kind: 'impression',
    customerId: 'c1',
    offerKey: 'card',
    channelKey: 'email',
    creativeKey: null,
    outcomeKey: null,
    direction: 'outbound',
    conversionValue: null,
    recommendationId: null,
    rank: null,
    modelKey: null,
    score: null,
    occurredAt: new Date('2026-12-04T10:15:00Z'),
    context: null,
    ...overrides,
  };
}

describe('countsOf', () => {
  it('counts a recommendation', () => {
    expect(countsOf(buildInteraction({ kind: 'recommendation' }), rules)).toEqual({
      ...emptyCounts(),
      recommendations: 1,
    });
  });

  it('counts an impression, ignoring its outcome', () => {
    expect(
      countsOf(buildInteraction({ kind: 'impression', outcomeKey: 'conversion' }), rules),
    ).toEqual({
      ...emptyCounts(),
      impressions: 1,
    });
  });

  it('counts a negative response', () => {
    expect(countsOf(buildInteraction({ kind: 'response', outcomeKey: 'dismiss' }), rules)).toEqual({
      ...emptyCounts(),
      negative: 1,
    });
  });

  it('counts a conversion with its value', () => {
    const record = buildInteraction({
      kind: 'response',
      outcomeKey: 'purchase',
      conversionValue: 19.99,
    });
    expect(countsOf(record, rules)).toEqual({
      ...emptyCounts(),
      positive: 1,
      conversions: 1,
      conversionValueCents: 1999n,
    });
  });

  it('ignores the value of a response that is no conversion', () => {
    const record = buildInteraction({ kind: 'response', outcomeKey: 'click', conversionValue: 5 });
    expect(countsOf(record, rules)).toEqual({ ...emptyCounts(), positive: 1 });
  });

  it('throws on an unknown outcome type', () => {
    expect(() =>
      countsOf(buildInteraction({ kind: 'response', outcomeKey: 'clicked' }), rules),
    ).toThrow(/unknown outcome type: clicked/);
  });
});

describe('aggregateInteractions', () => {
  it('adds up summaries per customer, offer, channel and UTC day', () => {
    const { summaries } = aggregateInteractions(
      [
        buildInteraction({ kind: 'recommendation', occurredAt: new Date('2026-12-04T00:00:00Z') }),
        buildInteraction({ kind: 'impression', occurredAt: new Date('2026-12-04T23:59:59.999Z') }),
        buildInteraction({ kind: 'response', outcomeKey: 'conversion', conversionValue: 10.1 }),
        buildInteraction({ kind: 'response', outcomeKey: 'conversion', conversionValue: 0.2 }),
        buildInteraction({ kind: 'response', outcomeKey: 'defer' }),
        // Next UTC day, though the same local evening in America/New_York.
        buildInteraction({ kind: 'impression', occurredAt: new Date('2026-12-05T01:00:00Z') }),
        buildInteraction({ kind: 'impression', customerId: 'c2' }),
      ],
      rules,
    );

    expect(summaries).toEqual([
      {
        day: '2026-12-04',
        customerId: 'c1',
        offerKey: 'card',
        channelKey: 'email',
        recommendations: 1,
        impressions: 1,
        positive: 2,
        negative: 0,
        neutral: 1,
        conversions: 2,
        conversionValueCents: 1030n,
      },
      {
        day: '2026-12-04',
        customerId: 'c2',
        offerKey: 'card',
        channelKey: 'email',
        ...emptyCounts(),
        impressions: 1,
      },
      {
        day: '2026-12-05',
        customerId: 'c1',
        offerKey: 'card',
        channelKey: 'email',
        ...emptyCounts(),
        impressions: 1,
      },
    ]);
  });

  it('adds up rollups per offer, channel and UTC hour across customers', () => {
    const { rollups } = aggregateInteractions(
      [
        buildInteraction({ customerId: 'c1', occurredAt: new Date('2026-12-04T10:00:00Z') }),
        buildInteraction({ customerId: 'c2', occurredAt: new Date('2026-12-04T10:59:59.999Z') }),
        buildInteraction({ customerId: 'c3', occurredAt: new Date('2026-12-04T11:00:00Z') }),
        buildInteraction({ channelKey: 'sms', occurredAt: new Date('2026-12-04T10:30:00Z') }),
        buildInteraction({
          kind: 'response',
          outcomeKey: 'dismiss',
          occurredAt: new Date('2026-12-04T10:05:00Z'),
        }),
      ],
      rules,
    );

    expect(rollups).toEqual([
      {
        hour: new Date('2026-12-04T10:00:00Z'),
        offerKey: 'card',
        channelKey: 'email',
        ...emptyCounts(),
        impressions: 2,
        negative: 1,
      },
      {
        hour: new Date('2026-12-04T10:00:00Z'),
        offerKey: 'card',
        channelKey: 'sms',
        ...emptyCounts(),
        impressions: 1,
      },
      {
        hour: new Date('2026-12-04T11:00:00Z'),
        offerKey: 'card',
        channelKey: 'email',
        ...emptyCounts(),
        impressions: 1,
      },
    ]);
  });

  it('returns nothing for no interactions', () => {
    expect(aggregateInteractions([], rules)).toEqual({ summaries: [], rollups: [] });
  });
});

describe('cents', () => {
  it.each([
    [1.15, 115n],
    [0.29, 29n],
    [1_000_000_000_000, 100_000_000_000_000n],
    [0, 0n],
  ])('converts %d to %s cents', (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });

  it.each([
    [0n, '0.00'],
    [5n, '0.05'],
    [12345n, '123.45'],
    [100_000_000_000_000_001n, '1000000000000000.01'],
  ])('formats %s cents as %s', (cents, text) => {
    expect(centsToDecimal(cents)).toBe(text);
  });
});
