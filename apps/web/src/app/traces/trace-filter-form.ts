import { type PipelineStage, isPipelineStage } from './pipeline-stages';
import {
  DEFAULT_TRACE_LIMIT,
  TRACE_FILTER_MAX_LENGTH,
  TRACE_TEXT_FILTERS,
  type TraceFilters,
} from './trace-filters';
import { instantToZonedLocal, zonedLocalToInstant } from './zoned-time';

/**
 * The filter form of the trace explorer. Its time fields are `datetime-local` values in the
 * viewer's time zone; the URL and the API take instants in UTC.
 */
export interface TraceFilterFormValue {
  customerId: string;
  requestId: string;
  offerKey: string;
  /** A stage name, or '' for any stage. */
  stage: string;
  ruleId: string;
  /** Wall-clock time in the viewer's zone ("2026-12-04T10:15"), or ''. */
  from: string;
  to: string;
  /** Page size as text, from the select. */
  limit: string;
}

/** Outcome of reading the form: the filters to apply, or the reasons they cannot be applied. */
export type TraceFormResult =
  | { readonly ok: true; readonly filters: TraceFilters }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Returns the form's value for `filters`, showing the time range in `timeZone`. */
export function filtersToFormValue(filters: TraceFilters, timeZone: string): TraceFilterFormValue {
  return {
    customerId: filters.customerId ?? '',
    requestId: filters.requestId ?? '',
    offerKey: filters.offerKey ?? '',
    stage: filters.stage ?? '',
    ruleId: filters.ruleId ?? '',
    from: filters.from !== null ? instantToZonedLocal(filters.from, timeZone) : '',
    to: filters.to !== null ? instantToZonedLocal(filters.to, timeZone) : '',
    limit: String(filters.limit),
  };
}

function readTime(
  label: string,
  value: string,
  timeZone: string,
  previous: string | null,
  problems: string[],
): string | null {
  if (value === '') {
    return null;
  }
  // The field shows whole minutes. While it still shows the previous instant, that instant is
  // kept to the millisecond, so applying other filters does not shift a range from a link.
  if (previous !== null && instantToZonedLocal(previous, timeZone) === value) {
    return previous;
  }
  const instant = zonedLocalToInstant(value, timeZone);
  if (instant === null) {
    problems.push(`${label} must be a date and time (got "${value}").`);
  }

  return instant;
}

/**
 * Reads the form into filters for the first page. Times are read in `timeZone`; `previous` are the
 * filters the form was filled from. Values the API would reject (an unknown stage, a key over 200
 * characters, a range that ends before it starts) come back as problems instead.
 */
export function formValueToFilters(
  value: TraceFilterFormValue,
  timeZone: string,
  previous: TraceFilters | null = null,
): TraceFormResult {
  const problems: string[] = [];
  const text: Partial<Record<(typeof TRACE_TEXT_FILTERS)[number], string | null>> = {};
  for (const name of TRACE_TEXT_FILTERS) {
    const trimmed = value[name].trim();
    if (trimmed.length > TRACE_FILTER_MAX_LENGTH) {
      problems.push(`${name} can have at most ${TRACE_FILTER_MAX_LENGTH} characters.`);
    }
    text[name] = trimmed === '' ? null : trimmed;
  }
  let stage: PipelineStage | null = null;
  if (value.stage !== '') {
    if (isPipelineStage(value.stage)) {
      stage = value.stage;
    } else {
      problems.push(`Choose a stage from the list (got "${value.stage}").`);
    }
  }
  const from = readTime('From', value.from, timeZone, previous?.from ?? null, problems);
  const to = readTime('To', value.to, timeZone, previous?.to ?? null, problems);
  if (from !== null && to !== null && Date.parse(from) >= Date.parse(to)) {
    problems.push('The end of the time range must be after its start.');
  }
  const limit = Number(value.limit);
  if (problems.length > 0) {
    return { ok: false, problems };
  }

  return {
    ok: true,
    filters: {
      customerId: text.customerId ?? null,
      requestId: text.requestId ?? null,
      offerKey: text.offerKey ?? null,
      stage,
      ruleId: text.ruleId ?? null,
      from,
      to,
      limit: Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_TRACE_LIMIT,
      cursor: null,
    },
  };
}
