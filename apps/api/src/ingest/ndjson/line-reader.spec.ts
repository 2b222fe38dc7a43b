import { Readable } from 'node:stream';

import { type NdjsonLine, readLines } from './line-reader.js';

async function collect(chunks: (string | Buffer)[], maxLineBytes = 1_000): Promise<NdjsonLine[]> {
  const lines: NdjsonLine[] = [];
  for await (const line of readLines(Readable.from(chunks, { objectMode: true }), maxLineBytes)) {
    lines.push(line);
  }
  return lines;
}

describe('readLines', () => {
  it('numbers lines across chunk boundaries', async () => {
    expect(await collect(['{"a":', '1}\n{"b"', ':2}\n\n{"c":3}'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '{"b":2}' },
      { line: 3, text: '' },
      { line: 4, text: '{"c":3}' },
    ]);
  });

  it('strips CRLF line ends', async () => {
    expect(await collect(['a\r\nb\r\n'])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
    ]);
  });

  it('keeps a multi-byte character split between chunks', async () => {
    const bytes = Buffer.from('{"name":"Zoë 東京"}\n', 'utf8');
    const chunks = [bytes.subarray(0, 12), bytes.subarray(12, 15), bytes.subarray(15)];
    expect(await collect(chunks)).toEqual([{ line: 1, text: '{"name":"Zoë 東京"}' }]);
  });

  it('reports an oversized line without its text and goes on', async () => {
    const long = 'x'.repeat(150);
    const lines = await collect(['ok\n', long.slice(0, 70), long.slice(70), '\nnext\n'], 100);
    expect(lines).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, oversized: true, bytes: 150, head: 'x'.repeat(100) },
      { line: 3, text: 'next' },
    ]);
  });

  it('accepts a line of exactly the limit', async () => {
    expect(await collect(['y'.repeat(100)], 100)).toEqual([{ line: 1, text: 'y'.repeat(100) }]);
  });

  it('yields nothing for an empty body', async () => {
    expect(await collect([])).toEqual([]);
  });
});
