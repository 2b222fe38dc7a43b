import type { Page } from 'puppeteer-core';

import { errorMessage } from './browser-pool.js';
import { RenderFailedError, type RenderStep, RenderTimeoutError } from './render-error.js';

/** A chart the page script could not draw, as listed in `window.__chartErrors`. */
interface ChartError {
  panelId: string;
  title: string;
  message: string;
}

/** Page width in CSS pixels; about an A4 page's printable width at 96 dpi, with room to spare. */
export const PAGE_WIDTH_PX = 1100;

/**
 * The time budget of one render. Every step runs against the same deadline, so a render ends
 * within the timeout whichever step hangs, and the error names that step.
 */
export class RenderDeadline {
  private readonly endsAt: number;

  constructor(
    private readonly format: string,
    private readonly timeoutMs: number,
  ) {
    this.endsAt = Date.now() + timeoutMs;
  }

  remainingMs(): number {
    return Math.max(1, this.endsAt - Date.now());
  }

  /** Awaits `work`; a timeout becomes RenderTimeoutError and any other failure RenderFailedError. */
  async run<T>(step: RenderStep, work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RenderTimeoutError(this.format, step, this.timeoutMs)),
        this.remainingMs(),
      );
    });
    try {
      return await Promise.race([work, timeout]);
    } catch (error) {
      if (error instanceof RenderTimeoutError || error instanceof RenderFailedError) {
        throw error;
      }
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new RenderTimeoutError(this.format, step, this.timeoutMs);
      }
      throw new RenderFailedError(this.format, step, errorMessage(error));
    } finally {
      clearTimeout(timer);
      work.catch(() => undefined);
    }
  }
}

/**
 * Loads the report HTML into the page and waits until the page script has drawn every chart.
 * A script error on the page, or any chart listed in `window.__chartErrors`, fails the render,
 * so a report never ships with an empty chart frame.
 */
export async function loadReportPage(params: {
  page: Page;
  html: string;
  format: string;
  deadline: RenderDeadline;
}): Promise<void> {
  const { page, html, format, deadline } = params;
  let pageError: Error | null = null;
  let rejectOnPageError: (error: Error) => void = () => undefined;
  const failedScript = new Promise<never>((_, reject) => {
    rejectOnPageError = reject;
  });
  failedScript.catch(() => undefined);
  page.on('pageerror', (error) => {
    pageError ??= error instanceof Error ? error : new Error(String(error));
    rejectOnPageError(
      new RenderFailedError(
        format,
        'drawing the charts',
        `page script error: ${pageError.message}`,
      ),
    );
  });

  await deadline.run(
    'loading the HTML',
    page.setViewport({ width: PAGE_WIDTH_PX, height: 900, deviceScaleFactor: 1 }),
  );
  await deadline.run(
    'loading the HTML',
    page.setContent(html, { waitUntil: 'load', timeout: deadline.remainingMs() }),
  );
  const chartsDrawn = page.waitForFunction('window.__chartsDone === true', {
    timeout: deadline.remainingMs(),
    polling: 50,
  });
  await deadline.run('drawing the charts', Promise.race([chartsDrawn, failedScript]));

  const chartErrors = await deadline.run(
    'drawing the charts',
    page.evaluate('window.__chartErrors') as Promise<ChartError[] | undefined>,
  );
  const failures = chartErrors ?? [];
  if (failures.length > 0) {
    const described = failures.map((failure) =>
      failure.panelId
        ? `chart "${failure.title}" (panel ${failure.panelId}): ${failure.message}`
        : failure.message,
    );
    throw new RenderFailedError(format, 'drawing the charts', described.join('; '));
  }
  const scriptError = pageError as Error | null;
  if (scriptError) {
    throw new RenderFailedError(
      format,
      'drawing the charts',
      `page script error: ${scriptError.message}`,
    );
  }
}
