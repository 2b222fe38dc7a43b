import { TestBed } from '@angular/core/testing';
import { type ChartConfiguration, type TooltipItem } from 'chart.js';

import { VIEWER_TIME_ZONE } from '../../../shared/format/format';
import { buildLatencyBars } from '../latency-view';
import { buildSummary } from '../operations.testing';
import { LatencyBarsChartComponent } from './latency-bars-chart.component';

jest.mock('chart.js', () => {
  const created: unknown[] = [];

  class RecordingChart {
    static created = created;
    static register = jest.fn();
    readonly update = jest.fn();
    readonly destroy = jest.fn();

    constructor(
      readonly ctx: unknown,
      readonly config: unknown,
    ) {
      created.push(this);
    }
  }

  return { ...jest.requireActual<object>('chart.js'), Chart: RecordingChart };
});

/** Configurations of the charts created since the test began. */
const created = jest.requireMock<{
  Chart: { created: { config: ChartConfiguration<'bar'> }[] };
}>('chart.js').Chart.created;

describe('LatencyBarsChartComponent', () => {
  beforeEach(() => {
    created.length = 0;
    jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockReturnValue({} as CanvasRenderingContext2D);
    TestBed.configureTestingModule({ providers: [{ provide: VIEWER_TIME_ZONE, useValue: 'UTC' }] });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  async function render(): Promise<ChartConfiguration<'bar'>> {
    const fixture = TestBed.createComponent(LatencyBarsChartComponent);
    const summary = buildSummary();
    fixture.componentRef.setInput('bars', buildLatencyBars(summary.latencyDistribution));
    fixture.componentRef.setInput('p95LatencyMs', summary.latencyDistribution.p95LatencyMs);
    fixture.componentRef.setInput('ariaLabel', 'Latency of recent runs');
    await fixture.whenStable();

    return created[0].config;
  }

  it('draws runs as shares of P95', async () => {
    const config = await render();
    const dataset = config.data.datasets[0];

    expect(dataset.data).toEqual([0.5, 1, 2]);
    const colours = dataset.backgroundColor as string[];
    expect(colours[0]).toBe(colours[1]);
    expect(colours[2]).not.toBe(colours[0]);
    expect(config.data.labels).toEqual(['11:00:00', '11:01:00', '11:02:00']);
  });

  it('names the run id and its latency in the tooltip', async () => {
    const config = await render();
    const callbacks = config.options!.plugins!.tooltip!.callbacks!;
    const item = { dataIndex: 2 } as TooltipItem<'bar'>;

    expect(callbacks.title!.call({} as never, [item])).toBe('Run run-3');
    expect(callbacks.label!.call({} as never, item)).toEqual([
      'Latency: 177 ms',
      '200% of P95',
      'Status: completed',
      'Dec 4, 2026, 11:02:00 UTC',
    ]);
  });

  it('marks P95 with a titled line', async () => {
    const config = await render();

    expect(config.options!.plugins!.p95Line?.label).toBe('P95 88.5 ms');
  });
});
