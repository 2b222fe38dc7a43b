import { type CliApiClient } from '../cli/api-client.js';

/** Most items per write request; the API takes up to 10,000. */
const BATCH_LIMIT = 5000;
/** Traces are large objects, so they go in smaller requests. */
const TRACE_BATCH_LIMIT = 500;

interface BatchAnswer {
  accepted: number;
  rejected: { index: number; field: string; reason: string }[];
}

/**
 * Sends the demo's telemetry through the public write endpoints, so demo data
 * takes exactly the path the platform's data takes.
 */
export class DemoWriter {
  private rejectedCount = 0;
  private firstRejection: string | null = null;

  constructor(readonly client: CliApiClient) {}

  async post(urlPath: string, items: unknown[]): Promise<number> {
    const limit = urlPath.includes('decision-traces') ? TRACE_BATCH_LIMIT : BATCH_LIMIT;
    let accepted = 0;
    for (let start = 0; start < items.length; start += limit) {
      const answer = await this.client.request<BatchAnswer>(
        'POST',
        urlPath,
        items.slice(start, start + limit),
      );
      accepted += answer.body.accepted;
      this.noteRejections(urlPath, answer.body.rejected);
    }
    return accepted;
  }

  /** Rejections in demo data are bugs in the generator; the seed reports the first one. */
  rejections(): { count: number; first: string | null } {
    return { count: this.rejectedCount, first: this.firstRejection };
  }

  private noteRejections(urlPath: string, rejected: BatchAnswer['rejected']): void {
    this.rejectedCount += rejected.length;
    const first = rejected[0];
    if (first && !this.firstRejection) {
      this.firstRejection = `${urlPath} item ${first.index}: ${first.field} ${first.reason}`;
    }
  }
}
