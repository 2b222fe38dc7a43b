import { randomBytes } from 'node:crypto';

import { SecretBox, SecretDecryptionError } from './secret-box.js';

describe('SecretBox', () => {
  const key = Buffer.alloc(32, 7);
  const box = new SecretBox(key);
  const tenant = 'tenant-a';

  it('decrypts what it encrypted', () => {
    const sealed = box.encrypt('smtp-password-ü', tenant);
    expect(box.decrypt(sealed, tenant)).toBe('smtp-password-ü');
  });

  it('never stores the plaintext', () => {
    const sealed = box.encrypt('hooks.slack.com/services/T000/B000/XXXX', tenant);
    expect(sealed).not.toContain('slack');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(sealed.split(':')).toHaveLength(4);
  });

  it('draws a fresh IV for every value', () => {
    const first = box.encrypt('same', tenant);
    const second = box.encrypt('same', tenant);
    expect(first).not.toBe(second);
    expect(first.split(':')[1]).not.toBe(second.split(':')[1]);
  });

  it('rejects a value sealed for another tenant', () => {
    const sealed = box.encrypt('secret', tenant);
    expect(() => box.decrypt(sealed, 'tenant-b')).toThrow(SecretDecryptionError);
  });

  it('rejects a value sealed with another key', () => {
    const sealed = new SecretBox(randomBytes(32)).encrypt('secret', tenant);
    expect(() => box.decrypt(sealed, tenant)).toThrow(SecretDecryptionError);
  });

  it('rejects an altered ciphertext', () => {
    const [version, iv, tag, ciphertext] = box.encrypt('secret', tenant).split(':');
    const bytes = Buffer.from(ciphertext, 'base64url');
    bytes[0] ^= 1;
    const altered = [version, iv, tag, bytes.toString('base64url')].join(':');
    expect(() => box.decrypt(altered, tenant)).toThrow(SecretDecryptionError);
  });

  it('rejects malformed values', () => {
    expect(() => box.decrypt('plain-text', tenant)).toThrow(SecretDecryptionError);
    expect(() => box.decrypt('v1:AA:AA:AA', tenant)).toThrow(SecretDecryptionError);
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow(RangeError);
  });
});
