import { Injectable } from '@nestjs/common';

/** One line of an NDJSON import, already parsed, with its 1-based line number. */
export interface IngestLine {
  line: number;
  data: unknown;
}

export interface LineRejection {
  line: number;
  field: string;
  value: unknown;
  reason: string;
}

/**
 * Records a chunk of lines of one type with the batch semantics of that
 * type's endpoint, and reports per-line rejections.
 */
export type IngestLineHandler = (
  tenantId: string,
  lines: IngestLine[],
) => Promise<{ accepted: number; rejected: LineRejection[] }>;

/** The NDJSON line types, each served by the module that owns its endpoint. */
export const INGEST_LINE_TYPES = [
  'interaction',
  'respond',
  'decision_trace',
  'decision_run',
  'breaker_event',
  'annotation',
  'pipeline_run',
  'model_evaluation',
] as const;
export type IngestLineType = (typeof INGEST_LINE_TYPES)[number];

@Injectable()
export class IngestLineRegistry {
  private readonly handlers = new Map<IngestLineType, IngestLineHandler>();

  register(type: IngestLineType, handler: IngestLineHandler): void {
    if (this.handlers.has(type)) {
      throw new Error(`An NDJSON handler for ${type} is already registered`);
    }
    this.handlers.set(type, handler);
  }

  handler(type: IngestLineType): IngestLineHandler | undefined {
    return this.handlers.get(type);
  }
}
