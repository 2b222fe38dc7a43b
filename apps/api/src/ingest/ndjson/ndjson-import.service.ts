import { Injectable } from '@nestjs/common';

import { InvalidParameterError } from '../../common/errors/domain-errors.js';
import { logger } from '../../common/logging/logger.js';
import {
  INGEST_LINE_TYPES,
  type IngestLine,
  IngestLineRegistry,
  type IngestLineType,
  type LineRejection,
} from '../../write/ingest-line-registry.js';
import { IngestMetrics } from '../ingest-metrics.js';
import { parseEnvelope } from './line-envelope.js';
import { readLines } from './line-reader.js';

/** Longest NDJSON line; a longer one is rejected and skipped without being held in memory. */
export const MAX_LINE_BYTES = 1_048_576;
/** Lines handed to the handlers at a time. */
export const CHUNK_LINES = 1_000;
/** Bytes of line text held before a chunk is handed on early, so 1,000 long lines cannot pile up. */
export const CHUNK_BYTES = 8 * 1_048_576;
/** Rejections listed in the response body; the rest are only counted. */
export const MAX_LISTED_REJECTIONS = 1_000;

export interface NdjsonImportResult {
  accepted: number;
  rejected: LineRejection[];
  rejectedCount: number;
  rejectedTruncated: boolean;
  lines: number;
}

/** Lines waiting to be handed on, grouped by type. */
interface PendingChunk {
  byType: Map<IngestLineType, IngestLine[]>;
  lines: number;
  bytes: number;
}

/**
 * Imports an NDJSON stream: reads it line by line, checks each envelope and
 * hands chunks of lines to the handler registered for their type. Memory
 * stays bounded by two chunks, whatever the body size.
 */
@Injectable()
export class NdjsonImportService {
  constructor(
    private readonly registry: IngestLineRegistry,
    private readonly metrics: IngestMetrics,
  ) {}

  async import(request: {
    tenantId: string;
    body: AsyncIterable<Buffer | string>;
  }): Promise<NdjsonImportResult> {
    const startedAt = Date.now();
    const result = new ImportTally();
    // One chunk is handed on while the next is read and parsed. Waiting for it
    // before handing on the next keeps the order (recommendations before the
    // outcomes that refer to them) and keeps at most two chunks in memory.
    let handing: Promise<void> = Promise.resolve();
    for await (const chunk of this.readChunks(request.body, result)) {
      await handing;
      handing = this.flush(request.tenantId, chunk, result);
      // Observed here so a failure surfaces at the next await, not as an unhandled rejection.
      handing.catch(() => undefined);
    }
    await handing;

    logger.info(
      {
        action: 'ingest.ndjson_imported',
        lines: result.lines,
        accepted: result.accepted,
        rejected: result.rejectedCount,
        durationMs: Date.now() - startedAt,
      },
      'NDJSON import finished',
    );
    return result.finish();
  }

  /** Reads the body into chunks of checked lines; lines with a bad envelope are rejected on the way. */
  private async *readChunks(
    body: AsyncIterable<Buffer | string>,
    result: ImportTally,
  ): AsyncGenerator<PendingChunk> {
    let chunk = emptyChunk();
    const hasHandler = (type: IngestLineType) => this.registry.handler(type) !== undefined;
    for await (const line of readLines(body, MAX_LINE_BYTES)) {
      if ('text' in line && line.text.trim() === '') {
        continue;
      }
      result.lines += 1;
      const envelope = parseEnvelope(line, hasHandler, MAX_LINE_BYTES);
      if (!envelope.ok) {
        result.reject([envelope.rejection]);
        this.metrics.countEvents('ndjson', { rejected: 1 });
        continue;
      }
      const bytes = 'text' in line ? line.text.length : 0;
      addLine(chunk, envelope.type, { line: envelope.line, data: envelope.data }, bytes);
      if (chunk.lines >= CHUNK_LINES || chunk.bytes >= CHUNK_BYTES) {
        yield chunk;
        chunk = emptyChunk();
      }
    }
    if (chunk.lines > 0) {
      yield chunk;
    }
  }

  /** Hands each type's lines to its handler, in the registry's type order so recommendations come before outcomes. */
  private async flush(tenantId: string, chunk: PendingChunk, result: ImportTally): Promise<void> {
    for (const type of INGEST_LINE_TYPES) {
      const lines = chunk.byType.get(type);
      const handler = this.registry.handler(type);
      if (!lines || !handler) {
        continue;
      }
      const handled = await handler(tenantId, lines);
      result.accepted += handled.accepted;
      result.reject([...handled.rejected].sort((a, b) => a.line - b.line));
    }
  }
}

/** Running totals of an import, keeping the first MAX_LISTED_REJECTIONS rejections. */
class ImportTally {
  accepted = 0;
  lines = 0;
  rejectedCount = 0;
  private truncated = false;
  private readonly listed: LineRejection[] = [];

  /** Adds the rejections of one handler call; a line that failed several fields counts once. */
  reject(rejections: LineRejection[]): void {
    this.rejectedCount += new Set(rejections.map((rejection) => rejection.line)).size;
    for (const rejection of rejections) {
      if (this.listed.length < MAX_LISTED_REJECTIONS) {
        this.listed.push(rejection);
      } else {
        this.truncated = true;
      }
    }
  }

  finish(): NdjsonImportResult {
    if (this.lines === 0) {
      throw InvalidParameterError.forField('body', '', 'must hold at least one NDJSON line');
    }
    const listed = [...this.listed].sort((a, b) => a.line - b.line);
    if (this.accepted === 0) {
      throw new InvalidParameterError(
        `No line of the import is valid (${this.rejectedCount} rejected); see details`,
        listed,
      );
    }
    return {
      accepted: this.accepted,
      rejected: listed,
      rejectedCount: this.rejectedCount,
      rejectedTruncated: this.truncated,
      lines: this.lines,
    };
  }
}

function emptyChunk(): PendingChunk {
  return { byType: new Map(), lines: 0, bytes: 0 };
}

function addLine(chunk: PendingChunk, type: IngestLineType, line: IngestLine, bytes: number): void {
  const lines = chunk.byType.get(type);
  if (lines) {
    lines.push(line);
  } else {
    chunk.byType.set(type, [line]);
  }
  chunk.lines += 1;
  chunk.bytes += bytes;
}
