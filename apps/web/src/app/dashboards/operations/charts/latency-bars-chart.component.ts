import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  LOCALE_ID,
  computed,
  inject,
  input,
} from '@angular/core';
import {
  type ChartData,
  type ChartOptions,
  type ChartType,
  type Plugin,
  type TooltipItem,
} from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

import {
  SERIES_COLORS,
  buildBarOptions,
  readChartTheme,
} from '../../../shared/charts/chart-options';
import { CHART_PROVIDERS } from '../../../shared/charts/chart-providers';
import {
  VIEWER_TIME_ZONE,
  formatDurationMs,
  formatRate,
  formatTimestamp,
} from '../../../shared/format/format';
import { type LatencyBar } from '../latency-view';

/** Colour of runs at or below P95, and of runs above it. */
const AT_OR_BELOW_P95_COLOR = SERIES_COLORS[0];
const ABOVE_P95_COLOR = SERIES_COLORS[1];

/** Options of the `p95Line` plugin, under `options.plugins.p95Line`. */
export interface P95LineOptions {
  readonly label: string;
  readonly color: string;
}

declare module 'chart.js' {
  // Declaration merging needs the same type parameter as chart.js's own interface.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    p95Line?: P95LineOptions;
  }
}

/** Draws a dashed horizontal line at 1 on the value axis (a run exactly at P95), titled. */
const p95LinePlugin: Plugin<'bar'> = {
  id: 'p95Line',
  afterDatasetsDraw(chart) {
    // The raw options, not Chart.js's resolved proxies, because they are plain data.
    const options = chart.config.options?.plugins?.p95Line;
    const yScale = chart.scales['y'];
    if (!options?.label || !options.color || !yScale) {
      return;
    }
    const { label, color } = options;
    const y = yScale.getPixelForValue(1);
    const { ctx, chartArea } = chart;
    if (!Number.isFinite(y) || y < chartArea.top || y > chartArea.bottom) {
      return;
    }
    ctx.save();
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(chartArea.left, y);
    ctx.lineTo(chartArea.right, y);
    ctx.stroke();
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(label, chartArea.right - 2, y - 2);
    ctx.restore();
  },
};

/**
 * Bar chart of recent runs, one bar per run, each as tall as its latency relative to the period's
 * P95. A dashed line marks P95, and runs above it are drawn in a second colour. The tooltip names
 * the run id, its latency, its share of P95, its status and its time.
 *
 * The shared bar wrapper shows only the plotted value in its tooltip, so this chart builds on the
 * shared option builders with its own tooltip and P95 line.
 */
@Component({
  selector: 'app-latency-bars-chart',
  template: `<div class="chart-box" [style.height]="height()">
    <canvas
      baseChart
      type="bar"
      role="img"
      [attr.aria-label]="ariaLabel()"
      [data]="data()"
      [options]="options()"
      [plugins]="plugins"
    ></canvas>
  </div>`,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }

    .chart-box {
      position: relative;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective],
  providers: [CHART_PROVIDERS],
})
export class LatencyBarsChartComponent {
  private readonly locale = inject(LOCALE_ID);
  private readonly timeZone = inject(VIEWER_TIME_ZONE);
  private readonly theme = readChartTheme(inject(DOCUMENT).documentElement);

  protected readonly plugins = [p95LinePlugin];

  /** Bars, oldest run first. */
  readonly bars = input.required<readonly LatencyBar[]>();
  readonly p95LatencyMs = input.required<number | null>();
  readonly ariaLabel = input.required<string>();
  readonly height = input('14rem');

  protected readonly data = computed<ChartData<'bar', number[], string>>(() => {
    const bars = this.bars();
    // The axis title names the zone, so the ticks show the time of day alone.
    const timeOfDay = new Intl.DateTimeFormat(this.locale, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone: this.timeZone,
    });

    return {
      labels: bars.map((bar) => timeOfDay.format(Date.parse(bar.occurredAt))),
      datasets: [
        {
          label: 'Latency relative to P95',
          data: bars.map((bar) => bar.relativeToP95),
          backgroundColor: bars.map((bar) =>
            bar.aboveP95 ? ABOVE_P95_COLOR : AT_OR_BELOW_P95_COLOR,
          ),
          borderWidth: 0,
          categoryPercentage: 0.95,
          barPercentage: 0.95,
        },
      ],
    };
  });

  protected readonly options = computed<ChartOptions<'bar'>>(() => {
    const base = buildBarOptions({
      format: 'rate',
      locale: this.locale,
      theme: this.theme,
      horizontal: false,
      valueTitle: 'Latency / P95',
      categoryTitle: `Run time (${this.timeZone})`,
      showLegend: false,
    });
    const bars = this.bars();
    const p95 = this.p95LatencyMs();

    return {
      ...base,
      scales: { ...base.scales, y: { ...base.scales?.['y'], suggestedMax: 1.2 } },
      plugins: {
        ...base.plugins,
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => {
              const bar = bars[items[0]?.dataIndex ?? -1];

              return bar ? `Run ${bar.runId}` : '';
            },
            label: (item: TooltipItem<'bar'>) => this.describeBar(bars[item.dataIndex]),
          },
        },
        p95Line: {
          label: `P95 ${formatDurationMs(p95, this.locale)}`,
          color: this.theme.marker,
        },
      },
    };
  });

  private describeBar(bar: LatencyBar | undefined): string[] {
    if (!bar) {
      return [];
    }

    return [
      `Latency: ${formatDurationMs(bar.latencyMs, this.locale)}`,
      `${formatRate(bar.relativeToP95, this.locale, { fractionDigits: 0 })} of P95`,
      `Status: ${bar.status}`,
      formatTimestamp(bar.occurredAt, this.locale, this.timeZone),
    ];
  }
}
