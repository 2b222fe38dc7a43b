import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';

import { type DashboardKey } from '../dashboards/dashboard-catalog';
import { DashboardFiltersService } from '../dashboards/filters/dashboard-filters.service';
import { SEGMENT_DASHBOARDS } from '../dashboards/filters/segment-selector.component';
import { type DashboardView, WINDOW_HOURS_QUERY_PARAM } from './report-filters';

/** Reads what a dashboard shows right now, from the URL, for exports and saved reports. */
@Injectable({ providedIn: 'root' })
export class DashboardViewService {
  private readonly filters = inject(DashboardFiltersService);
  private readonly router = inject(Router);

  /** Returns the current filters of `dashboard`. */
  snapshot(dashboard: DashboardKey): DashboardView {
    const queryParams = this.router.routerState.snapshot.root.queryParamMap;

    return {
      dashboard,
      period: this.filters.period(),
      segmentId: this.filters.segmentId(),
      segmentsSupported: SEGMENT_DASHBOARDS.has(dashboard),
      windowHoursParam: queryParams.get(WINDOW_HOURS_QUERY_PARAM),
    };
  }
}
