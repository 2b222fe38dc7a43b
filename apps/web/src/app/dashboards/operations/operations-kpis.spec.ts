import { buildOperationsKpis } from './operations-kpis';
import { buildSummary } from './operations.testing';

const LOCALE = 'en-US';

describe('buildOperationsKpis', () => {
  it('shows the four cards with units in their labels', () => {
    const kpis = buildOperationsKpis(buildSummary(), LOCALE);

    expect(kpis.map((kpi) => [kpi.label, kpi.value])).toEqual([
      ['Total Runs', '1,520'],
      ['Avg Latency (ms)', '41.2'],
      ['P95 Latency (ms)', '88.5'],
      ['Success Rate', '98.6%'],
    ]);
    expect(kpis[0].caption).toBe('1,498 completed, 22 failed');
    expect(kpis[3].caption).toBe('Completed / (completed + failed): 1,498 of 1,520');
    expect(kpis.some((kpi) => kpi.approximate)).toBe(false);
  });

  it('marks the P95 approximate when estimated from histograms', () => {
    const kpis = buildOperationsKpis(
      buildSummary({ source: 'rollups', approximate: true, relativeErrorBound: 0.118 }),
      LOCALE,
    );
    const p95 = kpis[2];

    expect(p95.approximate).toBe(true);
    expect(p95.value).toBe('≈ 88.5');
    expect(p95.caption).toContain('Approximate: estimated from hourly histograms, within ±11.8%');
  });

  it('shows missing latencies and rates as missing, not zero', () => {
    const summary = buildSummary();
    const kpis = buildOperationsKpis(
      {
        ...summary,
        kpis: {
          totalRuns: 0,
          completed: 0,
          failed: 0,
          avgLatencyMs: null,
          p95LatencyMs: null,
          successRate: null,
        },
      },
      LOCALE,
    );

    expect(kpis.map((kpi) => kpi.value)).toEqual(['0', null, null, null]);
  });
});
