import { HttpErrorResponse } from '@angular/common/http';
import type { ErrorBodyDto } from '@kaireon/api-client';

/** True when `body` has the error shape every API 4xx and 5xx response uses. */
function isApiErrorBody(body: unknown): body is ErrorBodyDto {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return false;
  }
  const inner = body.error;

  return (
    typeof inner === 'object' &&
    inner !== null &&
    typeof (inner as { message?: unknown }).message === 'string'
  );
}

/**
 * Turns a failed HTTP call into one sentence for the user: the server's own message when the body
 * has the API's error shape, otherwise a description of the transport failure.
 */
export function describeHttpError(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return error instanceof Error ? error.message : 'The request failed for an unknown reason.';
  }
  if (isApiErrorBody(error.error)) {
    const requestId = error.error.error.requestId;

    return requestId
      ? `${error.error.error.message} (request id ${requestId})`
      : error.error.error.message;
  }
  if (error.status === 0) {
    return 'Cannot reach the API server. Check that it is running and try again.';
  }
  const reason = error.statusText && error.statusText !== 'OK' ? ` ${error.statusText}` : '';

  return `The API returned HTTP ${error.status}${reason}.`;
}
