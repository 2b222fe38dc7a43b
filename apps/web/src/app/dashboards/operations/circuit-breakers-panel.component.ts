import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { VIEWER_TIME_ZONE } from '../../shared/format/format';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { StatusBadgeComponent } from '../../shared/ui/status-badge.component';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { NO_BREAKERS_HELP } from './empty-states';
import { OperationsApi } from './operations-api.service';
import { injectPanelRequest, panelStateOf } from './panel-request';
import { BREAKER_TONES, sortBreakers } from './status-view';

/**
 * Circuit Breakers: every breaker's current state as a badge with text (red open, amber
 * half_open, green closed), open ones first, and its state changes in the period.
 */
@Component({
  selector: 'app-circuit-breakers-panel',
  templateUrl: './circuit-breakers-panel.component.html',
  styleUrls: ['./operations-panels.css', './circuit-breakers-panel.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, StatusBadgeComponent, ...FORMAT_PIPES],
})
export class CircuitBreakersPanelComponent {
  private readonly api = inject(OperationsApi);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly timeZone = inject(VIEWER_TIME_ZONE);
  protected readonly tones = BREAKER_TONES;
  protected readonly emptyHelp = NO_BREAKERS_HELP;

  protected readonly request = injectPanelRequest({
    params: () => this.filters.filters().apiParams,
    loader: (window) => this.api.loadCircuitBreakers(window),
  });

  protected readonly state = computed(() =>
    panelStateOf(this.request, (panel) => panel.breakers.length === 0),
  );

  protected readonly breakers = computed(() => sortBreakers(this.request.value()?.breakers ?? []));
}
