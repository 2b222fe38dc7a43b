/** One line of an NDJSON body, numbered from 1; a line over the limit comes without its text. */
export type NdjsonLine =
  { line: number; text: string } | { line: number; oversized: true; bytes: number; head: string };

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
/** Bytes of an oversized line kept to show in its rejection. */
const HEAD_BYTES = 100;

/**
 * Splits a byte stream into lines without holding more than one line (at
 * most `maxLineBytes`) in memory. The stream is read only as fast as the
 * consumer takes lines, which gives back-pressure. Splitting on the newline
 * byte is safe in UTF-8, which never uses 0x0a inside a multi-byte character.
 */
export async function* readLines(
  source: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
): AsyncGenerator<NdjsonLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let head = Buffer.alloc(0);
  let lineNumber = 0;

  const finishLine = (): NdjsonLine => {
    lineNumber += 1;
    const result: NdjsonLine = oversized
      ? { line: lineNumber, oversized: true, bytes: size, head: head.toString('utf8') }
      : {
          line: lineNumber,
          text: stripCarriageReturn(Buffer.concat(parts, size)).toString('utf8'),
        };
    parts = [];
    size = 0;
    oversized = false;
    return result;
  };

  const append = (piece: Buffer): void => {
    size += piece.length;
    if (oversized) {
      return;
    }
    if (size > maxLineBytes) {
      oversized = true;
      head = Buffer.concat([...parts, piece]).subarray(0, HEAD_BYTES);
      parts = [];
      return;
    }
    parts.push(piece);
  };

  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (
      let newline = buffer.indexOf(NEWLINE, start);
      newline !== -1;
      newline = buffer.indexOf(NEWLINE, start)
    ) {
      append(buffer.subarray(start, newline));
      yield finishLine();
      start = newline + 1;
    }
    if (start < buffer.length) {
      // Copied, so the rest of a large chunk is not kept alive by a short tail.
      append(Buffer.from(buffer.subarray(start)));
    }
  }
  if (size > 0 || oversized) {
    yield finishLine();
  }
}

function stripCarriageReturn(buffer: Buffer): Buffer {
  return buffer.length > 0 && buffer[buffer.length - 1] === CARRIAGE_RETURN
    ? buffer.subarray(0, -1)
    : buffer;
}
