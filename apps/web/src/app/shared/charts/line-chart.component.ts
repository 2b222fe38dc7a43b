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

import { type AnnotationMarker } from './annotation-markers.plugin';
import {
  type ChartSeries,
  type ChartValueFormat,
  buildLineData,
  buildLineOptions,
  readChartTheme,
} from './chart-options';
import { CHART_PROVIDERS, LINE_CHART_PLUGINS } from './chart-providers';

/**
 * Line chart over a category axis (days, hours), with annotations drawn as dashed vertical
 * markers titled at the top. The Chart.js chart is created once, updated in place when the inputs
 * change, and destroyed with the component.
 *
 * ```html
 * <app-line-chart ariaLabel="Impressions per day" categoryTitle="Day (UTC)" [labels]="days()"
 *   [series]="series()" [markers]="markers()" />
 * ```
 */
@Component({
  selector: 'app-line-chart',
  template: `<div class="chart-box" [style.height]="height()">
    <canvas
      baseChart
      type="line"
      role="img"
      [attr.aria-label]="ariaLabel()"
      [data]="data()"
      [options]="options()"
      [plugins]="plugins"
      (chartClick)="selectPoint($event.active)"
    ></canvas>
  </div>`,
  styleUrl: './chart.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective],
  providers: [CHART_PROVIDERS],
})
export class LineChartComponent {
  private readonly locale = inject(LOCALE_ID);
  private readonly theme = readChartTheme(inject(DOCUMENT).documentElement);

  protected readonly plugins = LINE_CHART_PLUGINS;

  /** Axis labels, one per point. */
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  readonly ariaLabel = input.required<string>();
  readonly format = input<ChartValueFormat>('count');
  /** Annotations to draw, by the index of the label they fall on. */
  readonly markers = input<readonly AnnotationMarker[]>([]);
  /** Tooltip title per point, e.g. the full day "Dec 1, 2026 UTC" when the axis shows "Dec 1". */
  readonly tooltipTitles = input<readonly string[]>();
  readonly categoryTitle = input<string>();
  readonly valueTitle = input<string>();
  /** Title of the right-hand axis, for series with `secondaryAxis`. */
  readonly secondaryValueTitle = input<string>();
  readonly height = input('16rem');

  /** Emits the index of a clicked point. */
  readonly pointSelect = output<number>();

  /** The ng2-charts directive; its `chart` is the Chart.js instance. */
  readonly chartDirective = viewChild.required(BaseChartDirective);

  protected readonly data = computed(() => buildLineData(this.labels(), this.series()));

  protected readonly options = computed(() =>
    buildLineOptions({
      format: this.format(),
      locale: this.locale,
      theme: this.theme,
      markers: this.markers(),
      tooltipTitles: this.tooltipTitles(),
      categoryTitle: this.categoryTitle(),
      valueTitle: this.valueTitle(),
      secondaryValueTitle: this.secondaryValueTitle(),
      showLegend: this.series().length > 1,
    }),
  );

  protected selectPoint(active: object[] | undefined): void {
    const first = active?.[0] as ActiveElement | undefined;
    if (first !== undefined) {
      this.pointSelect.emit(first.index);
    }
  }
}
