import { toFunnelRows, toSummaryRows } from './business-data.mappers.js';

describe('toSummaryRows', () => {
  it('computes relative changes and rates', () => {
    const rows = toSummaryRows({
      current_rows: '5',
      impressions: '200',
      conversions: '10',
      revenue: '55.50',
      previous_rows: 3,
      previous_impressions: 100,
      previous_conversions: 10,
      previous_revenue: '0',
    });
    expect(rows).toEqual([
      { metric: 'impressions', current: 200, previous: 100, change: 1 },
      { metric: 'conversions', current: 10, previous: 10, change: 0 },
      { metric: 'conversionRate', current: 0.05, previous: 0.1, change: -0.5 },
      { metric: 'revenue', current: 55.5, previous: 0, change: null },
    ]);
  });

  it('gives null rates for zero impressions', () => {
    const rows = toSummaryRows({
      current_rows: 1,
      impressions: 0,
      conversions: 0,
      revenue: 0,
      previous_rows: 0,
    });
    expect(rows[2]).toEqual({
      metric: 'conversionRate',
      current: null,
      previous: null,
      change: null,
    });
  });

  it('returns no rows when neither window has data', () => {
    expect(toSummaryRows({ current_rows: 0, previous_rows: '0' })).toEqual([]);
  });
});

describe('toFunnelRows', () => {
  it('rates each stage against the previous one', () => {
    expect(
      toFunnelRows({
        row_count: 2,
        recommendations: 0,
        impressions: 5,
        positive: 2,
        conversions: 0,
      }),
    ).toEqual([
      { stage: 'recommendations', count: 0, rateFromPrevious: null },
      { stage: 'impressions', count: 5, rateFromPrevious: null },
      { stage: 'positive_responses', count: 2, rateFromPrevious: 0.4 },
      { stage: 'conversions', count: 0, rateFromPrevious: 0 },
    ]);
  });

  it('returns no rows for an empty window', () => {
    expect(toFunnelRows({ row_count: '0' })).toEqual([]);
  });
});
