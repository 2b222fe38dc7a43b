/** Panel body to show: a spinner, the empty state, the error state, or the content. */
export type PanelState = 'loading' | 'empty' | 'error' | 'ready';

/**
 * Derives a panel's state from its data request: `rows` is undefined until the first response
 * arrives. Rows already loaded stay on screen while a refresh is in flight, so auto-refresh does
 * not flash the spinner. An error wins over old rows.
 */
export function derivePanelState(request: {
  error: unknown;
  rows: readonly unknown[] | null | undefined;
}): PanelState {
  if (request.error !== undefined && request.error !== null) {
    return 'error';
  }
  if (request.rows === null || request.rows === undefined) {
    return 'loading';
  }

  return request.rows.length === 0 ? 'empty' : 'ready';
}
