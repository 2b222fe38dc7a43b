import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';

import { type ChartSeries } from '../../shared/charts/chart-options';
import { LineChartComponent } from '../../shared/charts/line-chart.component';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { addDays } from '../filters/period';
import { layOutDayTrend } from './business-data';
import { injectBusinessData } from './business-resource';
import { DrillDownService } from './drill-down';
import { NO_IMPRESSIONS_HELP } from './empty-states';
import { dayAxisLabels } from './day-labels';
import { buildMarkers, groupAnnotationsByDay, injectTrendAnnotations } from './trend-annotations';
import { TrendDetailsComponent } from './trend-details.component';

/** Impressions and conversions per UTC day, with annotations drawn as markers. */
@Component({
  selector: 'app-daily-trend-panel',
  templateUrl: './daily-trend-panel.component.html',
  styleUrl: './business-panels.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, LineChartComponent, TrendDetailsComponent, ...FORMAT_PIPES],
})
export class DailyTrendPanelComponent {
  private readonly locale = inject(LOCALE_ID);
  private readonly drillDown = inject(DrillDownService);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly data = injectBusinessData('daily_trend');
  protected readonly emptyHelp = NO_IMPRESSIONS_HELP;

  protected readonly trend = computed(() => {
    const envelope = this.data.envelope();

    return envelope
      ? layOutDayTrend(envelope, [(row) => row.impressions, (row) => row.conversions])
      : undefined;
  });

  /** The panel's state, with a window of nothing but zeros shown as empty, not as flat lines. */
  protected readonly state = computed(() => {
    const state = this.data.state();

    return state === 'ready' && this.trend()?.hasData === false ? 'empty' : state;
  });

  protected readonly emptyMessage = computed(
    () => this.data.warning() ?? 'No impressions or conversions in this window.',
  );

  /** Annotations are loaded only for a chart that is drawn. */
  private readonly annotationData = injectTrendAnnotations(
    computed(() => (this.trend()?.hasData ? this.data.envelope()?.window : undefined)),
  );
  protected readonly annotationProblem = this.annotationData.problem;

  protected readonly days = computed(() => this.trend()?.days ?? []);
  protected readonly axis = computed(() => dayAxisLabels(this.days(), this.locale));

  protected readonly annotationsByDay = computed(() =>
    groupAnnotationsByDay(this.days(), this.annotationData.annotations()),
  );

  protected readonly markers = computed(() => buildMarkers(this.days(), this.annotationsByDay()));

  protected readonly series = computed<ChartSeries[]>(() => {
    const values = this.trend()?.values ?? [[], []];

    return [
      { label: 'Impressions', values: values[0] ?? [] },
      { label: 'Conversions', values: values[1] ?? [], secondaryAxis: true },
    ];
  });

  protected readonly tableColumns = [
    { label: 'Impressions', format: 'count' as const },
    { label: 'Conversions', format: 'count' as const },
  ];

  protected openDay(index: number): void {
    const day = this.days()[index];
    if (day === undefined) {
      return;
    }
    this.drillDown.open({
      title: `Interactions on ${this.axis().titles[index] ?? day}`,
      window: { from: day, to: addDays(day, 1) },
      segmentId: this.filters.segmentId(),
    });
  }
}
