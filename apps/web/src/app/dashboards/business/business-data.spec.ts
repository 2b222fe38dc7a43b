import {
  type BusinessEnvelope,
  type DailyTrendRow,
  type OfferPerformanceRow,
  buildFunnelSteps,
  describeSegmentWarning,
  findZeroConversionOffers,
  hasConversionsWithoutRevenue,
  layOutDayTrend,
} from './business-data';

function trendEnvelope(
  data: DailyTrendRow[],
  overrides: Partial<BusinessEnvelope<DailyTrendRow>> = {},
): BusinessEnvelope<DailyTrendRow> {
  return {
    type: 'daily_trend',
    window: { from: '2026-11-28', to: '2026-12-05', days: 7 },
    segmentId: null,
    coverageFrom: '2026-11-01',
    data,
    ...overrides,
  };
}

function offer(overrides: Partial<OfferPerformanceRow> = {}): OfferPerformanceRow {
  return {
    offerKey: 'summer_promo',
    offerName: 'Summer promo',
    impressions: 1000,
    conversions: 30,
    conversionRate: 0.03,
    revenue: 450,
    ...overrides,
  };
}

const pickImpressions = (row: DailyTrendRow) => row.impressions;
const pickConversions = (row: DailyTrendRow) => row.conversions;

describe('layOutDayTrend', () => {
  it('covers every UTC day of the window in order', () => {
    const trend = layOutDayTrend(trendEnvelope([]), [pickImpressions]);

    expect(trend.days).toEqual([
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
    ]);
  });

  it('fills missing covered days with zero', () => {
    const trend = layOutDayTrend(
      trendEnvelope([
        { day: '2026-11-28', impressions: 120, conversions: 4 },
        { day: '2026-11-29', impressions: 0, conversions: 0 },
        { day: '2026-12-04', impressions: 80, conversions: 1 },
      ]),
      [pickImpressions, pickConversions],
    );

    expect(trend.values[0]).toEqual([120, 0, 0, 0, 0, 0, 80]);
    expect(trend.values[1]).toEqual([4, 0, 0, 0, 0, 0, 1]);
    expect(trend.hasData).toBe(true);
    expect(trend.coverageStartsAt).toBeNull();
  });

  it('leaves days before coverage as gaps, not zeros', () => {
    const trend = layOutDayTrend(
      trendEnvelope(
        [
          { day: '2026-12-02', impressions: 10, conversions: 0 },
          { day: '2026-12-03', impressions: 0, conversions: 0 },
          { day: '2026-12-04', impressions: 7, conversions: 2 },
        ],
        { coverageFrom: '2026-12-02' },
      ),
      [pickImpressions],
    );

    expect(trend.values[0]).toEqual([null, null, null, null, 10, 0, 7]);
    expect(trend.coverageStartsAt).toBe('2026-12-02');
  });

  it('treats a window of zeros as empty', () => {
    const zeros = ['2026-11-28', '2026-11-29'].map((day) => ({
      day,
      impressions: 0,
      conversions: 0,
    }));

    const trend = layOutDayTrend(trendEnvelope(zeros), [pickImpressions, pickConversions]);

    expect(trend.hasData).toBe(false);
  });

  it('reports no data without coverage, every day a gap', () => {
    const trend = layOutDayTrend(trendEnvelope([], { coverageFrom: null }), [pickImpressions]);

    expect(trend.hasData).toBe(false);
    expect(trend.values[0]).toEqual([null, null, null, null, null, null, null]);
  });

  it('uses the days of the rows when the response echoes no window', () => {
    const trend = layOutDayTrend(
      {
        data: [
          { day: '2026-12-02', impressions: 3, conversions: 0 },
          { day: '2026-12-01', impressions: 5, conversions: 1 },
        ],
      },
      [pickImpressions],
    );

    expect(trend.days).toEqual(['2026-12-01', '2026-12-02']);
    expect(trend.values[0]).toEqual([5, 3]);
  });
});

describe('describeSegmentWarning', () => {
  it('explains a segment without a view', () => {
    expect(describeSegmentWarning('segment view not materialized')).toContain(
      'This segment has no customer list yet',
    );
  });

  it('explains an unknown segment', () => {
    expect(describeSegmentWarning('unknown segmentId')).toContain('does not exist in this tenant');
  });

  it('shows an unlisted warning as it came', () => {
    expect(describeSegmentWarning('segment view dropped')).toBe(
      'The segment filter could not be applied: segment view dropped.',
    );
  });

  it('gives nothing without a warning', () => {
    expect(describeSegmentWarning(undefined)).toBeNull();
    expect(describeSegmentWarning(null)).toBeNull();
  });
});

describe('data hints', () => {
  it('finds offers with many impressions and no conversions', () => {
    const rows = [
      offer({ offerKey: 'a', impressions: 500, conversions: 0 }),
      offer({ offerKey: 'b', impressions: 99, conversions: 0 }),
      offer({ offerKey: 'c', impressions: 500, conversions: 2 }),
      offer({ offerKey: 'd', impressions: 100, conversions: 0 }),
    ];

    expect(findZeroConversionOffers(rows).map((row) => row.offerKey)).toEqual(['a', 'd']);
  });

  it('flags conversions without revenue', () => {
    expect(hasConversionsWithoutRevenue({ conversions: 12, revenue: 0 })).toBe(true);
    expect(hasConversionsWithoutRevenue({ conversions: 12, revenue: 99.5 })).toBe(false);
    expect(hasConversionsWithoutRevenue({ conversions: 0, revenue: 0 })).toBe(false);
    expect(hasConversionsWithoutRevenue({ conversions: null, revenue: null })).toBe(false);
  });
});

describe('buildFunnelSteps', () => {
  it('orders the stages and sizes each bar against the first', () => {
    const steps = buildFunnelSteps([
      { stage: 'conversions', count: 50, rateFromPrevious: 0.25 },
      { stage: 'recommendations', count: 1000, rateFromPrevious: null },
      { stage: 'positive_responses', count: 200, rateFromPrevious: 0.4 },
      { stage: 'impressions', count: 500, rateFromPrevious: 0.5 },
    ]);

    expect(steps.map((step) => step.label)).toEqual([
      'Recommendations',
      'Impressions',
      'Positive responses',
      'Conversions',
    ]);
    expect(steps.map((step) => step.shareOfFirst)).toEqual([1, 0.5, 0.2, 0.05]);
    expect(steps[3]?.rateFromPrevious).toBe(0.25);
  });

  it('gives no bar length when the first stage is zero', () => {
    const steps = buildFunnelSteps([
      { stage: 'recommendations', count: 0, rateFromPrevious: null },
      { stage: 'impressions', count: 5, rateFromPrevious: null },
    ]);

    expect(steps.map((step) => step.shareOfFirst)).toEqual([null, null]);
  });
});
