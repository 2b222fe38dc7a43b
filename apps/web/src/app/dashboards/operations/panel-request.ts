import { type Signal, computed, effect, inject, resource, untracked } from '@angular/core';

import { describeHttpError } from '../../core/api-error';
import { type PanelState } from '../../shared/ui/panel-state';
import { RefreshService } from '../refresh/refresh.service';

/** One panel's data request and what its frame needs. */
export interface PanelRequest<T> {
  /** The last response, or undefined while the first request runs, after a failure or while idle. */
  readonly value: Signal<T | undefined>;
  readonly error: Signal<unknown>;
  readonly errorMessage: Signal<string>;
  /** Retries after an error, or reloads with the same parameters. */
  reload(): void;
}

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * Loads one panel's data whenever its parameters change, and again on each tick of the dashboard's
 * `RefreshService`. Call it in a field initializer of a component inside the dashboard frame.
 *
 * Parameters are compared by value, so a URL change that leaves them equal does not refetch. While
 * `params` returns undefined nothing is requested (for example an admin panel for a viewer). A new
 * parameter set starts a fresh request, and the panel shows its spinner. A refresh tick reloads in
 * place, so the figures on screen stay until the new ones arrive.
 */
export function injectPanelRequest<P, T>(options: {
  readonly params: () => P | undefined;
  readonly loader: (params: P) => Promise<T>;
}): PanelRequest<T> {
  const refresh = inject(RefreshService);
  const params = computed(options.params, { equal: sameJson });
  const request = resource({
    params: () => params(),
    loader: ({ params: current }) => options.loader(current),
  });

  let lastTick = untracked(refresh.refreshTick);
  effect(() => {
    const tick = refresh.refreshTick();
    if (tick !== lastTick) {
      lastTick = tick;
      untracked(() => {
        if (params() !== undefined) {
          request.reload();
        }
      });
    }
  });

  return {
    value: computed(() => (request.hasValue() ? request.value() : undefined)),
    error: computed(() => request.error()),
    errorMessage: computed(() => describeHttpError(request.error())),
    reload: () => {
      request.reload();
    },
  };
}

/**
 * Derives a panel's state from its request: loading until the first response, error when the last
 * request failed (even with older figures on screen), empty when `isEmpty` reports that the
 * response has nothing to show.
 */
export function panelStateOf<T>(
  request: PanelRequest<T>,
  isEmpty: (value: T) => boolean,
): PanelState {
  const error = request.error();
  if (error !== undefined && error !== null) {
    return 'error';
  }
  const value = request.value();
  if (value === undefined) {
    return 'loading';
  }

  return isEmpty(value) ? 'empty' : 'ready';
}
