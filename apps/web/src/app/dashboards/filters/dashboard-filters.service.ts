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

/** Query parameter holding the id of the segment that filters the dashboard. */
export const SEGMENT_QUERY_PARAM = 'segmentId';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters every dashboard page reads. */
export interface DashboardFilters {
  readonly period: Period;
  /** Window parameters to pass to the dashboard endpoints. */
  readonly apiParams: PeriodApiParams;
  readonly autoRefresh: boolean;
  /**
   * Segment filter from the URL, or null for all customers. Only dashboards that support segments
   * send it to the API.
   */
  readonly segmentId: string | null;
}

/** Outcome of reading `segmentId` from the URL. */
export interface SegmentParseResult {
  readonly segmentId: string | null;
  /** Why the URL's segment was ignored, or null when it was used or absent. */
  readonly problem: string | null;
}

/**
 * Reads the segment filter from its URL value. A value that is not a UUID would be a 400 from the
 * API, so it is ignored and explained; a well-formed id is passed on even when no such segment
 * exists, because the API answers that with a warning the page shows.
 */
export function parseSegmentParam(value: string | null): SegmentParseResult {
  if (value === null || value === '') {
    return { segmentId: null, problem: null };
  }
  if (!UUID_PATTERN.test(value)) {
    return {
      segmentId: null,
      problem: `segmentId must be a segment's UUID (got "${value}"). Showing all customers instead.`,
    };
  }

  return { segmentId: value.toLowerCase(), problem: null };
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

  private readonly parsedSegment = computed(() =>
    parseSegmentParam(this.queryParamMap().get(SEGMENT_QUERY_PARAM)),
  );

  /** Segment filter in effect, or null for all customers. */
  readonly segmentId = computed(() => this.parsedSegment().segmentId);

  /** Reason the URL's segmentId was ignored, or null when it was used or absent. */
  readonly segmentProblem = computed(() => this.parsedSegment().problem);

  /** All filters at once, for pages that load data whenever any filter changes. */
  readonly filters = computed<DashboardFilters>(() => ({
    period: this.period(),
    apiParams: periodToApiParams(this.period()),
    autoRefresh: this.autoRefresh(),
    segmentId: this.segmentId(),
  }));

  /** Puts `period` in the URL, keeping the other query parameters. */
  setPeriod(period: Period): Promise<boolean> {
    return this.mergeQueryParams({ ...periodToQueryParams(period) });
  }

  /** Turns auto-refresh on (removes `refresh`) or off (`refresh=off`) in the URL. */
  setAutoRefresh(enabled: boolean): Promise<boolean> {
    return this.mergeQueryParams({ [REFRESH_QUERY_PARAM]: enabled ? null : 'off' });
  }

  /** Puts `segmentId` in the URL, or removes it (all customers) for null. */
  setSegment(segmentId: string | null): Promise<boolean> {
    return this.mergeQueryParams({ [SEGMENT_QUERY_PARAM]: segmentId });
  }

  private mergeQueryParams(queryParams: Record<string, string | null>): Promise<boolean> {
    const target = this.router.createUrlTree([], { queryParams, queryParamsHandling: 'merge' });

    return this.router.navigateByUrl(target);
  }

  private currentQueryParamMap(): ParamMap {
    return this.router.routerState.snapshot.root.queryParamMap;
  }
}
