import { type Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type ChartConfiguration } from 'chart.js';

import { BarChartComponent } from './bar-chart.component';
import { LineChartComponent } from './line-chart.component';

/** What the stand-in for Chart.js's Chart records: jsdom cannot draw. */
interface RecordingChart {
  readonly config: ChartConfiguration;
  readonly data: ChartConfiguration['data'];
  readonly update: jest.Mock;
  readonly destroy: jest.Mock;
}

jest.mock('chart.js', () => {
  const created: unknown[] = [];

  class RecordingChartClass {
    static created = created;
    static register = jest.fn();
    readonly update = jest.fn();
    readonly destroy = jest.fn();

    constructor(
      readonly ctx: unknown,
      readonly config: { data: unknown },
    ) {
      created.push(this);
    }

    get data(): unknown {
      return this.config.data;
    }
  }

  return { ...jest.requireActual<object>('chart.js'), Chart: RecordingChartClass };
});

/** Charts created since the test began, oldest first. */
const created = jest.requireMock<{ Chart: { created: RecordingChart[] } }>('chart.js').Chart
  .created;

describe('chart wrappers', () => {
  beforeEach(() => {
    created.length = 0;
    jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockReturnValue({} as CanvasRenderingContext2D);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  async function render<T>(
    component: Type<T>,
    inputs: Record<string, unknown>,
  ): Promise<ComponentFixture<T>> {
    const fixture = TestBed.createComponent(component);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    await fixture.whenStable();

    return fixture;
  }

  it('creates the bar chart once and updates it in place', async () => {
    const fixture = await render(BarChartComponent, {
      ariaLabel: 'Accept rate by offer',
      format: 'rate',
      labels: ['Summer promo', 'Gold card'],
      series: [{ label: 'Accept rate', values: [0.12, 0.03] }],
    });

    expect(created).toHaveLength(1);
    const chart = created[0];
    expect(chart.config.type).toBe('bar');
    expect(chart.data.labels).toEqual(['Summer promo', 'Gold card']);
    expect(chart.data.datasets[0]?.data).toEqual([0.12, 0.03]);

    fixture.componentRef.setInput('labels', ['Summer promo', 'Gold card', 'Travel']);
    fixture.componentRef.setInput('series', [{ label: 'Accept rate', values: [0.1, 0.04, 0.2] }]);
    await fixture.whenStable();

    expect(created).toHaveLength(1);
    expect(chart.update).toHaveBeenCalled();
    expect(chart.data.labels).toEqual(['Summer promo', 'Gold card', 'Travel']);
    expect(chart.data.datasets[0]?.data).toEqual([0.1, 0.04, 0.2]);
    expect(fixture.componentInstance.chartDirective().chart).toBe(chart);
  });

  it('destroys the chart with the component', async () => {
    const fixture = await render(BarChartComponent, {
      ariaLabel: 'Effectiveness by channel',
      labels: ['Email'],
      series: [{ label: 'Effectiveness', values: [0.02] }],
    });
    const chart = created[0];

    fixture.destroy();

    expect(chart.destroy).toHaveBeenCalledTimes(1);
  });

  it('passes annotation markers to the line chart and updates them in place', async () => {
    const fixture = await render(LineChartComponent, {
      ariaLabel: 'Impressions per UTC day',
      labels: ['Dec 1', 'Dec 2'],
      series: [{ label: 'Impressions', values: [500, null] }],
      markers: [],
    });
    const chart = created[0];
    expect(chart.config.type).toBe('line');
    expect(chart.config.plugins?.map((plugin) => plugin.id)).toEqual(['annotationMarkers']);

    fixture.componentRef.setInput('markers', [{ index: 1, title: 'Frequency cap lowered' }]);
    await fixture.whenStable();

    expect(created).toHaveLength(1);
    expect(chart.config.options?.plugins?.annotationMarkers?.markers).toEqual([
      { index: 1, title: 'Frequency cap lowered' },
    ]);
    expect(chart.data.datasets[0]?.data).toEqual([500, null]);
  });

  it('labels the canvas for assistive technology', async () => {
    const fixture = await render(BarChartComponent, {
      ariaLabel: 'Effectiveness by channel',
      labels: [],
      series: [],
    });
    const canvas = (fixture.nativeElement as HTMLElement).querySelector('canvas')!;

    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('Effectiveness by channel');
  });
});
