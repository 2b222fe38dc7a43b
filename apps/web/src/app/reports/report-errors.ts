import { HttpErrorResponse } from '@angular/common/http';
import { type ErrorBodyDto } from '@kaireon/api-client';

import { describeHttpError } from '../core/api-error';

/** A failed reports call, ready to show: the server's message and the field it names. */
export interface ReportProblem {
  /** HTTP status, or 0 when the server could not be reached or the error was not HTTP. */
  readonly status: number;
  readonly message: string;
  /** The API's own message without the request id, or null when the body had none. */
  readonly serverMessage: string | null;
  /** Request field the server blamed, such as `cron` or `destinations[0].path`, or null. */
  readonly field: string | null;
  /** Seconds from the `Retry-After` header of a 429, or null. */
  readonly retryAfterSeconds: number | null;
}

/**
 * Turns a failed call into a `ReportProblem`. File downloads request a Blob, so their error body
 * arrives as a Blob too. Such a body is read and parsed as the API's JSON error body first.
 */
export async function toReportProblem(error: unknown): Promise<ReportProblem> {
  if (!(error instanceof HttpErrorResponse)) {
    return {
      status: 0,
      message: describeHttpError(error),
      serverMessage: null,
      field: null,
      retryAfterSeconds: null,
    };
  }
  const body = await readErrorBody(error.error);
  const readable =
    body === error.error
      ? error
      : new HttpErrorResponse({
          error: body,
          headers: error.headers,
          status: error.status,
          statusText: error.statusText,
          url: error.url ?? undefined,
        });

  return {
    status: error.status,
    message: describeHttpError(readable),
    serverMessage: apiMessage(body),
    field: firstField(body),
    retryAfterSeconds:
      error.status === 429 ? parseRetryAfter(error.headers.get('Retry-After')) : null,
  };
}

/** Returns the message of an API error body, or null. */
function apiMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return null;
  }
  const message = (body as ErrorBodyDto).error?.message;

  return typeof message === 'string' ? message : null;
}

/** Returns the field of the first error detail, or null. */
function firstField(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return null;
  }
  const details = (body as ErrorBodyDto).error?.details;
  const field = Array.isArray(details) ? details[0]?.field : undefined;

  return typeof field === 'string' && field !== '' ? field : null;
}

async function readErrorBody(body: unknown): Promise<unknown> {
  if (!(body instanceof Blob)) {
    return body;
  }
  try {
    return JSON.parse(await body.text()) as unknown;
  } catch {
    return null;
  }
}

/**
 * Reads `Retry-After` as seconds: either a number of seconds or an HTTP date. Returns null when
 * the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  const at = Date.parse(value);

  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
