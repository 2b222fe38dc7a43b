import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `krn_<12 hex prefix>_<43 base64url secret>`. The prefix
 * finds the stored row; the HMAC of the whole key proves the secret.
 */
const KEY_PATTERN = /^krn_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedKey {
  key: string;
  prefix: string;
}

export function generateApiKey(): GeneratedKey {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `krn_${prefix}_${secret}`, prefix };
}

/** Returns the prefix of a well-formed key, or null. */
export function parseKeyPrefix(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function hashApiKey(key: string, pepper: string): string {
  return createHmac('sha256', pepper).update(key).digest('hex');
}

/** Compares hex digests in constant time. */
export function digestsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
