import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { Clock } from '../../core/clock';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { StatusBadgeComponent } from '../../shared/ui/status-badge.component';
import { traceFiltersToLinkParams } from '../../traces/trace-filters';
import { buildTraceRow } from '../../traces/trace-view';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { addDays, periodDays, utcDay } from '../filters/period';
import { NO_TRACES_HELP } from './empty-states';
import { OperationsApi } from './operations-api.service';
import { injectPanelRequest, panelStateOf } from './panel-request';

/** Traces listed on the dashboard; the explorer pages through the rest. */
export const RECENT_TRACE_COUNT = 10;

/**
 * Decision Traces: the most recent traces of the period, each linking to its detail, and a link
 * to the trace explorer with the period as its time range.
 */
@Component({
  selector: 'app-recent-traces-panel',
  templateUrl: './recent-traces-panel.component.html',
  styleUrl: './operations-panels.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, StatusBadgeComponent, RouterLink, ...FORMAT_PIPES],
})
export class RecentTracesPanelComponent {
  private readonly clock = inject(Clock);
  private readonly api = inject(OperationsApi);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly emptyHelp = NO_TRACES_HELP;
  protected readonly count = RECENT_TRACE_COUNT;

  /** The period as instants: midnight UTC of its first day to midnight after its last. */
  private readonly range = computed(() => {
    const { first, last } = periodDays(this.filters.period(), utcDay(this.clock.now()));

    return { from: `${first}T00:00:00Z`, to: `${addDays(last, 1)}T00:00:00Z` };
  });

  protected readonly request = injectPanelRequest({
    params: () => this.range(),
    loader: (range) => this.api.loadRecentTraces(range, RECENT_TRACE_COUNT),
  });

  protected readonly state = computed(() =>
    panelStateOf(this.request, (page) => page.data.length === 0),
  );

  protected readonly rows = computed(() => this.request.value()?.data.map(buildTraceRow) ?? []);
  protected readonly total = computed(() => this.request.value()?.page.total ?? null);

  /** Query parameters of the explorer link and of the detail links' Back link. */
  protected readonly explorerParams = computed(() => traceFiltersToLinkParams(this.range()));
}
