import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import { AUTO_REFRESH_INTERVAL_MS, RefreshService } from './refresh.service';

const START = Date.parse('2026-12-04T12:00:00Z');

describe('RefreshService', () => {
  let visibilityState: DocumentVisibilityState;
  let autoRefresh: ReturnType<typeof signal<boolean>>;
  let refresh: RefreshService;

  function setVisibility(state: DocumentVisibilityState): void {
    visibilityState = state;
    document.dispatchEvent(new Event('visibilitychange'));
  }

  function advanceSeconds(seconds: number): void {
    jest.advanceTimersByTime(seconds * 1000);
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
    visibilityState = 'visible';
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibilityState,
    });
    autoRefresh = signal(true);
    TestBed.configureTestingModule({
      providers: [
        RefreshService,
        {
          provide: DashboardFiltersService,
          useValue: {
            autoRefresh,
            setAutoRefresh: (enabled: boolean) => {
              autoRefresh.set(enabled);

              return Promise.resolve(true);
            },
          },
        },
      ],
    });
    refresh = TestBed.inject(RefreshService);
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('counts down and refreshes every 30 s', () => {
    expect(AUTO_REFRESH_INTERVAL_MS).toBe(30_000);
    expect(refresh.secondsLeft()).toBe(30);

    advanceSeconds(10);
    expect(refresh.secondsLeft()).toBe(20);
    expect(refresh.refreshTick()).toBe(0);

    advanceSeconds(20);
    expect(refresh.refreshTick()).toBe(1);
    expect(refresh.secondsLeft()).toBe(30);
    expect(refresh.lastRefreshedAt()).toBe(START + 30_000);

    advanceSeconds(30);
    expect(refresh.refreshTick()).toBe(2);
  });

  it('holds a due refresh while hidden and runs it once when shown', () => {
    setVisibility('hidden');

    advanceSeconds(95);
    expect(refresh.refreshTick()).toBe(0);
    expect(refresh.secondsLeft()).toBe(0);
    expect(refresh.waitingForVisibility()).toBe(true);

    setVisibility('visible');
    expect(refresh.refreshTick()).toBe(1);
    expect(refresh.secondsLeft()).toBe(30);
    expect(refresh.waitingForVisibility()).toBe(false);

    advanceSeconds(29);
    expect(refresh.refreshTick()).toBe(1);
    advanceSeconds(1);
    expect(refresh.refreshTick()).toBe(2);
  });

  it('does not refresh on showing the tab before the refresh is due', () => {
    setVisibility('hidden');
    advanceSeconds(10);

    setVisibility('visible');

    expect(refresh.refreshTick()).toBe(0);
    expect(refresh.secondsLeft()).toBe(20);
  });

  it('stops counting while paused and restarts a full interval on resume', async () => {
    advanceSeconds(10);

    await refresh.setPaused(true);
    expect(refresh.paused()).toBe(true);
    advanceSeconds(120);
    expect(refresh.refreshTick()).toBe(0);
    expect(refresh.secondsLeft()).toBe(30);

    await refresh.setPaused(false);
    advanceSeconds(29);
    expect(refresh.refreshTick()).toBe(0);
    expect(refresh.secondsLeft()).toBe(1);
    advanceSeconds(1);
    expect(refresh.refreshTick()).toBe(1);
  });

  it('does not run a held refresh when shown while paused', () => {
    setVisibility('hidden');
    advanceSeconds(40);
    autoRefresh.set(false);

    setVisibility('visible');

    expect(refresh.refreshTick()).toBe(0);
  });

  it('refreshes on demand and restarts the countdown', () => {
    advanceSeconds(10);

    refresh.refreshNow();

    expect(refresh.refreshTick()).toBe(1);
    expect(refresh.lastRefreshedAt()).toBe(START + 10_000);
    advanceSeconds(29);
    expect(refresh.refreshTick()).toBe(1);
    advanceSeconds(1);
    expect(refresh.refreshTick()).toBe(2);
  });

  it('refreshes on demand while paused', () => {
    autoRefresh.set(false);
    advanceSeconds(1);

    refresh.refreshNow();
    advanceSeconds(60);

    expect(refresh.refreshTick()).toBe(1);
  });

  it('clears its timer when destroyed', () => {
    expect(jest.getTimerCount()).toBe(1);

    TestBed.resetTestingModule();

    expect(jest.getTimerCount()).toBe(0);
  });
});
