import { validate } from 'class-validator';

import {
  IsBoundedText,
  IsContextObject,
  IsNumberInRange,
  IsValidInstant,
  MAX_CONTEXT_BYTES,
} from './telemetry-validators.js';

class Probe {
  @IsValidInstant()
  at: unknown;

  @IsContextObject()
  context: unknown;
}

async function failedFields(at: unknown, context: unknown): Promise<string[]> {
  const probe = Object.assign(new Probe(), { at, context });
  return (await validate(probe)).map((error) => error.property);
}

describe('telemetry validators', () => {
  it('accepts a zoned timestamp and a small object', async () => {
    expect(await failedFields('2026-12-04T10:15:00.123+01:00', { a: 1 })).toEqual([]);
  });

  it.each([
    '2026-12-04T10:15:00',
    '2026-12-04',
    '2026-02-31T10:00:00Z',
    '2026-13-01T00:00:00Z',
    1733300000000,
  ])('rejects the timestamp %s', async (value) => {
    expect(await failedFields(value, {})).toEqual(['at']);
  });

  it.each([
    ['an array', [1, 2]],
    ['a string', 'text'],
    ['null', null],
    ['an oversized object', { blob: 'x'.repeat(MAX_CONTEXT_BYTES) }],
  ])('rejects %s as context', async (_name, value) => {
    expect(await failedFields('2026-12-04T10:15:00Z', value)).toEqual(['context']);
  });
});

class RangeProbe {
  @IsBoundedText(5, 'is required here')
  name: unknown;

  @IsNumberInRange({ min: 0, max: 100, maxDecimals: 2 })
  amount: unknown;

  @IsNumberInRange({ min: 1, max: 10, integer: true })
  rank: unknown;
}

async function messages(values: Partial<RangeProbe>): Promise<Record<string, string[]>> {
  const probe = Object.assign(new RangeProbe(), { name: 'ok', amount: 1, rank: 1, ...values });
  const errors = await validate(probe);
  return Object.fromEntries(
    errors.map((error) => [error.property, Object.values(error.constraints ?? {})]),
  );
}

describe('range validators', () => {
  it('accepts values inside the ranges', async () => {
    expect(await messages({ name: 'abcde', amount: 99.99, rank: 10 })).toEqual({});
  });

  it('gives one message for a missing or too long text', async () => {
    expect(await messages({ name: undefined })).toEqual({ name: ['is required here'] });
    expect(await messages({ name: 'abcdef' })).toEqual({
      name: ['must be a string of 1 to 5 characters'],
    });
    expect(await messages({ name: 7 })).toEqual({
      name: ['must be a string of 1 to 5 characters'],
    });
  });

  it.each([-0.01, 100.01, 1.005, '5', Number.NaN])(
    'rejects the amount %p with one message',
    async (amount) => {
      expect(await messages({ amount })).toEqual({
        amount: ['must be a number from 0 to 100 with at most 2 decimals'],
      });
    },
  );

  it.each([0, 11, 2.5])('rejects the rank %p', async (rank) => {
    expect(await messages({ rank })).toEqual({ rank: ['must be an integer from 1 to 10'] });
  });
});
