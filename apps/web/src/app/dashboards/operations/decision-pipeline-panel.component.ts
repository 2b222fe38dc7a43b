import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { Clock } from '../../core/clock';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { StatusBadgeComponent } from '../../shared/ui/status-badge.component';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { utcDay } from '../filters/period';
import { NO_TRACES_HELP } from './empty-states';
import { OperationsApi } from './operations-api.service';
import { injectPanelRequest, panelStateOf } from './panel-request';
import { BAND_LEGEND, buildFilterRateBars, buildFunnelSteps } from './pipeline-view';
import { describeHours, formatWindowLabel, pipelineWindowForPeriod } from './pipeline-window';

/**
 * Decision Pipeline: the funnel of average candidates per stage over the last hours, one
 * filter-rate bar per stage (coloured and named by band), the stage's own rate beside it, and the
 * rules that removed the most candidates. Each bar and rule links to the trace explorer, filtered
 * to the traces behind it.
 */
@Component({
  selector: 'app-decision-pipeline-panel',
  templateUrl: './decision-pipeline-panel.component.html',
  styleUrls: ['./operations-panels.css', './decision-pipeline-panel.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, StatusBadgeComponent, RouterLink, ...FORMAT_PIPES],
})
export class DecisionPipelinePanelComponent {
  private readonly locale = inject(LOCALE_ID);
  private readonly clock = inject(Clock);
  private readonly api = inject(OperationsApi);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly bandLegend = BAND_LEGEND;
  protected readonly emptyHelp = NO_TRACES_HELP;

  /** The window the period maps to, and the note when it differs from the period. */
  protected readonly window = computed(() =>
    pipelineWindowForPeriod(this.filters.period(), utcDay(this.clock.now())),
  );

  protected readonly request = injectPanelRequest({
    params: () => this.window().windowHours,
    loader: (windowHours) => this.api.loadPipeline(windowHours),
  });

  protected readonly state = computed(() =>
    panelStateOf(this.request, (pipeline) => pipeline.traceCount === 0),
  );

  protected readonly pipeline = this.request.value;

  /** "last 24h", from the window the API applied. */
  protected readonly windowLabel = computed(() =>
    formatWindowLabel(this.pipeline()?.windowHours ?? this.window().windowHours),
  );

  protected readonly emptyMessage = computed(
    () => `No decision traces in the last ${describeHours(this.window().windowHours)}.`,
  );

  protected readonly funnel = computed(() => {
    const pipeline = this.pipeline();

    return pipeline ? buildFunnelSteps(pipeline.funnel, this.locale) : [];
  });

  protected readonly bars = computed(() => {
    const pipeline = this.pipeline();

    return pipeline ? buildFilterRateBars(pipeline, this.locale) : [];
  });
}
