import {
  DEFAULT_TRACE_LIMIT,
  NO_TRACE_FILTERS,
  type TraceFilters,
  hasTraceFilters,
  parseTraceFilters,
  traceFiltersToApiParams,
  traceFiltersToLinkParams,
  traceFiltersToQueryParams,
} from './trace-filters';

/** Parses a query string the way the page reads its URL. */
function parseQuery(query: string) {
  const params = new URLSearchParams(query);

  return parseTraceFilters((name) => params.get(name));
}

/** Writes filters to a query string, as the router does, dropping removed parameters. */
function toQuery(filters: TraceFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(traceFiltersToQueryParams(filters))) {
    if (value !== null) {
      params.set(name, value);
    }
  }

  return params.toString();
}

const FULL: TraceFilters = {
  customerId: 'cust-1042',
  requestId: 'req-8c1f',
  offerKey: 'offer_summer_promo',
  stage: 'contactPolicy',
  ruleId: 'frequency_cap',
  from: '2026-12-03T12:00:00.000Z',
  to: '2026-12-04T12:00:00Z',
  limit: 100,
  cursor: 'opaque-cursor==',
};

describe('trace filters and the URL', () => {
  it('round-trips every filter through the query string', () => {
    const query = toQuery(FULL);
    const parsed = parseQuery(query);

    expect(parsed.problems).toEqual([]);
    expect(parsed.filters).toEqual(FULL);
  });

  it('round-trips the unfiltered list to an empty query', () => {
    expect(toQuery(NO_TRACE_FILTERS)).toBe('');
    expect(parseQuery('').filters).toEqual(NO_TRACE_FILTERS);
  });

  it('reads the link of a red contact-policy bar', () => {
    const { filters, problems } = parseQuery(
      'stage=contactPolicy&from=2026-12-03T12:00:00.000Z&to=2026-12-04T12:00:00.000Z',
    );

    expect(problems).toEqual([]);
    expect(filters.stage).toBe('contactPolicy');
    expect(filters.ruleId).toBeNull();
    expect(hasTraceFilters(filters)).toBe(true);
  });

  it('trims text filters and treats blanks as unset', () => {
    const { filters } = parseQuery('customerId=%20cust-1%20&requestId=');

    expect(filters.customerId).toBe('cust-1');
    expect(filters.requestId).toBeNull();
  });

  it.each([
    ['stage=policy', 'stage must be one of qualification, suppression, contactPolicy, scoring'],
    ['from=2026-12-04T10:15', 'from must be a date-time with Z or an offset'],
    ['to=yesterday', 'to must be a date-time with Z or an offset'],
    ['limit=500', 'limit must be a whole number from 1 to 200'],
    ['limit=0', 'limit must be a whole number from 1 to 200'],
    [`offerKey=${'x'.repeat(201)}`, 'offerKey is longer than 200 characters'],
    ['from=2026-12-04T12:00:00Z&to=2026-12-04T11:00:00Z', 'to (exclusive) must be after from'],
  ])('drops %s and explains why', (query, problem) => {
    const { filters, problems } = parseQuery(query);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
    expect(filters).toEqual(NO_TRACE_FILTERS);
  });

  it('accepts instants with an offset', () => {
    expect(parseQuery('from=2026-12-04T10:15:00%2B01:00').filters.from).toBe(
      '2026-12-04T10:15:00+01:00',
    );
  });

  it('leaves the default page size out of links', () => {
    expect(traceFiltersToLinkParams({ stage: 'scoring' })).toEqual({ stage: 'scoring' });
    expect(traceFiltersToLinkParams({ limit: 25 })).toEqual({ limit: '25' });
  });
});

describe('traceFiltersToApiParams', () => {
  it('sends every set filter with the page size and cursor', () => {
    expect(traceFiltersToApiParams(FULL)).toEqual({
      customerId: 'cust-1042',
      requestId: 'req-8c1f',
      offerKey: 'offer_summer_promo',
      stage: 'contactPolicy',
      ruleId: 'frequency_cap',
      from: '2026-12-03T12:00:00.000Z',
      to: '2026-12-04T12:00:00Z',
      limit: 100,
      cursor: 'opaque-cursor==',
    });
  });

  it('sends only the page size without filters', () => {
    expect(traceFiltersToApiParams(NO_TRACE_FILTERS)).toEqual({ limit: DEFAULT_TRACE_LIMIT });
  });
});
