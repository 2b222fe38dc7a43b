import { duplicateKeys } from './catalog-writer.js';

describe('duplicateKeys', () => {
  it('rejects later items that repeat an earlier key', () => {
    const items = [
      { index: 0, item: { key: 'a' } },
      { index: 2, item: { key: 'b' } },
      { index: 5, item: { key: 'a' } },
      { index: 7, item: { key: 'a' } },
    ];
    expect(duplicateKeys(items)).toEqual([
      {
        index: 5,
        field: 'key',
        value: 'a',
        reason: 'is also the key of item 0 of this batch',
        status: 400,
      },
      {
        index: 7,
        field: 'key',
        value: 'a',
        reason: 'is also the key of item 0 of this batch',
        status: 400,
      },
    ]);
  });

  it('accepts distinct keys', () => {
    expect(
      duplicateKeys([
        { index: 0, item: { key: 'a' } },
        { index: 1, item: { key: 'b' } },
      ]),
    ).toEqual([]);
  });
});
