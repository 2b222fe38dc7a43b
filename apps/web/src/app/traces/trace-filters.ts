import { type ListDecisionTraces$Json$Params } from '@kaireon/api-client';

import { type PipelineStage, PIPELINE_STAGES, isPipelineStage } from './pipeline-stages';

/**
 * Filters of the decision trace explorer and their URL form. The URL is the only store, so a link
 * reproduces the list, and the query parameters carry the API's own names:
 * `/traces?stage=contactPolicy&ruleId=frequency_cap&from=2026-12-04T00:00:00Z&limit=50`.
 */

/** Rows per page when the URL names no limit, as in the API. */
export const DEFAULT_TRACE_LIMIT = 50;

/** Maximum rows per page the API accepts. */
export const MAX_TRACE_LIMIT = 200;

/** Page sizes offered in the filter form. */
export const TRACE_LIMIT_OPTIONS: readonly number[] = [25, 50, 100, 200];

/** Maximum length of an identifier or key in a filter, as the API accepts it. */
export const TRACE_FILTER_MAX_LENGTH = 200;

/** The text filters, in form order. */
export const TRACE_TEXT_FILTERS = ['customerId', 'requestId', 'offerKey', 'ruleId'] as const;

export type TraceTextFilter = (typeof TRACE_TEXT_FILTERS)[number];

/** Everything the trace list is filtered and paged by. Null means "not filtered". */
export interface TraceFilters {
  readonly customerId: string | null;
  readonly requestId: string | null;
  readonly offerKey: string | null;
  /** With `ruleId`: traces where that rule removed a candidate at this stage; alone: any rule. */
  readonly stage: PipelineStage | null;
  readonly ruleId: string | null;
  /** ISO 8601 instant, inclusive. */
  readonly from: string | null;
  /** ISO 8601 instant, exclusive. */
  readonly to: string | null;
  readonly limit: number;
  /** `nextCursor` of the previous page, or null for the first page. */
  readonly cursor: string | null;
}

/** Outcome of reading the URL: the filters in effect and why any URL value was ignored. */
export interface TraceFiltersParseResult {
  readonly filters: TraceFilters;
  readonly problems: readonly string[];
}

/** Query parameter values; `null` removes the parameter when merged into the URL. */
export type TraceQueryParams = Record<keyof TraceFilters, string | null>;

export const NO_TRACE_FILTERS: TraceFilters = {
  customerId: null,
  requestId: null,
  offerKey: null,
  stage: null,
  ruleId: null,
  from: null,
  to: null,
  limit: DEFAULT_TRACE_LIMIT,
  cursor: null,
};

// The API takes a date-time with Z or an offset; a time without one would be ambiguous.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Returns true for an ISO 8601 date-time with Z or an offset that names a real instant. */
export function isInstant(value: string): boolean {
  return INSTANT_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
}

function readText(name: TraceTextFilter, value: string | null, problems: string[]): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    return null;
  }
  if (trimmed.length > TRACE_FILTER_MAX_LENGTH) {
    problems.push(
      `${name} is longer than ${TRACE_FILTER_MAX_LENGTH} characters, so it was ignored.`,
    );

    return null;
  }

  return trimmed;
}

function readInstant(name: 'from' | 'to', value: string | null, problems: string[]): string | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  if (!isInstant(value.trim())) {
    problems.push(
      `${name} must be a date-time with Z or an offset, such as 2026-12-04T10:15:00Z ` +
        `(got "${value}"), so it was ignored.`,
    );

    return null;
  }

  return value.trim();
}

function readLimit(value: string | null, problems: string[]): number {
  if (value === null || value === '') {
    return DEFAULT_TRACE_LIMIT;
  }
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_TRACE_LIMIT) {
    problems.push(
      `limit must be a whole number from 1 to ${MAX_TRACE_LIMIT} (got "${value}"). ` +
        `Showing ${DEFAULT_TRACE_LIMIT} traces per page.`,
    );

    return DEFAULT_TRACE_LIMIT;
  }

  return limit;
}

