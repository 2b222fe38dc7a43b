import { checkOccurredAt } from './occurred-at.js';

describe('checkOccurredAt', () => {
  const now = new Date('2026-12-04T12:00:00.000Z');

  it('defaults to now', () => {
    expect(checkOccurredAt(undefined, now, 365)).toEqual({ ok: true, occurredAt: now });
  });

  it('accepts the oldest instant inside retention', () => {
    const result = checkOccurredAt('2026-11-04T12:00:00.000Z', now, 30);
    expect(result).toEqual({ ok: true, occurredAt: new Date('2026-11-04T12:00:00.000Z') });
  });

  it('rejects an instant older than retention', () => {
    const result = checkOccurredAt('2026-11-04T11:59:59.999Z', now, 30);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(
      'must be from 2026-11-04T12:00:00.000Z to 2026-12-05T12:00:00.000Z (the last 30 days, or at most 1 day ahead)',
    );
  });

  it('accepts exactly one day ahead', () => {
    expect(checkOccurredAt('2026-12-05T12:00:00Z', now, 365).ok).toBe(true);
  });

  it('rejects more than one day ahead', () => {
    expect(checkOccurredAt('2026-12-05T12:00:00.001Z', now, 365).ok).toBe(false);
  });

  it('reads offsets', () => {
    const result = checkOccurredAt('2026-12-04T13:30:00+01:00', now, 365);
    expect(result).toEqual({ ok: true, occurredAt: new Date('2026-12-04T12:30:00.000Z') });
  });
});
