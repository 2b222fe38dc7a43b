import { DEFAULT_OUTBOX_WORKER_SETTINGS, retryDelayMs } from './outbox-backoff.js';

describe('retryDelayMs', () => {
  const settings = {
    ...DEFAULT_OUTBOX_WORKER_SETTINGS,
    retryBaseDelayMs: 1_000,
    retryMaxDelayMs: 10_000,
  };

  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [5, 10_000],
    [40, 10_000],
  ])('waits after attempt %i for %i ms', (attempts, delay) => {
    expect(retryDelayMs(attempts, settings)).toBe(delay);
  });
});
