import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  input,
} from '@angular/core';

import { Clock } from '../core/clock';
import { LocalTimePipe } from '../shared/format/local-time.pipe';
import { PanelFrameComponent } from '../shared/ui/panel-frame.component';
import { type DashboardKey, findDashboard } from './dashboard-catalog';
import { DashboardFiltersService } from './filters/dashboard-filters.service';
import { describePeriodDays, periodLabel, utcDay } from './filters/period';
import { RefreshService } from './refresh/refresh.service';

/**
 * Stand-in for a dashboard that is not built yet: who it is for, the questions it will answer,
 * and the filters and refresh state it will use.
 */
@Component({
  selector: 'app-dashboard-placeholder',
  templateUrl: './dashboard-placeholder.component.html',
  styleUrl: './dashboard-placeholder.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, LocalTimePipe],
})
export class DashboardPlaceholderComponent {
  private readonly filters = inject(DashboardFiltersService);
  private readonly clock = inject(Clock);
  private readonly locale = inject(LOCALE_ID);

  protected readonly refresh = inject(RefreshService);

  /** Dashboard to describe, from the route's `data.dashboard`. */
  readonly dashboard = input.required<DashboardKey>();

  protected readonly definition = computed(() => findDashboard(this.dashboard()));

  protected readonly periodText = computed(() => {
    const period = this.filters.period();
    const days = describePeriodDays(period, utcDay(this.clock.now()), this.locale);

    return `${periodLabel(period)}: ${days}`;
  });
}
