import type { Response } from 'express';

import { InvalidParameterError } from '../common/errors/domain-errors.js';
import { itemsWithHeaderKey, writeResponse } from './write-outcome.js';

describe('itemsWithHeaderKey', () => {
  it('puts the header key on a single object', () => {
    const items = itemsWithHeaderKey<{ idempotencyKey?: string }>(
      { mode: 'single', item: {} },
      'k1',
    );
    expect(items).toEqual([{ index: 0, item: { idempotencyKey: 'k1' } }]);
  });

  it('rejects the header on a batch', () => {
    const batch = { mode: 'batch' as const, items: [], rejected: [], total: 1 };
    expect(() => itemsWithHeaderKey(batch, 'k1')).toThrow(InvalidParameterError);
  });

  it('rejects a header that differs from the body key', () => {
    const single = { mode: 'single' as const, item: { idempotencyKey: 'k2' } };
    expect(() => itemsWithHeaderKey(single, 'k1')).toThrow(
      /differs from the body's idempotencyKey k2/,
    );
  });
});

describe('writeResponse', () => {
  function fakeResponse(): Response & { statusCode: number } {
    const response = { statusCode: 0 } as Response & { statusCode: number };
    response.status = (code: number) => {
      response.statusCode = code;
      return response;
    };
    return response;
  }

  it('answers 201 with the stored item', () => {
    const response = fakeResponse();
    expect(writeResponse(response, { mode: 'created', row: { id: 1 } }, (row) => row.id)).toBe(1);
    expect(response.statusCode).toBe(201);
  });

  it('answers 200 accepted for a repeated key', () => {
    const response = fakeResponse();
    expect(writeResponse(response, { mode: 'repeated' }, () => null)).toEqual({
      accepted: 1,
      rejected: [],
    });
    expect(response.statusCode).toBe(200);
  });
});
