import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { DashboardFiltersService, parseSegmentParam } from './dashboard-filters.service';

@Component({ template: '' })
class BlankPage {}

describe('DashboardFiltersService', () => {
  let router: Router;
  let filters: DashboardFiltersService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'dashboards/business', component: BlankPage }])],
    });
    router = TestBed.inject(Router);
    filters = TestBed.inject(DashboardFiltersService);
  });

  function queryParams(): Record<string, string> {
    return router.parseUrl(router.url).queryParams;
  }

  it('defaults to 7 days with auto-refresh on', async () => {
    await router.navigateByUrl('/dashboards/business');

    expect(filters.period()).toEqual({ kind: 'days', days: 7 });
    expect(filters.periodProblem()).toBeNull();
    expect(filters.autoRefresh()).toBe(true);
    expect(filters.filters().apiParams).toEqual({ days: 7 });
  });

  it('reads days and refresh=off from the URL', async () => {
    await router.navigateByUrl('/dashboards/business?days=30&refresh=off');

    expect(filters.period()).toEqual({ kind: 'days', days: 30 });
    expect(filters.autoRefresh()).toBe(false);
  });

  it('reads a custom range from the URL', async () => {
    await router.navigateByUrl('/dashboards/business?from=2026-11-01&to=2026-12-01');

    expect(filters.filters().apiParams).toEqual({ from: '2026-11-01', to: '2026-12-01' });
  });

  it('reports an invalid URL period and uses the default', async () => {
    await router.navigateByUrl('/dashboards/business?days=400');

    expect(filters.period()).toEqual({ kind: 'days', days: 7 });
    expect(filters.periodProblem()).toContain('days must be a whole number from 1 to 365');
  });

  it('writes a range and drops days, keeping other parameters', async () => {
    await router.navigateByUrl('/dashboards/business?days=30&segmentId=abc');

    await filters.setPeriod({ kind: 'range', from: '2026-11-01', to: '2026-12-01' });

    expect(router.parseUrl(router.url).root.children['primary']?.toString()).toBe(
      'dashboards/business',
    );
    expect(queryParams()).toEqual({ segmentId: 'abc', from: '2026-11-01', to: '2026-12-01' });
    expect(filters.period()).toEqual({ kind: 'range', from: '2026-11-01', to: '2026-12-01' });
  });

  it('writes days and drops a range', async () => {
    await router.navigateByUrl('/dashboards/business?from=2026-11-01&to=2026-12-01');

    await filters.setPeriod({ kind: 'days', days: 90 });

    expect(queryParams()).toEqual({ days: '90' });
  });

  it('keeps the pause switch in the URL', async () => {
    await router.navigateByUrl('/dashboards/business?days=14');

    await filters.setAutoRefresh(false);
    expect(queryParams()).toEqual({ days: '14', refresh: 'off' });
    expect(filters.autoRefresh()).toBe(false);

    await filters.setAutoRefresh(true);
    expect(queryParams()).toEqual({ days: '14' });
    expect(filters.autoRefresh()).toBe(true);
  });

  it('reads a segmentId from the URL into the filters', async () => {
    await router.navigateByUrl(
      '/dashboards/business?segmentId=0B8E2D4C-1A3F-4E5D-8C7B-6A5F4E3D2C1B',
    );

    expect(filters.segmentId()).toBe('0b8e2d4c-1a3f-4e5d-8c7b-6a5f4e3d2c1b');
    expect(filters.filters().segmentId).toBe('0b8e2d4c-1a3f-4e5d-8c7b-6a5f4e3d2c1b');
    expect(filters.segmentProblem()).toBeNull();
  });

  it('writes and removes the segment, keeping the period', async () => {
    await router.navigateByUrl('/dashboards/business?days=30');

    await filters.setSegment('0b8e2d4c-1a3f-4e5d-8c7b-6a5f4e3d2c1b');
    expect(queryParams()).toEqual({
      days: '30',
      segmentId: '0b8e2d4c-1a3f-4e5d-8c7b-6a5f4e3d2c1b',
    });

    await filters.setSegment(null);
    expect(queryParams()).toEqual({ days: '30' });
    expect(filters.segmentId()).toBeNull();
  });
});

describe('parseSegmentParam', () => {
  it('has no segment without the parameter', () => {
    expect(parseSegmentParam(null)).toEqual({ segmentId: null, problem: null });
    expect(parseSegmentParam('')).toEqual({ segmentId: null, problem: null });
  });

  it('ignores and explains a value that is not a UUID', () => {
    const result = parseSegmentParam('high-value');

    expect(result.segmentId).toBeNull();
    expect(result.problem).toBe(
      `segmentId must be a segment's UUID (got "high-value"). Showing all customers instead.`,
    );
  });
});
