import { type DashboardView, buildReportFilters, describeReportFilters } from './report-filters';

const SEGMENT_ID = '2b7e1c4a-5d6f-4a8b-9c0d-1e2f3a4b5c6d';

function buildView(overrides: Partial<DashboardView> = {}): DashboardView {
  return {
    dashboard: 'business',
    period: { kind: 'days', days: 7 },
    segmentId: null,
    segmentsSupported: true,
    windowHoursParam: null,
    ...overrides,
  };
}

describe('buildReportFilters', () => {
  it('keeps a relative period as days', () => {
    expect(buildReportFilters(buildView({ period: { kind: 'days', days: 30 } }))).toEqual({
      days: 30,
    });
  });

  it('sends a custom range as from and exclusive to', () => {
    const view = buildView({ period: { kind: 'range', from: '2026-11-01', to: '2026-12-01' } });

    expect(buildReportFilters(view)).toEqual({ from: '2026-11-01', to: '2026-12-01' });
  });

  it('adds the segment where the dashboard applies it', () => {
    expect(buildReportFilters(buildView({ segmentId: SEGMENT_ID }))).toEqual({
      days: 7,
      segmentId: SEGMENT_ID,
    });
  });

  it('leaves the segment out where the dashboard ignores it', () => {
    const view = buildView({
      dashboard: 'operations',
      segmentId: SEGMENT_ID,
      segmentsSupported: false,
    });

    expect(buildReportFilters(view)).toEqual({ days: 7 });
  });

  it('sends windowHours from the URL for Operations only', () => {
    expect(
      buildReportFilters(buildView({ dashboard: 'operations', windowHoursParam: '48' })),
    ).toEqual({ days: 7, windowHours: 48 });
    expect(buildReportFilters(buildView({ windowHoursParam: '48' }))).toEqual({ days: 7 });
  });

  it.each(['0', '169', '1.5', 'abc', ''])('ignores windowHours %p', (value) => {
    const view = buildView({ dashboard: 'operations', windowHoursParam: value });

    expect(buildReportFilters(view)).toEqual({ days: 7 });
  });
});

describe('describeReportFilters', () => {
  it('says a days period is relative', () => {
    expect(describeReportFilters({ days: 30 }, 'en-US')).toBe('Last 30 days, relative to each run');
  });

  it('names the default period when none is stored', () => {
    expect(describeReportFilters({}, 'en-US')).toBe('Last 7 days (default), relative to each run');
  });

  it('shows a range with its inclusive last day, as fixed', () => {
    expect(describeReportFilters({ from: '2026-11-01', to: '2026-12-01' }, 'en-US')).toBe(
      'Nov 1, 2026 – Nov 30, 2026 (UTC), fixed',
    );
  });

  it('names the segment when known, else shows its id', () => {
    const names = new Map([[SEGMENT_ID, 'High value']]);

    expect(
      describeReportFilters({ days: 7, segmentId: SEGMENT_ID }, 'en-US', (id) => names.get(id)),
    ).toBe('Last 7 days, relative to each run · Segment: High value');
    expect(describeReportFilters({ days: 7, segmentId: SEGMENT_ID }, 'en-US')).toBe(
      `Last 7 days, relative to each run · Segment: ${SEGMENT_ID}`,
    );
  });

  it('shows the pipeline window', () => {
    expect(describeReportFilters({ days: 1, windowHours: 12 }, 'en-US')).toBe(
      'Today, relative to each run · Pipeline window: 12 hours',
    );
  });
});
