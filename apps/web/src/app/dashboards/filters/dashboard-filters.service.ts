import { Injectable, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, type ParamMap, Router } from '@angular/router';
import { filter, map } from 'rxjs';

import {
  type Period,
  type PeriodApiParams,
  parsePeriodParams,
  periodToApiParams,
  periodToQueryParams,
} from './period';

/** Query parameter that pauses auto-refresh when set to `off`. */
export const REFRESH_QUERY_PARAM = 'refresh';

/** The filters every dashboard page reads. */
export interface DashboardFilters {
  readonly period: Period;
  /** Window parameters to pass to the dashboard endpoints. */
  readonly apiParams: PeriodApiParams;
  readonly autoRefresh: boolean;
}

/**
 * Dashboard filters, read from and written to the URL query string so that a link reproduces the
 * view. The URL is the only store: setters navigate, and the signals follow the navigation.
 */
@Injectable({ providedIn: 'root' })
export class DashboardFiltersService {
  private readonly router = inject(Router);

  private readonly queryParamMap = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.currentQueryParamMap()),
    ),
    { initialValue: this.currentQueryParamMap() },
  );

  private readonly parsedPeriod = computed(() => {
    const params = this.queryParamMap();

    return parsePeriodParams({
      days: params.get('days'),
      from: params.get('from'),
      to: params.get('to'),
    });
  });

  /** Period in effect: the URL's, or the default when the URL has none or an invalid one. */
  readonly period = computed(() => this.parsedPeriod().period);

  /** Reason the URL's period was ignored, or null when it was used or absent. */
  readonly periodProblem = computed(() => this.parsedPeriod().problem);

  /** False when the URL has `refresh=off`. */
  readonly autoRefresh = computed(() => this.queryParamMap().get(REFRESH_QUERY_PARAM) !== 'off');

  /** All filters at once, for pages that load data whenever any filter changes. */
  readonly filters = computed<DashboardFilters>(() => ({
    period: this.period(),
    apiParams: periodToApiParams(this.period()),
    autoRefresh: this.autoRefresh(),
  }));

  /** Puts `period` in the URL, keeping the other query parameters. */
  setPeriod(period: Period): Promise<boolean> {
    return this.mergeQueryParams({ ...periodToQueryParams(period) });
  }

  /** Turns auto-refresh on (removes `refresh`) or off (`refresh=off`) in the URL. */
  setAutoRefresh(enabled: boolean): Promise<boolean> {
    return this.mergeQueryParams({ [REFRESH_QUERY_PARAM]: enabled ? null : 'off' });
  }

  private mergeQueryParams(queryParams: Record<string, string | null>): Promise<boolean> {
    const target = this.router.createUrlTree([], { queryParams, queryParamsHandling: 'merge' });

    return this.router.navigateByUrl(target);
  }

  private currentQueryParamMap(): ParamMap {
    return this.router.routerState.snapshot.root.queryParamMap;
  }
}
