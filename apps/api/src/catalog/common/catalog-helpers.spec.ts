import { isCatalogKey } from './catalog-key.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from './pg-errors.js';
import { containsPattern } from './search-pattern.js';

describe('isCatalogKey', () => {
  it.each(['a', 'offer_summer_promo', 'v1.2-beta', '0day', 'a'.repeat(100)])(
    'accepts %s',
    (key) => {
      expect(isCatalogKey(key)).toBe(true);
    },
  );

  it.each(['', '_a', '-a', 'Offer', 'a b', 'a/b', 'a'.repeat(101), 'ümlaut'])(
    'rejects %j',
    (key) => {
      expect(isCatalogKey(key)).toBe(false);
    },
  );
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards and backslashes', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('pgErrorCode', () => {
  it('reads the code of a driver error wrapped as cause', () => {
    const wrapped = new Error('Failed query', {
      cause: Object.assign(new Error('dup'), { code: '23505' }),
    });
    expect(pgErrorCode(wrapped)).toBe(PG_UNIQUE_VIOLATION);
  });

  it('ignores codes that are not SQLSTATEs', () => {
    expect(pgErrorCode(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(pgErrorCode('text')).toBeUndefined();
  });
});
