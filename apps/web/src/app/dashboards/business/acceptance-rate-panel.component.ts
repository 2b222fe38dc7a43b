import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { BarChartComponent } from '../../shared/charts/bar-chart.component';
import { type ChartSeries } from '../../shared/charts/chart-options';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { type AcceptanceRateRow } from './business-data';
import { injectBusinessData } from './business-resource';
import { DrillDownService, type FigureKind, figureFilter, figureLabel } from './drill-down';
import { NO_RESPONSES_HELP } from './empty-states';
import { SortHeaderComponent } from './sort-header.component';
import { TableSort, sortRows } from './table-sort';

/** Offers in the chart; the table lists every offer. */
export const ACCEPTANCE_CHART_MAX_OFFERS = 20;

type AcceptanceColumn = 'offerName' | 'impressions' | 'positive' | 'negative' | 'acceptRate';

/** Acceptance rate by offer: accept rate = positive responses / impressions, as bars and a table. */
@Component({
  selector: 'app-acceptance-rate-panel',
  templateUrl: './acceptance-rate-panel.component.html',
  styleUrl: './business-panels.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, BarChartComponent, SortHeaderComponent, ...FORMAT_PIPES],
})
export class AcceptanceRatePanelComponent {
  private readonly drillDown = inject(DrillDownService);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly data = injectBusinessData('acceptance_rate');
  protected readonly emptyHelp = NO_RESPONSES_HELP;
  protected readonly chartLimit = ACCEPTANCE_CHART_MAX_OFFERS;

  protected readonly emptyMessage = computed(
    () => this.data.warning() ?? 'No impressions or responses in this window.',
  );

  protected readonly sort = new TableSort<AcceptanceColumn>(
    { key: 'impressions', direction: 'desc' },
    ['offerName'],
  );

  protected readonly rows = this.sort.sorted(this.data.rows);

  /** The offers with most impressions, highest accept rate first. */
  private readonly chartRows = computed(() => {
    const byImpressions = sortRows(this.data.rows() ?? [], {
      key: 'impressions',
      direction: 'desc',
    }).slice(0, ACCEPTANCE_CHART_MAX_OFFERS);

    return sortRows(byImpressions, { key: 'acceptRate', direction: 'desc' });
  });

  protected readonly chartCut = computed(
    () => (this.data.rows()?.length ?? 0) > ACCEPTANCE_CHART_MAX_OFFERS,
  );

  protected readonly labels = computed(() => this.chartRows().map((row) => row.offerName));

  protected readonly series = computed<ChartSeries[]>(() => [
    { label: 'Accept rate', values: this.chartRows().map((row) => row.acceptRate) },
  ]);

  protected readonly chartHeight = computed(
    () => `${Math.max(10, this.chartRows().length * 1.6 + 3)}rem`,
  );

  protected selectBar(index: number): void {
    const row = this.chartRows()[index];
    if (row) {
      this.openRows(row);
    }
  }

  protected openRows(row: AcceptanceRateRow, figure: FigureKind = 'interactions'): void {
    const window = this.data.envelope()?.window;
    if (!window) {
      return;
    }
    this.drillDown.open({
      title: `${figureLabel(figure)} of ${row.offerName}`,
      window,
      segmentId: this.filters.segmentId(),
      offerKey: row.offerKey,
      ...figureFilter(figure),
    });
  }
}
