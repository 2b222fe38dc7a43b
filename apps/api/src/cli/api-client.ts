import * as fs from 'node:fs';
import * as path from 'node:path';

/** A failed API call, with the server's error message and status. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A small JSON client for the command-line tools, which talk to the running app over HTTP. */
export class CliApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly key: string,
  ) {}

  async request<T>(
    method: string,
    urlPath: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${urlPath}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.key}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiCallError(
        0,
        `Cannot reach ${this.baseUrl}: ${(error as Error).message}. Is the app running (npm start)?`,
      );
    }
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as T) : (null as T);
    if (response.status >= 400) {
      const message = (parsed as { error?: { message?: string } } | null)?.error?.message ?? text;
      throw new ApiCallError(
        response.status,
        `${method} ${urlPath} failed with ${response.status}: ${message}`,
      );
    }
    return { status: response.status, body: parsed };
  }

  /** Sends a body stream (NDJSON) and returns the parsed JSON answer. */
  async stream<T>(
    urlPath: string,
    contentType: string,
    body: ReadableStream<Uint8Array>,
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${urlPath}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.key}`, 'Content-Type': contentType },
      body,
      duplex: 'half',
    });
    const text = await response.text();
    if (response.status >= 400) {
      throw new ApiCallError(
        response.status,
        `POST ${urlPath} failed with ${response.status}: ${text}`,
      );
    }
    return JSON.parse(text) as T;
  }
}

/** The admin key written on first start, for tools run beside an embedded app. */
export function readStoredAdminKey(dataDir: string): string | null {
  const file = path.join(dataDir, 'admin-key');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null;
}
