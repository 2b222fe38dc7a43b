import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type AcceptanceRateRowDto } from '@kaireon/api-client';

import { BarChartComponent } from '../../shared/charts/bar-chart.component';
import { type ChartSeries } from '../../shared/charts/chart-options';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { traceFiltersToLinkParams } from '../../traces/trace-filters';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { ColumnSort } from './column-sort';
import { NO_RESPONSES_HELP } from './empty-states';
import { OperationsApi } from './operations-api.service';
import { injectPanelRequest, panelStateOf } from './panel-request';
import { ACCEPTANCE_CHART_MAX_OFFERS, sortAcceptanceRows } from './status-view';

type AcceptanceColumn = keyof Pick<
  AcceptanceRateRowDto,
  'offerName' | 'impressions' | 'positive' | 'negative' | 'acceptRate'
>;

/**
 * Acceptance Rate by Offer: accept rate = positive responses / impressions, as bars for the offers
 * with most impressions and as a sortable table of every offer. Each offer links to the decision
 * traces in which it was a candidate, to see where the pipeline removed it.
 */
@Component({
  selector: 'app-offer-acceptance-panel',
  templateUrl: './offer-acceptance-panel.component.html',
  styleUrl: './operations-panels.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, BarChartComponent, RouterLink, ...FORMAT_PIPES],
})
export class OfferAcceptancePanelComponent {
  private readonly api = inject(OperationsApi);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly emptyHelp = NO_RESPONSES_HELP;
  protected readonly chartLimit = ACCEPTANCE_CHART_MAX_OFFERS;

  protected readonly request = injectPanelRequest({
    params: () => this.filters.filters().apiParams,
    loader: (window) => this.api.loadAcceptanceRates(window),
  });

  protected readonly state = computed(() =>
    panelStateOf(this.request, (rates) => rates.rows.length === 0),
  );

  protected readonly sort = new ColumnSort<AcceptanceColumn>(
    { key: 'impressions', direction: 'descending' },
    ['offerName'],
  );

  private readonly byImpressions = computed(() =>
    sortAcceptanceRows(this.request.value()?.rows ?? []),
  );

  protected readonly rows = computed(() => this.sort.apply(this.byImpressions()));

  private readonly chartRows = computed(() =>
    this.byImpressions().slice(0, ACCEPTANCE_CHART_MAX_OFFERS),
  );

  protected readonly chartCut = computed(
    () => this.byImpressions().length > ACCEPTANCE_CHART_MAX_OFFERS,
  );

  protected readonly labels = computed(() => this.chartRows().map((row) => row.offerName));

  protected readonly series = computed<ChartSeries[]>(() => [
    { label: 'Accept rate', values: this.chartRows().map((row) => row.acceptRate) },
  ]);

  protected readonly chartHeight = computed(
    () => `${Math.max(8, this.chartRows().length * 1.6 + 3)}rem`,
  );

  /** Query parameters of the traces in which `offerKey` was a candidate, over the period. */
  protected traceParams(offerKey: string): Record<string, string> {
    const window = this.request.value()?.window;

    return traceFiltersToLinkParams({
      offerKey,
      ...(window ? { from: `${window.from}T00:00:00Z`, to: `${window.to}T00:00:00Z` } : {}),
    });
  }
}
