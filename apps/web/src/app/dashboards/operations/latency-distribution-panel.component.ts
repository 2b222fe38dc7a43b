import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  input,
} from '@angular/core';
import { type OperationsSummaryDto } from '@kaireon/api-client';

import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { formatDurationMs } from '../../shared/format/format';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { LatencyBarsChartComponent } from './charts/latency-bars-chart.component';
import { NO_RUNS_HELP } from './empty-states';
import { buildLatencyBars } from './latency-view';
import { type PanelRequest, panelStateOf } from './panel-request';

/**
 * Latency Distribution: the most recent 100 runs, one bar each, as tall as the run's latency
 * relative to the period's P95. The runs are also listed in a table, for keyboards and screen
 * readers.
 */
@Component({
  selector: 'app-latency-distribution-panel',
  templateUrl: './latency-distribution-panel.component.html',
  styleUrl: './operations-panels.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, LatencyBarsChartComponent, ...FORMAT_PIPES],
})
export class LatencyDistributionPanelComponent {
  private readonly locale = inject(LOCALE_ID);

  /** The Operations summary request, shared with the KPI cards and the trend. */
  readonly request = input.required<PanelRequest<OperationsSummaryDto>>();

  protected readonly emptyHelp = NO_RUNS_HELP;

  protected readonly state = computed(() =>
    panelStateOf(this.request(), (summary) => summary.latencyDistribution.runs.length === 0),
  );

  protected readonly p95 = computed(
    () => this.request().value()?.latencyDistribution.p95LatencyMs ?? null,
  );

  protected readonly bars = computed(() => {
    const summary = this.request().value();

    return summary ? buildLatencyBars(summary.latencyDistribution) : [];
  });

  protected readonly aboveCount = computed(() => this.bars().filter((bar) => bar.aboveP95).length);

  protected readonly ariaLabel = computed(
    () =>
      `Latency of the ${this.bars().length} most recent runs relative to the period's P95 of ` +
      `${formatDurationMs(this.p95(), this.locale)}; ${this.aboveCount()} above P95. ` +
      'The table under the chart lists every run.',
  );
}
