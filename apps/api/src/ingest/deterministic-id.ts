import { createHash } from 'node:crypto';

/**
 * A UUID derived from a tenant's idempotency key, so a repeated key maps to
 * the id of the first recording. Formatted as an RFC 9562 version 8 (custom) UUID.
 */
export function idForIdempotencyKey(tenantId: string, kind: string, key: string): string {
  const bytes = createHash('sha256')
    .update(`${tenantId}\u0000${kind}\u0000${key}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
