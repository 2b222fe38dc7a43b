import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';

import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { ColumnSort } from './column-sort';
import { NO_METRICS_HELP } from './empty-states';
import { OperationsApi } from './operations-api.service';
import { injectPanelRequest, panelStateOf } from './panel-request';
import { type MetricRow, buildMetricRows } from './status-view';

type MetricColumn = keyof Pick<MetricRow, 'name' | 'labelsText' | 'value'>;

/**
 * Metrics, for admins: the `kaireon_*` metrics of `GET /api/v1/metrics/summary` as a compact,
 * filterable table of metric, labels and value.
 */
@Component({
  selector: 'app-metrics-panel',
  templateUrl: './metrics-panel.component.html',
  styleUrls: ['./operations-panels.css', './metrics-panel.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, ...FORMAT_PIPES],
})
export class MetricsPanelComponent {
  private readonly api = inject(OperationsApi);

  protected readonly emptyHelp = NO_METRICS_HELP;

  protected readonly request = injectPanelRequest({
    params: () => ({}),
    loader: () => this.api.loadMetrics(),
  });

  protected readonly state = computed(() =>
    panelStateOf(this.request, (summary) => summary.data.length === 0),
  );

  protected readonly query = signal('');

  protected readonly sort = new ColumnSort<MetricColumn>({ key: 'name', direction: 'ascending' }, [
    'name',
    'labelsText',
  ]);

  private readonly allRows = computed(() => {
    const summary = this.request.value();

    return summary ? buildMetricRows(summary) : [];
  });

  protected readonly rows = computed(() => {
    const query = this.query().trim().toLowerCase();
    const matching =
      query === ''
        ? this.allRows()
        : this.allRows().filter(
            (row) =>
              row.name.toLowerCase().includes(query) ||
              row.labelsText.toLowerCase().includes(query),
          );

    return this.sort.apply(matching);
  });

  protected readonly totalRows = computed(() => this.allRows().length);
}
