import { digestsEqual, generateApiKey, hashApiKey, parseKeyPrefix } from './api-key-codec.js';
import { rolesAllowed } from './roles.js';

describe('API key codec', () => {
  it('generates keys whose prefix parses back', () => {
    const { key, prefix } = generateApiKey();
    expect(key).toMatch(/^krn_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(parseKeyPrefix(key)).toBe(prefix);
  });

  it('rejects malformed keys', () => {
    expect(parseKeyPrefix('krn_short')).toBeNull();
    expect(parseKeyPrefix(`xyz_0123456789ab_${'a'.repeat(43)}`)).toBeNull();
  });

  it('hashes with the pepper', () => {
    const key = generateApiKey().key;
    expect(hashApiKey(key, 'pepper-a')).not.toBe(hashApiKey(key, 'pepper-b'));
    expect(digestsEqual(hashApiKey(key, 'p'), hashApiKey(key, 'p'))).toBe(true);
    expect(digestsEqual(hashApiKey(key, 'p'), hashApiKey(`${key}x`, 'p'))).toBe(false);
  });
});

describe('rolesAllowed', () => {
  it('opens telemetry writes to ingest, editor and admin', () => {
    expect(rolesAllowed('ingest')).toEqual(['ingest', 'editor', 'admin']);
  });

  it('keeps ingest keys out of reads', () => {
    expect(rolesAllowed('viewer')).not.toContain('ingest');
    expect(rolesAllowed('admin')).toEqual(['admin']);
  });
});
