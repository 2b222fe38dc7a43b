import { type ReportRunDto } from '@kaireon/api-client';
import { lastValueFrom, toArray } from 'rxjs';

import { buildRun } from './reports.testing';
import { formatBytes, isFinalRun, pollRunUntilFinished, runStatusView } from './run-status';

describe('pollRunUntilFinished', () => {
  it('stops at the first final status and emits it', async () => {
    const reads: ReportRunDto['status'][] = ['queued', 'running', 'succeeded', 'running'];
    const read = jest.fn(() => Promise.resolve(buildRun({ status: reads.shift()! })));

    const seen = await lastValueFrom(pollRunUntilFinished(read, 1).pipe(toArray()));

    expect(seen.map((run) => run.status)).toEqual(['queued', 'running', 'succeeded']);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it.each(['failed', 'missed'] as const)('stops on %s', async (status) => {
    const read = jest.fn(() => Promise.resolve(buildRun({ status })));

    const seen = await lastValueFrom(pollRunUntilFinished(read, 1).pipe(toArray()));

    expect(seen).toHaveLength(1);
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe('run status', () => {
  it.each([
    ['queued', false],
    ['running', false],
    ['succeeded', true],
    ['failed', true],
    ['missed', true],
  ] as const)('treats %s as final: %p', (status, final) => {
    expect(isFinalRun({ status })).toBe(final);
  });

  it('labels statuses with text as well as colour', () => {
    expect(runStatusView('failed')).toEqual({ tone: 'red', label: 'Failed' });
    expect(runStatusView('succeeded')).toEqual({ tone: 'green', label: 'Succeeded' });
  });
});

describe('formatBytes', () => {
  it.each([
    [812, '812 B'],
    [48_213, '48.2 kB'],
    [1_300_000, '1.3 MB'],
  ])('formats %p bytes as %p', (bytes, text) => {
    expect(formatBytes(bytes, 'en-US')).toBe(text);
  });
});
