import { isUuid } from '../common/validation/uuid-pipe.js';
import { idForIdempotencyKey } from './deterministic-id.js';

describe('idForIdempotencyKey', () => {
  const tenant = '11111111-1111-4111-8111-111111111111';

  it('returns the same UUID for the same key', () => {
    expect(idForIdempotencyKey(tenant, 'respond', 'k-1')).toBe(
      idForIdempotencyKey(tenant, 'respond', 'k-1'),
    );
  });

  it('differs by tenant, kind and key', () => {
    const ids = new Set([
      idForIdempotencyKey(tenant, 'respond', 'k-1'),
      idForIdempotencyKey('22222222-2222-4222-8222-222222222222', 'respond', 'k-1'),
      idForIdempotencyKey(tenant, 'interaction', 'k-1'),
      idForIdempotencyKey(tenant, 'respond', 'k-2'),
    ]);
    expect(ids.size).toBe(4);
  });

  it('is a well-formed version 8 UUID', () => {
    const id = idForIdempotencyKey(tenant, 'respond', 'k-1');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('8');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });
});
