import { type TraceFormResult, filtersToFormValue, formValueToFilters } from './trace-filter-form';
import { NO_TRACE_FILTERS, type TraceFilters } from './trace-filters';

const BERLIN = 'Europe/Berlin';

/** Returns the filters of an accepted form, and fails the test for a rejected one. */
function acceptedFilters(result: TraceFormResult): TraceFilters {
  if (!result.ok) {
    throw new Error(`The form was rejected: ${result.problems.join(' ')}`);
  }

  return result.filters;
}

/** Returns the problems of a rejected form, and fails the test for an accepted one. */
function rejectionProblems(result: TraceFormResult): readonly string[] {
  if (result.ok) {
    throw new Error('The form was accepted');
  }

  return result.problems;
}

const FILTERS: TraceFilters = {
  ...NO_TRACE_FILTERS,
  offerKey: 'offer_summer_promo',
  stage: 'contactPolicy',
  ruleId: 'frequency_cap',
  from: '2026-12-04T09:15:00Z',
  to: '2026-12-04T11:00:00Z',
  limit: 100,
};

describe('trace filter form', () => {
  it('shows the time range in the viewer zone', () => {
    expect(filtersToFormValue(FILTERS, BERLIN)).toEqual({
      customerId: '',
      requestId: '',
      offerKey: 'offer_summer_promo',
      stage: 'contactPolicy',
      ruleId: 'frequency_cap',
      from: '2026-12-04T10:15',
      to: '2026-12-04T12:00',
      limit: '100',
    });
  });

  it('round-trips filters through the form', () => {
    const result = formValueToFilters(filtersToFormValue(FILTERS, BERLIN), BERLIN);

    expect(result).toEqual({ ok: true, filters: FILTERS });
  });

  it('keeps an instant to the millisecond while its field is unchanged', () => {
    const previous = { ...FILTERS, from: '2026-12-04T09:15:42.123Z' };
    const value = { ...filtersToFormValue(previous, BERLIN), customerId: 'cust-7' };
    const filters = acceptedFilters(formValueToFilters(value, BERLIN, previous));

    expect(filters.from).toBe('2026-12-04T09:15:42.123Z');
    expect(filters.customerId).toBe('cust-7');
  });

  it('starts a changed filter set on the first page', () => {
    const value = filtersToFormValue({ ...FILTERS, cursor: 'abc' }, BERLIN);
    const filters = acceptedFilters(
      formValueToFilters(value, BERLIN, { ...FILTERS, cursor: 'abc' }),
    );

    expect(filters.cursor).toBeNull();
  });

  it('rejects a range that ends before it starts', () => {
    const value = { ...filtersToFormValue(FILTERS, BERLIN), to: '2026-12-04T09:00' };

    expect(formValueToFilters(value, BERLIN)).toEqual({
      ok: false,
      problems: ['The end of the time range must be after its start.'],
    });
  });

  it('rejects an unknown stage and an overlong key', () => {
    const value = {
      ...filtersToFormValue(NO_TRACE_FILTERS, BERLIN),
      stage: 'ranking',
      customerId: 'c'.repeat(201),
    };
    const problems = rejectionProblems(formValueToFilters(value, BERLIN));

    expect(problems).toEqual([
      'customerId can have at most 200 characters.',
      'Choose a stage from the list (got "ranking").',
    ]);
  });
});
