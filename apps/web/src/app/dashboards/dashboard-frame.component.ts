import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';

import { ExportMenuComponent } from '../reports/export/export-menu.component';
import { SaveReportButtonComponent } from '../reports/save-report/save-report-button.component';
import { type DashboardDefinition, findDashboard } from './dashboard-catalog';
import { DashboardFiltersService } from './filters/dashboard-filters.service';
import { PeriodSelectorComponent } from './filters/period-selector.component';
import { RefreshBarComponent } from './refresh/refresh-bar.component';
import { RefreshService } from './refresh/refresh.service';

/**
 * Parent route of every dashboard: the header (title, period, refresh, Export, Save as Report)
 * above the routed dashboard page. It provides `RefreshService`, so dashboard pages inject the
 * same instance and auto-refresh stops when the user leaves the dashboards.
 *
 * Child routes name their dashboard in `data.dashboard` (a `DashboardKey`).
 */
@Component({
  selector: 'app-dashboard-frame',
  templateUrl: './dashboard-frame.component.html',
  styleUrl: './dashboard-frame.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    PeriodSelectorComponent,
    RefreshBarComponent,
    ExportMenuComponent,
    SaveReportButtonComponent,
  ],
  providers: [RefreshService],
})
export class DashboardFrameComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly filters = inject(DashboardFiltersService);

  protected readonly dashboard = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.activeDashboard()),
    ),
    { initialValue: this.activeDashboard() },
  );

  private activeDashboard(): DashboardDefinition | undefined {
    const key: unknown = this.route.snapshot.firstChild?.data['dashboard'];

    return typeof key === 'string' ? findDashboard(key) : undefined;
  }
}
