import { HttpErrorResponse } from '@angular/common/http';

import { checkSegmentFields, sortSaveError, suggestSegmentKey } from './segment-form';

function apiError(status: number, details: object[] = [], message = 'Rejected'): HttpErrorResponse {
  return new HttpErrorResponse({
    status,
    error: { error: { code: 'x', message, status, details } },
  });
}

describe('suggestSegmentKey', () => {
  it('turns a name into a catalog key', () => {
    expect(suggestSegmentKey('High value (DE)')).toBe('high-value-de');
    expect(suggestSegmentKey('  Über 60 – Österreich ')).toBe('uber-60-osterreich');
    expect(suggestSegmentKey('***')).toBe('');
  });
});

describe('checkSegmentFields', () => {
  it('accepts a complete form', () => {
    expect(checkSegmentFields({ name: 'VIP', key: 'vip', baseSchemaId: 'id' }).size).toBe(0);
  });

  it('names every missing or malformed field', () => {
    const problems = checkSegmentFields({ name: ' ', key: 'Bad Key', baseSchemaId: '' });

    expect([...problems.keys()]).toEqual(['name', 'key', 'baseSchemaId']);
    expect(problems.get('key')?.[0]).toContain('lowercase letters, digits');
  });
});

describe('sortSaveError', () => {
  it('sorts 400 details to conditions and fields', () => {
    const problems = sortSaveError(
      apiError(400, [
        { field: 'conditions[0].operator', reason: 'must be one of =, !=' },
        { field: 'name', reason: 'must not be blank' },
        { field: 'refreshCron', reason: 'must be a 5-field cron expression' },
      ]),
    );

    expect(problems.byCondition.get(0)).toEqual(['operator must be one of =, !=']);
    expect(problems.byField.get('name')).toEqual(['must not be blank']);
    expect(problems.general).toBe('refreshCron must be a 5-field cron expression');
  });

  it('puts a conflict on the key', () => {
    const problems = sortSaveError(apiError(409, [], 'Segment key vip is taken'));

    expect(problems.byField.get('key')).toEqual(['Segment key vip is taken']);
    expect(problems.general).toBeNull();
  });

  it('reports a view that could not be built at the top', () => {
    const problems = sortSaveError(apiError(422, [], 'The segment view could not be built'));

    expect(problems.general).toBe('The segment view could not be built');
    expect(problems.byField.size).toBe(0);
  });
});
