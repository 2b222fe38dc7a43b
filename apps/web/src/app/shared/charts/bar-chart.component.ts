import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  LOCALE_ID,
  computed,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { type ActiveElement } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

import {
  type ChartSeries,
  type ChartValueFormat,
  buildBarData,
  buildBarOptions,
  readChartTheme,
} from './chart-options';
import { CHART_PROVIDERS } from './chart-providers';

/**
 * Bar chart. The Chart.js chart is created once, when the canvas first renders; later input
 * changes update that chart in place (ng2-charts copies the new data and options into it), and the
 * chart is destroyed with the component.
 *
 * ```html
 * <app-bar-chart ariaLabel="Accept rate by offer" format="rate" [labels]="names()"
 *   [series]="[{ label: 'Accept rate', values: rates() }]" (barSelect)="drillDown($event)" />
 * ```
 */
@Component({
  selector: 'app-bar-chart',
  template: `<div class="chart-box" [style.height]="height()">
    <canvas
      baseChart
      type="bar"
      role="img"
      [attr.aria-label]="ariaLabel()"
      [data]="data()"
      [options]="options()"
      (chartClick)="selectBar($event.active)"
    ></canvas>
  </div>`,
  styleUrl: './chart.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective],
  providers: [CHART_PROVIDERS],
})
export class BarChartComponent {
  private readonly locale = inject(LOCALE_ID);
  private readonly theme = readChartTheme(inject(DOCUMENT).documentElement);

  /** Category names, one per bar (or per group of bars). */
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  /** Text alternative of the canvas; put the figures in a table next to the chart as well. */
  readonly ariaLabel = input.required<string>();
  readonly format = input<ChartValueFormat>('count');
  /** Bars run left to right with the categories down the side (suits long offer names). */
  readonly horizontal = input(false);
  readonly valueTitle = input<string>();
  /** CSS height of the chart box. */
  readonly height = input('16rem');

  /** Emits the category index of a clicked bar. */
  readonly barSelect = output<number>();

  /** The ng2-charts directive; its `chart` is the Chart.js instance. */
  readonly chartDirective = viewChild.required(BaseChartDirective);

  protected readonly data = computed(() => buildBarData(this.labels(), this.series()));

  protected readonly options = computed(() =>
    buildBarOptions({
      format: this.format(),
      locale: this.locale,
      theme: this.theme,
      horizontal: this.horizontal(),
      valueTitle: this.valueTitle(),
      showLegend: this.series().length > 1,
    }),
  );

  protected selectBar(active: object[] | undefined): void {
    const first = active?.[0] as ActiveElement | undefined;
    if (first !== undefined) {
      this.barSelect.emit(first.index);
    }
  }
}
