import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';

import { KpiCardComponent } from '../../shared/ui/kpi-card.component';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { AcceptanceRatePanelComponent } from './acceptance-rate-panel.component';
import { hasConversionsWithoutRevenue, summaryTotals } from './business-data';
import { type KpiView, buildKpis } from './business-kpis';
import { injectBusinessData } from './business-resource';
import { ChannelEffectivenessPanelComponent } from './channel-effectiveness-panel.component';
import { DailyTrendPanelComponent } from './daily-trend-panel.component';
import { DrillDownDrawerComponent } from './drill-down-drawer.component';
import { DrillDownService, figureFilter } from './drill-down';
import { NO_IMPRESSIONS_HELP } from './empty-states';
import { FunnelPanelComponent } from './funnel-panel.component';
import { OfferPerformancePanelComponent } from './offer-performance-panel.component';
import { RevenueTrendPanelComponent } from './revenue-trend-panel.component';

/**
 * The Business dashboard: KPIs against the previous period, offer performance, channel
 * effectiveness, the funnel, daily and revenue trends, and acceptance rate by offer. Every panel
 * loads on its own, follows the period and segment in the URL, and reloads on each refresh tick.
 */
@Component({
  selector: 'app-business-page',
  templateUrl: './business-page.component.html',
  styleUrls: ['./business-panels.css', './business-page.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PanelFrameComponent,
    KpiCardComponent,
    OfferPerformancePanelComponent,
    ChannelEffectivenessPanelComponent,
    FunnelPanelComponent,
    DailyTrendPanelComponent,
    RevenueTrendPanelComponent,
    AcceptanceRatePanelComponent,
    DrillDownDrawerComponent,
  ],
  providers: [DrillDownService],
})
export class BusinessPageComponent {
  private readonly locale = inject(LOCALE_ID);
  private readonly drillDown = inject(DrillDownService);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly summary = injectBusinessData('summary');
  protected readonly emptyHelp = NO_IMPRESSIONS_HELP;

  protected readonly kpis = computed(() => buildKpis(this.summary.rows() ?? [], this.locale));

  /** The segment warning, shown once for the page as information rather than as an error. */
  protected readonly warning = this.summary.warning;

  protected readonly summaryEmptyMessage = computed(
    () => this.warning() ?? 'No impressions in this window or the one before it.',
  );

  protected readonly revenueMissing = computed(() =>
    hasConversionsWithoutRevenue(summaryTotals(this.summary.rows() ?? [])),
  );

  protected openKpi(kpi: KpiView): void {
    const window = this.summary.envelope()?.window;
    if (!window) {
      return;
    }
    this.drillDown.open({
      title: kpi.metric === 'conversionRate' ? 'Interactions' : kpi.label,
      window,
      segmentId: this.filters.segmentId(),
      ...figureFilter(kpi.figure),
    });
  }
}
