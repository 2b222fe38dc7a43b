import { DomainError } from '../../common/errors/domain-errors.js';

/** The steps of a browser render, named in its errors. */
export type RenderStep =
  | 'launching Chromium'
  | 'opening a page'
  | 'loading the HTML'
  | 'drawing the charts'
  | 'printing the PDF'
  | 'taking the screenshot';

/** A PDF or PNG render that failed (500) at a named step. */
export class RenderFailedError extends DomainError {
  constructor(
    readonly format: string,
    readonly step: RenderStep,
    reason: string,
  ) {
    super(
      'render_failed',
      `Rendering the ${format.toUpperCase()} failed while ${step}: ${reason}`,
      500,
      [{ field: 'format', value: format, reason: `failed while ${step}` }],
    );
  }
}

/** A PDF or PNG render that did not finish within the render timeout (504). */
export class RenderTimeoutError extends DomainError {
  constructor(
    readonly format: string,
    readonly step: RenderStep,
    timeoutMs: number,
  ) {
    super(
      'render_timeout',
      `Rendering the ${format.toUpperCase()} timed out after ${timeoutMs} ms while ${step}`,
      504,
      [{ field: 'format', value: format, reason: `timed out while ${step}` }],
    );
  }
}
