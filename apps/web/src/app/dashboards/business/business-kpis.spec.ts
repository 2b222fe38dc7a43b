import { type SummaryRow } from './business-data';
import { buildKpis, formatPointChange } from './business-kpis';

const SUMMARY: SummaryRow[] = [
  { metric: 'revenue', current: 12500.5, previous: 10000, change: 0.25005 },
  { metric: 'impressions', current: 40000, previous: 32000, change: 0.25 },
  { metric: 'conversionRate', current: 0.025, previous: 0.03125, change: -0.2 },
  { metric: 'conversions', current: 1000, previous: 1000, change: 0 },
];

describe('buildKpis', () => {
  const kpis = buildKpis(SUMMARY, 'en-US');

  it('orders the cards impressions, conversions, rate, revenue', () => {
    expect(kpis.map((kpi) => kpi.label)).toEqual([
      'Impressions',
      'Conversions',
      'Conversion rate',
      'Revenue',
    ]);
  });

  it('shows the rate as a percentage and counts with grouping', () => {
    expect(kpis.map((kpi) => kpi.value)).toEqual(['40,000', '1,000', '2.5%', '12,500.5']);
  });

  it('passes the relative change on for the arrow', () => {
    expect(kpis.map((kpi) => kpi.change)).toEqual([0.25, 0, -0.2, 0.25005]);
  });

  it('names the previous value, and the rate change in points', () => {
    expect(kpis[0]?.caption).toBe('Previous period: 32,000');
    expect(kpis[2]?.caption).toBe('Previous period: 3.1% (-0.6 pp)');
  });

  it('drills into the interactions each figure counts', () => {
    expect(kpis.map((kpi) => kpi.figure)).toEqual([
      'impressions',
      'conversions',
      'interactions',
      'conversions',
    ]);
  });

  it('shows a missing value as null and skips a missing metric', () => {
    const partial = buildKpis(
      [{ metric: 'conversionRate', current: null, previous: null, change: null }],
      'en-US',
    );

    expect(partial).toHaveLength(1);
    expect(partial[0]?.value).toBeNull();
    expect(partial[0]?.caption).toBe('Previous period: no value');
  });
});

describe('formatPointChange', () => {
  it('writes signed percentage points', () => {
    expect(formatPointChange(0.125, 0.1, 'en-US')).toBe('+2.5 pp');
    expect(formatPointChange(0.1, 0.1, 'en-US')).toBe('0.0 pp');
  });
});
