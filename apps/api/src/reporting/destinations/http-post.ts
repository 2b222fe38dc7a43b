/** A POST that failed: refused, timed out, or a response with a non-2xx status. */
export class HttpPostError extends Error {
  override readonly name = 'HttpPostError';
}

/**
 * POSTs a body and resolves on a 2xx response. Redirects are not followed, so a receiver cannot
 * send the report on to a host the URL check never saw. `target` is how errors name the
 * receiver; pass a description without the URL when the URL is a secret.
 */
export async function postBody(params: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  target: string;
}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(params.url, {
      method: 'POST',
      body: params.body,
      headers: params.headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(params.timeoutMs),
    });
  } catch (error) {
    throw new HttpPostError(describeFetchError(error, params.target, params.timeoutMs));
  }
  // The body is read only to free the connection; its content is not used.
  await response.arrayBuffer().catch(() => undefined);
  if (response.status < 200 || response.status > 299) {
    throw new HttpPostError(`${params.target} responded with HTTP ${response.status}`);
  }
}

function describeFetchError(error: unknown, target: string, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `${target} timed out after ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') {
    return `${target} refused the connection`;
  }
  const detail = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `${target} could not be reached: ${detail}`;
}
