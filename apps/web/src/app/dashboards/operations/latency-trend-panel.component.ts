import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  input,
} from '@angular/core';
import { type OperationsSummaryDto } from '@kaireon/api-client';

import { LineChartComponent } from '../../shared/charts/line-chart.component';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { VIEWER_TIME_ZONE } from '../../shared/format/format';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { StatusBadgeComponent } from '../../shared/ui/status-badge.component';
import { NO_RUNS_HELP } from './empty-states';
import { buildLatencyTrend } from './latency-view';
import { describeApproximation } from './operations-kpis';
import { type PanelRequest, panelStateOf } from './panel-request';

/**
 * Latency Trend (7 days): hourly P50 and P99 of run latency, whatever the period, with
 * annotations (deploys, policy changes) drawn as markers and listed under the chart.
 */
@Component({
  selector: 'app-latency-trend-panel',
  templateUrl: './latency-trend-panel.component.html',
  styleUrls: ['./operations-panels.css', './latency-trend-panel.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, LineChartComponent, StatusBadgeComponent, ...FORMAT_PIPES],
})
export class LatencyTrendPanelComponent {
  private readonly locale = inject(LOCALE_ID);

  protected readonly timeZone = inject(VIEWER_TIME_ZONE);
  protected readonly emptyHelp = NO_RUNS_HELP;

  /** The Operations summary request, shared with the KPI cards and the distribution. */
  readonly request = input.required<PanelRequest<OperationsSummaryDto>>();

  private readonly trend = computed(() => this.request().value()?.latencyTrend);

  protected readonly state = computed(() =>
    panelStateOf(this.request(), (summary) => summary.latencyTrend.coverageFrom === null),
  );

  protected readonly view = computed(() => {
    const trend = this.trend();

    return trend ? buildLatencyTrend(trend, this.locale, this.timeZone) : null;
  });

  protected readonly approximateText = computed(() => {
    const trend = this.trend();

    return trend?.approximate ? describeApproximation(trend.relativeErrorBound, this.locale) : null;
  });
}
