import { annotationFromDto, checkAnnotation, selectFreshItems } from './annotation-rules.js';
import type { AnnotationInsert } from './annotations.repository.js';

const NOW = new Date('2026-12-04T12:00:00.000Z');

function buildAnnotation(overrides: Partial<AnnotationInsert> = {}): AnnotationInsert {
  return {
    occurredAt: NOW,
    kind: 'note',
    title: 'Campaign launched',
    description: null,
    source: 'api',
    details: null,
    createdAt: NOW,
    ...overrides,
  };
}

describe('annotationFromDto', () => {
  it('defaults occurredAt to now and source to api', () => {
    const value = annotationFromDto({ kind: 'deploy', title: 'v2' }, NOW);
    expect(value.occurredAt).toEqual(NOW);
    expect(value.source).toBe('api');
    expect(value.description).toBeNull();
  });
});

describe('checkAnnotation', () => {
  it('accepts up to exactly one day ahead', () => {
    const occurredAt = new Date(NOW.getTime() + 86_400_000);
    expect(checkAnnotation(buildAnnotation({ occurredAt }), NOW)).toBeNull();
  });

  it('rejects more than one day ahead, naming occurredAt', () => {
    const occurredAt = new Date(NOW.getTime() + 86_400_001);
    expect(checkAnnotation(buildAnnotation({ occurredAt }), NOW)).toEqual({
      field: 'occurredAt',
      value: '2026-12-05T12:00:00.001Z',
      reason: 'must be at most 1 day in the future (now is 2026-12-04T12:00:00.000Z)',
    });
  });

  it('rejects an unknown kind, a blank or long title and large details', () => {
    expect(checkAnnotation(buildAnnotation({ kind: 'other' as never }), NOW)?.field).toBe('kind');
    expect(checkAnnotation(buildAnnotation({ title: '  ' }), NOW)?.field).toBe('title');
    expect(checkAnnotation(buildAnnotation({ title: 'x'.repeat(201) }), NOW)?.field).toBe('title');
    const details = { blob: 'x'.repeat(17_000) };
    expect(checkAnnotation(buildAnnotation({ details }), NOW)?.field).toBe('details');
  });
});

describe('selectFreshItems', () => {
  it('keeps items without a key and the first item of each claimed key', () => {
    const items = [
      { idempotencyKey: 'a', n: 1 },
      { n: 2 },
      { idempotencyKey: 'a', n: 3 },
      { idempotencyKey: 'seen-before', n: 4 },
      { idempotencyKey: 'b', n: 5 },
    ];
    const fresh = selectFreshItems(items, new Set(['a', 'b']));
    expect(fresh.map((item) => item.n)).toEqual([1, 2, 5]);
  });
});
