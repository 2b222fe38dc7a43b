import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { type FunnelStep, buildFunnelSteps } from './business-data';
import { injectBusinessData } from './business-resource';
import { DrillDownService, type FigureKind, figureFilter } from './drill-down';
import { NO_RECOMMENDATIONS_HELP } from './empty-states';

const STAGE_FIGURES: Readonly<Record<FunnelStep['stage'], FigureKind>> = {
  recommendations: 'recommendations',
  impressions: 'impressions',
  positive_responses: 'positive',
  conversions: 'conversions',
};

/**
 * The funnel from recommendations to conversions, one bar per stage sized against the first
 * stage, with each step's rate from the stage before.
 */
@Component({
  selector: 'app-funnel-panel',
  templateUrl: './funnel-panel.component.html',
  styleUrls: ['./business-panels.css', './funnel-panel.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, ...FORMAT_PIPES],
})
export class FunnelPanelComponent {
  private readonly drillDown = inject(DrillDownService);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly data = injectBusinessData('funnel');
  protected readonly emptyHelp = NO_RECOMMENDATIONS_HELP;

  protected readonly steps = computed(() => buildFunnelSteps(this.data.rows() ?? []));

  protected readonly emptyMessage = computed(
    () => this.data.warning() ?? 'No recommendations, impressions or responses in this window.',
  );

  /** Bar width as a CSS percentage; a stage with a count always shows a sliver. */
  protected barWidth(step: FunnelStep): string {
    if (step.shareOfFirst === null || step.count === 0) {
      return '0%';
    }

    return `${Math.max(1, Math.min(100, step.shareOfFirst * 100))}%`;
  }

  protected openRows(step: FunnelStep): void {
    const window = this.data.envelope()?.window;
    if (!window) {
      return;
    }
    this.drillDown.open({
      title: step.label,
      window,
      segmentId: this.filters.segmentId(),
      ...figureFilter(STAGE_FIGURES[step.stage]),
    });
  }
}
