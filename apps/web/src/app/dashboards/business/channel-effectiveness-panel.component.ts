import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { BarChartComponent } from '../../shared/charts/bar-chart.component';
import { type ChartSeries } from '../../shared/charts/chart-options';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { type ChannelEffectivenessRow } from './business-data';
import { injectBusinessData } from './business-resource';
import { DrillDownService, type FigureKind, figureFilter, figureLabel } from './drill-down';
import { NO_IMPRESSIONS_HELP } from './empty-states';
import { SortHeaderComponent } from './sort-header.component';
import { TableSort } from './table-sort';

type ChannelColumn = 'channelName' | 'impressions' | 'conversions' | 'effectiveness';

/** Channel effectiveness: conversions / impressions per channel, as bars and as a table. */
@Component({
  selector: 'app-channel-effectiveness-panel',
  templateUrl: './channel-effectiveness-panel.component.html',
  styleUrl: './business-panels.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, BarChartComponent, SortHeaderComponent, ...FORMAT_PIPES],
})
export class ChannelEffectivenessPanelComponent {
  private readonly drillDown = inject(DrillDownService);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly data = injectBusinessData('channel_effectiveness');
  protected readonly emptyHelp = NO_IMPRESSIONS_HELP;

  protected readonly emptyMessage = computed(
    () => this.data.warning() ?? 'No impressions on any channel in this window.',
  );

  protected readonly sort = new TableSort<ChannelColumn>(
    { key: 'effectiveness', direction: 'desc' },
    ['channelName'],
  );

  protected readonly rows = this.sort.sorted(this.data.rows);

  /** Bars in the table's order, so the chart and the table read the same way. */
  protected readonly labels = computed(() => this.rows().map((row) => row.channelName));

  protected readonly series = computed<ChartSeries[]>(() => [
    { label: 'Effectiveness', values: this.rows().map((row) => row.effectiveness) },
  ]);

  protected selectBar(index: number): void {
    const row = this.rows()[index];
    if (row) {
      this.openRows(row);
    }
  }

  protected openRows(row: ChannelEffectivenessRow, figure: FigureKind = 'interactions'): void {
    const window = this.data.envelope()?.window;
    if (!window) {
      return;
    }
    this.drillDown.open({
      title: `${figureLabel(figure)} on ${row.channelName}`,
      window,
      segmentId: this.filters.segmentId(),
      channelKey: row.channelKey,
      ...figureFilter(figure),
    });
  }
}
