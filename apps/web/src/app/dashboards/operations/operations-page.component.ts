import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  viewChild,
} from '@angular/core';

import { SessionService } from '../../auth/session.service';
import { KpiCardComponent } from '../../shared/ui/kpi-card.component';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { StatusBadgeComponent } from '../../shared/ui/status-badge.component';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { CircuitBreakersPanelComponent } from './circuit-breakers-panel.component';
import { DecisionPipelinePanelComponent } from './decision-pipeline-panel.component';
import { DlqEventsPanelComponent } from './dlq-events-panel.component';
import { DlqPanelComponent } from './dlq-panel.component';
import { NO_RUNS_HELP } from './empty-states';
import { LatencyDistributionPanelComponent } from './latency-distribution-panel.component';
import { LatencyTrendPanelComponent } from './latency-trend-panel.component';
import { MetricsPanelComponent } from './metrics-panel.component';
import { OfferAcceptancePanelComponent } from './offer-acceptance-panel.component';
import { OperationsApi } from './operations-api.service';
import { buildOperationsKpis } from './operations-kpis';
import { injectPanelRequest, panelStateOf } from './panel-request';
import { RecentTracesPanelComponent } from './recent-traces-panel.component';

/**
 * The Operations dashboard: is the decisioning engine fast and correct? It shows KPIs, the latency
 * of recent runs and its 7-day trend, the decision pipeline with its filter rates, recent decision
 * traces, circuit breakers, the dead-letter queue and acceptance rate by offer. Admins also manage
 * dead-letter events and see the metrics summary. Every panel follows the period in the URL and
 * reloads on each refresh tick.
 */
@Component({
  selector: 'app-operations-page',
  templateUrl: './operations-page.component.html',
  styleUrl: './operations-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PanelFrameComponent,
    KpiCardComponent,
    StatusBadgeComponent,
    LatencyDistributionPanelComponent,
    LatencyTrendPanelComponent,
    DecisionPipelinePanelComponent,
    RecentTracesPanelComponent,
    CircuitBreakersPanelComponent,
    DlqPanelComponent,
    DlqEventsPanelComponent,
    OfferAcceptancePanelComponent,
    MetricsPanelComponent,
  ],
})
export class OperationsPageComponent {
  private readonly locale = inject(LOCALE_ID);
  private readonly api = inject(OperationsApi);
  private readonly filters = inject(DashboardFiltersService);
  private readonly session = inject(SessionService);

  private readonly dlqPanel = viewChild(DlqPanelComponent);

  protected readonly noRunsHelp = NO_RUNS_HELP;

  /** True for admin keys; admin panels stay hidden until the session's role is known. */
  protected readonly isAdmin = computed(() => this.session.identity()?.role === 'admin');

  /** KPIs, recent runs and the latency trend: one request shared by three panels. */
  protected readonly summary = injectPanelRequest({
    params: () => this.filters.filters().apiParams,
    loader: (window) => this.api.loadSummary(window),
  });

  protected readonly kpiState = computed(() =>
    panelStateOf(this.summary, (summary) => summary.kpis.totalRuns === 0),
  );

  protected readonly kpis = computed(() => {
    const summary = this.summary.value();

    return summary ? buildOperationsKpis(summary, this.locale) : [];
  });

  protected readonly approximate = computed(() => this.summary.value()?.approximate ?? false);

  /** Reloads the queue summary after an admin retried or purged events. */
  protected reloadDlqSummary(): void {
    this.dlqPanel()?.reload();
  }
}
