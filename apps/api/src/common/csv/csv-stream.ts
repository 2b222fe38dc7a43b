import type { Writable } from 'node:stream';

import { CSV_BOM, type CsvValue, formatCsvRow } from './csv-writer.js';

/** The reader of a CSV stream went away (a closed HTTP connection) before the end. */
export class CsvOutputClosedError extends Error {
  constructor() {
    super('The CSV output was closed before the document was complete');
  }
}

/**
 * Writes a CSV document to a stream in chunks, waiting for the stream to drain
 * when its buffer is full, so memory stays bounded whatever the row count.
 */
export class CsvStreamWriter {
  private started = false;

  constructor(private readonly output: Writable) {}

  /** Writes the byte-order mark and the header row. */
  async writeHeader(header: readonly string[]): Promise<void> {
    await this.write(CSV_BOM + formatCsvRow(header));
    this.started = true;
  }

  /** Writes rows as one chunk; resolves once the stream can take more. */
  async writeRows(rows: readonly (readonly CsvValue[])[]): Promise<void> {
    if (!this.started) {
      throw new Error('writeHeader must be called before writeRows');
    }
    if (rows.length > 0) {
      await this.write(rows.map(formatCsvRow).join(''));
    }
  }

  end(): void {
    this.output.end();
  }

  private async write(chunk: string): Promise<void> {
    if (this.output.destroyed || this.output.writableEnded) {
      throw new CsvOutputClosedError();
    }
    if (this.output.write(chunk, 'utf8')) {
      return;
    }
    await waitForDrain(this.output);
  }
}

function waitForDrain(output: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      output.off('drain', onDrain);
      output.off('close', onClose);
      output.off('error', onClose);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new CsvOutputClosedError());
    };
    output.on('drain', onDrain);
    output.on('close', onClose);
    output.on('error', onClose);
  });
}
