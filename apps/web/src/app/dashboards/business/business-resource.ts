import { type Signal, computed, effect, inject, resource, untracked } from '@angular/core';

import { describeHttpError } from '../../core/api-error';
import { type PanelState, derivePanelState } from '../../shared/ui/panel-state';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { type PeriodApiParams } from '../filters/period';
import { RefreshService } from '../refresh/refresh.service';
import { BusinessApi } from './business-api.service';
import {
  type BusinessDataType,
  type BusinessEnvelope,
  type BusinessRowTypes,
  type OfferGrouping,
  describeSegmentWarning,
} from './business-data';

/** Parameters of one Business request, besides its type. */
export interface BusinessQuery {
  readonly window: PeriodApiParams;
  readonly segmentId: string | null;
  readonly groupBy?: OfferGrouping;
}

/** One panel's data request and everything its frame needs. */
export interface BusinessPanelData<Row> {
  /** The whole response, once one arrived. */
  readonly envelope: Signal<BusinessEnvelope<Row> | undefined>;
  /** The rows, or undefined while the first request runs or after a failure. */
  readonly rows: Signal<readonly Row[] | undefined>;
  readonly state: Signal<PanelState>;
  readonly errorMessage: Signal<string>;
  /** Banner text of a segment warning, or null. */
  readonly warning: Signal<string | null>;
  /** Retries after an error, or reloads the current filters. */
  reload(): void;
}

function sameQuery(left: BusinessQuery, right: BusinessQuery): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * Loads one dashboard-data type for the filters in the URL. Call it in a field initializer of a
 * component inside the dashboard frame.
 *
 * A new period, segment or grouping starts a fresh request (the panel shows its spinner). A tick
 * of `RefreshService` reloads in place: the rows on screen stay until the new ones arrive.
 */
export function injectBusinessData<T extends BusinessDataType>(
  type: T,
  options: {
    /** Grouping of `offer_performance_grouped`. */
    readonly groupBy?: Signal<OfferGrouping>;
    /** While false, nothing is requested (for a view that is not shown). */
    readonly enabled?: Signal<boolean>;
  } = {},
): BusinessPanelData<BusinessRowTypes[T]> {
  const { groupBy, enabled } = options;
  const filters = inject(DashboardFiltersService);
  const refresh = inject(RefreshService);
  const api = inject(BusinessApi);

  // Compared by value, so flipping auto-refresh (which rewrites the URL) does not refetch.
  const query = computed<BusinessQuery>(
    () => ({
      window: filters.filters().apiParams,
      segmentId: filters.segmentId(),
      ...(groupBy ? { groupBy: groupBy() } : {}),
    }),
    { equal: sameQuery },
  );

  const request = resource({
    params: () => (enabled === undefined || enabled() ? query() : undefined),
    loader: ({ params }) => api.loadData(type, params),
  });

  let lastTick = untracked(refresh.refreshTick);
  effect(() => {
    const tick = refresh.refreshTick();
    if (tick !== lastTick) {
      lastTick = tick;
      untracked(() => request.reload());
    }
  });

  const envelope = computed(() => (request.hasValue() ? request.value() : undefined));
  const rows = computed(() => envelope()?.data);

  return {
    envelope,
    rows,
    state: computed(() => derivePanelState({ error: request.error(), rows: rows() })),
    errorMessage: computed(() => describeHttpError(request.error())),
    warning: computed(() => describeSegmentWarning(envelope()?.warning)),
    reload: () => {
      request.reload();
    },
  };
}
