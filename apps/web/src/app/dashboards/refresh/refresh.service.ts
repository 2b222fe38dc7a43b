import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';

import { Clock } from '../../core/clock';
import { PageVisibilityService } from '../../core/page-visibility.service';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';

/** Time between two automatic refreshes. */
export const AUTO_REFRESH_INTERVAL_MS = 30_000;

/** How often the countdown is recomputed. */
const COUNTDOWN_STEP_MS = 1_000;

/**
 * Auto-refresh for dashboard pages: a refresh every 30 s while the tab is visible and
 * auto-refresh is on (no `refresh=off` in the URL), plus manual refreshes.
 *
 * A refresh that comes due while the tab is hidden waits, and runs once when the tab is shown
 * again. Pausing stops the countdown, and resuming starts a full interval.
 *
 * Provided by the dashboard frame, so it runs only while a dashboard is open. Pages read
 * `refreshTick` (for example in a `resource` params function or an `effect`) and reload when it
 * changes.
 */
@Injectable()
export class RefreshService {
  private readonly clock = inject(Clock);
  private readonly filters = inject(DashboardFiltersService);
  private readonly visibility = inject(PageVisibilityService);

  private readonly tick = signal(0);
  private readonly remainingMs = signal(AUTO_REFRESH_INTERVAL_MS);
  private readonly lastRefreshAt = signal(this.clock.now());
  /** When the next refresh is due, in epoch ms, or null while paused. */
  private dueAt: number | null = this.clock.now() + AUTO_REFRESH_INTERVAL_MS;

  /** Number of refreshes, manual or automatic, since the dashboard opened. */
  readonly refreshTick = this.tick.asReadonly();

  /** Epoch ms of the last refresh (or of opening the dashboard). */
  readonly lastRefreshedAt = this.lastRefreshAt.asReadonly();

  /** Whole seconds until the next automatic refresh. */
  readonly secondsLeft = computed(() => Math.ceil(this.remainingMs() / 1000));

  readonly paused = computed(() => !this.filters.autoRefresh());

  /** True while a refresh is due but held back because the tab is hidden. */
  readonly waitingForVisibility = computed(
    () => this.visibility.hidden() && !this.paused() && this.remainingMs() === 0,
  );

  constructor() {
    const timer = setInterval(() => this.update(), COUNTDOWN_STEP_MS);
    const subscription = this.visibility.changes.subscribe(() => this.update());
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      subscription.unsubscribe();
    });
  }

  /** Refreshes now and restarts the countdown. */
  refreshNow(): void {
    this.runRefresh();
  }

  /**
   * Pauses or resumes auto-refresh and keeps the choice in the URL. A change made through the URL
   * alone (Back button) takes effect at the next countdown step, within a second.
   */
  async setPaused(paused: boolean): Promise<boolean> {
    const navigated = await this.filters.setAutoRefresh(!paused);
    this.update();

    return navigated;
  }

  private update(): void {
    if (this.paused()) {
      this.dueAt = null;
      this.remainingMs.set(AUTO_REFRESH_INTERVAL_MS);

      return;
    }
    const now = this.clock.now();
    this.dueAt ??= now + AUTO_REFRESH_INTERVAL_MS;
    const remaining = Math.max(0, this.dueAt - now);
    this.remainingMs.set(remaining);

    if (remaining === 0 && !this.visibility.hidden()) {
      this.runRefresh();
    }
  }

  private runRefresh(): void {
    const now = this.clock.now();
    this.dueAt = this.paused() ? null : now + AUTO_REFRESH_INTERVAL_MS;
    this.remainingMs.set(AUTO_REFRESH_INTERVAL_MS);
    this.lastRefreshAt.set(now);
    this.tick.update((count) => count + 1);
  }
}
