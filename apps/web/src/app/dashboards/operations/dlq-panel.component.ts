import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';

import { type ChartSeries } from '../../shared/charts/chart-options';
import { LineChartComponent } from '../../shared/charts/line-chart.component';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { VIEWER_TIME_ZONE } from '../../shared/format/format';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { StatusBadgeComponent } from '../../shared/ui/status-badge.component';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { OperationsApi } from './operations-api.service';
import { injectPanelRequest, panelStateOf } from './panel-request';
import { DLQ_ALERT_RULE, DLQ_ALERT_TONES, topicDepths } from './status-view';

/**
 * Dead-letter Queue: events queued now by topic, the alert level as a badge with text, and the
 * hourly depth over the period. An empty queue is a healthy state, not missing data, so this panel
 * has no empty state.
 */
@Component({
  selector: 'app-dlq-panel',
  templateUrl: './dlq-panel.component.html',
  styleUrl: './operations-panels.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, StatusBadgeComponent, LineChartComponent, ...FORMAT_PIPES],
})
export class DlqPanelComponent {
  private readonly locale = inject(LOCALE_ID);
  private readonly api = inject(OperationsApi);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly timeZone = inject(VIEWER_TIME_ZONE);
  protected readonly tones = DLQ_ALERT_TONES;
  protected readonly alertRule = DLQ_ALERT_RULE;

  protected readonly request = injectPanelRequest({
    params: () => this.filters.filters().apiParams,
    loader: (window) => this.api.loadDeadLetterSummary(window),
  });

  protected readonly state = computed(() => panelStateOf(this.request, () => false));
  protected readonly summary = this.request.value;
  protected readonly topics = computed(() => topicDepths(this.summary()?.byTopic ?? {}));

  private readonly trend = computed(() => this.summary()?.depthTrend ?? []);

  protected readonly trendLabels = computed(() => {
    const format = new Intl.DateTimeFormat(this.locale, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: this.timeZone,
    });

    return this.trend().map((point) => format.format(Date.parse(point.hour)));
  });

  protected readonly trendSeries = computed<ChartSeries[]>(() => [
    { label: 'Queued events', values: this.trend().map((point) => point.total) },
  ]);

  /** Reloads the summary, after an admin retried or purged events. */
  reload(): void {
    this.request.reload();
  }
}
