import { PassThrough, Writable } from 'node:stream';

import { CsvOutputClosedError, CsvStreamWriter } from './csv-stream.js';
import { CSV_BOM, formatCsvCell, formatCsvRow, toCsv } from './csv-writer.js';

describe('formatCsvCell', () => {
  it('doubles quotes and wraps the field', () => {
    expect(formatCsvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('quotes fields with commas and line breaks', () => {
    expect(formatCsvCell('a,b')).toBe('"a,b"');
    expect(formatCsvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(formatCsvCell('x\r\ny')).toBe('"x\r\ny"');
  });

  it('leaves plain text unquoted', () => {
    expect(formatCsvCell('plain text')).toBe('plain text');
    expect(formatCsvCell('')).toBe('');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
  ])('prefixes formula text %j', (input, expected) => {
    expect(formatCsvCell(input)).toBe(expected);
  });

  it('prefixes and quotes text starting with a carriage return', () => {
    expect(formatCsvCell('\r=1')).toBe('"\'\r=1"');
  });

  it('prefixes and quotes a formula holding a quote', () => {
    expect(formatCsvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  });

  it('keeps negative numbers as numbers', () => {
    expect(formatCsvCell(-5)).toBe('-5');
    expect(formatCsvCell(-0.25)).toBe('-0.25');
    expect(formatCsvCell('-5')).toBe('-5');
    expect(formatCsvCell('-12.50')).toBe('-12.50');
    expect(formatCsvCell('-1e3')).toBe('-1e3');
  });

  it('writes numbers, booleans, bigints and dates', () => {
    expect(formatCsvCell(1234.5)).toBe('1234.5');
    expect(formatCsvCell(0)).toBe('0');
    expect(formatCsvCell(12n)).toBe('12');
    expect(formatCsvCell(true)).toBe('true');
    expect(formatCsvCell(new Date('2026-12-01T10:00:00Z'))).toBe('2026-12-01T10:00:00.000Z');
  });

  it('writes empty cells for null, undefined and non-finite numbers', () => {
    expect(formatCsvCell(null)).toBe('');
    expect(formatCsvCell(undefined)).toBe('');
    expect(formatCsvCell(Number.NaN)).toBe('');
    expect(formatCsvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('keeps non-ASCII text unchanged', () => {
    expect(formatCsvCell('Zoë, 東京')).toBe('"Zoë, 東京"');
  });
});

describe('formatCsvRow', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(formatCsvRow(['a', 1, null, '=x'])).toBe("a,1,,'=x\r\n");
  });
});

describe('toCsv', () => {
  it('starts with the BOM and ends every record with CRLF', () => {
    const csv = toCsv(
      ['name', 'value'],
      [
        ['x', -5],
        ['y"z', 2],
      ],
    );
    expect(csv).toBe('\uFEFFname,value\r\nx,-5\r\n"y""z",2\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('CsvStreamWriter', () => {
  it('writes the header and rows in order', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new CsvStreamWriter(output);
    await writer.writeHeader(['a', 'b']);
    await writer.writeRows([
      [1, 'x'],
      [2, '=y'],
    ]);
    writer.end();
    await new Promise((resolve) => output.on('end', resolve));
    expect(Buffer.concat(chunks).toString('utf8')).toBe(`${CSV_BOM}a,b\r\n1,x\r\n2,'=y\r\n`);
  });

  it('waits for drain when the output buffer is full', async () => {
    const written: string[] = [];
    let release: (() => void) | null = null;
    const slow = new Writable({
      highWaterMark: 8,
      write(chunk: Buffer, _encoding, callback) {
        written.push(chunk.toString('utf8'));
        release = () => callback();
      },
    });
    const writer = new CsvStreamWriter(slow);
    const header = writer.writeHeader(['a long header name']);
    let settled = false;
    void header.then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    release!();
    await header;
    expect(settled).toBe(true);
    expect(written).toEqual([`${CSV_BOM}a long header name\r\n`]);
  });

  it('rejects when the output closes while waiting', async () => {
    const stuck = new Writable({ highWaterMark: 1, write() {} });
    const writer = new CsvStreamWriter(stuck);
    const header = writer.writeHeader(['x']);
    stuck.destroy();
    await expect(header).rejects.toBeInstanceOf(CsvOutputClosedError);
    await expect(writer.writeRows([[1]])).rejects.toBeInstanceOf(Error);
  });
});
