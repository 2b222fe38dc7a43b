import {
  INGEST_LINE_TYPES,
  type IngestLineType,
  type LineRejection,
} from '../../write/ingest-line-registry.js';
import type { NdjsonLine } from './line-reader.js';

/** Characters of a bad line shown in its rejection. */
const SHOWN_CHARACTERS = 100;
const ENVELOPE_FIELDS = new Set(['type', 'data']);

export type LineEnvelope =
  | { ok: true; line: number; type: IngestLineType; data: Record<string, unknown> }
  | { ok: false; rejection: LineRejection };

/**
 * Reads the `{"type": ..., "data": {...}}` envelope of one NDJSON line. A
 * line over the size limit, text that is not JSON, a missing or unsupported
 * type and a `data` that is not an object each reject the line.
 */
export function parseEnvelope(
  input: NdjsonLine,
  hasHandler: (type: IngestLineType) => boolean,
  maxLineBytes: number,
): LineEnvelope {
  const { line } = input;
  const reject = (field: string, value: unknown, reason: string): LineEnvelope => ({
    ok: false,
    rejection: { line, field, value, reason },
  });
  if ('oversized' in input) {
    return reject(
      'line',
      `${input.head}…`,
      `is ${input.bytes} bytes; lines may have at most ${maxLineBytes} bytes`,
    );
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(input.text);
  } catch (error) {
    return reject('line', shorten(input.text), `is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return reject('line', shorten(input.text), 'must be a JSON object with type and data');
  }
  const envelope = parsed as Record<string, unknown>;
  const unknownField = Object.keys(envelope).find((key) => !ENVELOPE_FIELDS.has(key));
  if (unknownField !== undefined) {
    return reject(
      unknownField,
      envelope[unknownField],
      'is not a known field; a line has only type and data',
    );
  }
  const { type, data } = envelope;
  if (typeof type !== 'string') {
    return reject('type', type ?? null, `is required: one of ${INGEST_LINE_TYPES.join(', ')}`);
  }
  if (!isLineType(type) || !hasHandler(type)) {
    return reject('type', type, `type ${type} is not supported`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return reject(
      'data',
      data ?? null,
      'must be a JSON object: the body of a single item of that type',
    );
  }
  return { ok: true, line, type, data: data as Record<string, unknown> };
}

function isLineType(type: string): type is IngestLineType {
  return (INGEST_LINE_TYPES as readonly string[]).includes(type);
}

function shorten(text: string): string {
  return text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}…` : text;
}