/**
 * Reads the explorer's filters from URL query parameters (`get` returns a parameter's value or
 * null). A value the API would reject with a 400 is dropped, and `problems` explains why.
 */
export function parseTraceFilters(get: (name: string) => string | null): TraceFiltersParseResult {
  const problems: string[] = [];
  const stageText = get('stage');
  let stage: PipelineStage | null = null;
  if (stageText !== null && stageText !== '') {
    if (isPipelineStage(stageText)) {
      stage = stageText;
    } else {
      problems.push(
        `stage must be one of ${PIPELINE_STAGES.join(', ')} (got "${stageText}"), so it was ignored.`,
      );
    }
  }
  let from = readInstant('from', get('from'), problems);
  let to = readInstant('to', get('to'), problems);
  if (from !== null && to !== null && Date.parse(from) >= Date.parse(to)) {
    problems.push(
      `to (exclusive) must be after from (got from ${from}, to ${to}), so both were ignored.`,
    );
    from = null;
    to = null;
  }
  const cursor = get('cursor');

  return {
    filters: {
      customerId: readText('customerId', get('customerId'), problems),
      requestId: readText('requestId', get('requestId'), problems),
      offerKey: readText('offerKey', get('offerKey'), problems),
      stage,
      ruleId: readText('ruleId', get('ruleId'), problems),
      from,
      to,
      limit: readLimit(get('limit'), problems),
      cursor: cursor === null || cursor === '' ? null : cursor,
    },
    problems,
  };
}

/**
 * Returns the query parameters that reproduce `filters`, with null for each one to remove. The
 * default limit is left out, so the plain explorer link stays `/traces`.
 */
export function traceFiltersToQueryParams(filters: TraceFilters): TraceQueryParams {
  return {
    customerId: filters.customerId,
    requestId: filters.requestId,
    offerKey: filters.offerKey,
    stage: filters.stage,
    ruleId: filters.ruleId,
    from: filters.from,
    to: filters.to,
    limit: filters.limit === DEFAULT_TRACE_LIMIT ? null : String(filters.limit),
    cursor: filters.cursor,
  };
}

/** Returns `traceFiltersToQueryParams` without the removed (null) parameters, for links. */
export function traceFiltersToLinkParams(filters: Partial<TraceFilters>): Record<string, string> {
  const params = traceFiltersToQueryParams({ ...NO_TRACE_FILTERS, ...filters });
  const link: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== null) {
      link[name] = value;
    }
  }

  return link;
}

/** Returns the parameters of `GET /api/v1/decision-traces` for `filters`. */
export function traceFiltersToApiParams(filters: TraceFilters): ListDecisionTraces$Json$Params {
  const params: ListDecisionTraces$Json$Params = { limit: filters.limit };
  for (const name of TRACE_TEXT_FILTERS) {
    const value = filters[name];
    if (value !== null) {
      params[name] = value;
    }
  }
  if (filters.stage !== null) {
    params.stage = filters.stage;
  }
  if (filters.from !== null) {
    params.from = filters.from;
  }
  if (filters.to !== null) {
    params.to = filters.to;
  }
  if (filters.cursor !== null) {
    params.cursor = filters.cursor;
  }

  return params;
}

/** Returns true when any filter other than the page size and cursor is set. */
export function hasTraceFilters(filters: TraceFilters): boolean {
  return (
    TRACE_TEXT_FILTERS.some((name) => filters[name] !== null) ||
    filters.stage !== null ||
    filters.from !== null ||
    filters.to !== null
  );
}

/** Returns true when two filter sets select the same traces (page size and cursor aside). */
export function sameTraceSelection(left: TraceFilters, right: TraceFilters): boolean {
  return (
    TRACE_TEXT_FILTERS.every((name) => left[name] === right[name]) &&
    left.stage === right.stage &&
    left.from === right.from &&
    left.to === right.to &&
    left.limit === right.limit
  );
}
