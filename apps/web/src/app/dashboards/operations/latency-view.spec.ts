import { buildLatencyBars, buildLatencyTrend, hourIndex } from './latency-view';
import { buildRun, buildSummary } from './operations.testing';

describe('buildLatencyBars', () => {
  it('scales each run against the period P95, oldest first', () => {
    const bars = buildLatencyBars(buildSummary().latencyDistribution);

    expect(bars.map((bar) => bar.runId)).toEqual(['run-1', 'run-2', 'run-3']);
    expect(bars.map((bar) => bar.relativeToP95)).toEqual([0.5, 1, 2]);
    expect(bars.map((bar) => bar.aboveP95)).toEqual([false, false, true]);
  });

  it('keeps the run id, latency, status and time for the tooltip', () => {
    const [bar] = buildLatencyBars({
      p95LatencyMs: 50,
      runs: [buildRun({ id: 'run-9', latencyMs: 25, status: 'failed' })],
    });

    expect(bar).toEqual({
      runId: 'run-9',
      latencyMs: 25,
      occurredAt: '2026-12-04T11:00:00Z',
      status: 'failed',
      relativeToP95: 0.5,
      aboveP95: false,
    });
  });

  it('scales against the slowest run without a P95', () => {
    const bars = buildLatencyBars({
      p95LatencyMs: null,
      runs: [buildRun({ latencyMs: 30 }), buildRun({ id: 'run-2', latencyMs: 60 })],
    });

    expect(bars.map((bar) => bar.relativeToP95)).toEqual([1, 0.5]);
    expect(bars.some((bar) => bar.aboveP95)).toBe(false);
  });

  it('gives zero height when every latency is zero', () => {
    const bars = buildLatencyBars({ p95LatencyMs: 0, runs: [buildRun({ latencyMs: 0 })] });

    expect(bars[0].relativeToP95).toBe(0);
  });

  it('returns no bars without runs', () => {
    expect(buildLatencyBars({ p95LatencyMs: null, runs: [] })).toEqual([]);
  });
});

describe('buildLatencyTrend', () => {
  const trend = buildSummary().latencyTrend;

  it('finds the hour an instant falls in', () => {
    expect(hourIndex(trend, '2026-12-04T09:00:00Z')).toBe(0);
    expect(hourIndex(trend, '2026-12-04T11:59:59Z')).toBe(2);
    expect(hourIndex(trend, '2026-12-04T12:00:00Z')).toBe(-1);
    expect(hourIndex(trend, '2026-12-04T08:59:59Z')).toBe(-1);
  });

  it('plots P50 and P99 with gaps for hours without runs', () => {
    const view = buildLatencyTrend(trend, 'en-US', 'UTC');

    expect(view.series).toEqual([
      { label: 'P50 (ms)', values: [40, null, 42] },
      { label: 'P99 (ms)', values: [120, null, 180] },
    ]);
  });

  it('labels hours in the viewer zone and names it in the tooltip', () => {
    const view = buildLatencyTrend(trend, 'en-US', 'Europe/Berlin');

    expect(view.labels).toEqual(['Dec 4, 10:00', 'Dec 4, 11:00', 'Dec 4, 12:00']);
    expect(view.tooltipTitles[0]).toBe('Fri, Dec 4, 2026, 10:00 Europe/Berlin');
  });

  it('draws annotations as markers at their hour and drops those outside', () => {
    const view = buildLatencyTrend(
      {
        ...trend,
        annotations: [
          ...trend.annotations,
          {
            id: 'a0',
            occurredAt: '2026-11-01T00:00:00Z',
            kind: 'deploy',
            title: 'Deploy 41',
            source: 'ci',
          },
        ],
      },
      'en-US',
      'UTC',
    );

    expect(view.markers).toEqual([{ index: 2, title: 'frequency cap 3/day added' }]);
    expect(view.annotations.map((annotation) => annotation.id)).toEqual(['a1']);
  });
});
