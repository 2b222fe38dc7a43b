import { InjectionToken } from '@angular/core';
import { type Observable, defer, exhaustMap, takeWhile, timer } from 'rxjs';

/** Time between two reads of a refreshing segment. */
export const REFRESH_POLL_INTERVAL_MS = 2_000;

/** The polling interval in milliseconds, replaceable in tests. */
export const SEGMENT_REFRESH_POLL_MS = new InjectionToken<number>('SEGMENT_REFRESH_POLL_MS', {
  providedIn: 'root',
  factory: () => REFRESH_POLL_INTERVAL_MS,
});

/**
 * Reads a segment every `REFRESH_POLL_INTERVAL_MS` until it no longer shows `refreshing`, emitting
 * each read; the last emission is the finished segment.
 */
export function pollUntilRefreshed<T extends { readonly refreshing: boolean }>(
  read: () => Promise<T>,
  intervalMs = REFRESH_POLL_INTERVAL_MS,
): Observable<T> {
  return timer(intervalMs, intervalMs).pipe(
    // A read still running when the next tick comes is awaited, not cancelled.
    exhaustMap(() => defer(read)),
    takeWhile((segment) => segment.refreshing, true),
  );
}
