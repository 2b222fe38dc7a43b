import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import { logger } from '../../common/logging/logger.js';
import { type AppConfig, CONFIG } from '../../config/app-config.js';
import { ReportingSettings } from '../reporting-settings.js';
import { RenderFailedError } from './render-error.js';

/**
 * Chromium flags for a headless server run as root: `--no-sandbox` is required as root, and the
 * rest stop Chromium from reaching the network on its own (updates, sync, QUIC probes).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
];

const LAUNCH_TIMEOUT_MS = 30_000;
const PAGE_CLOSE_TIMEOUT_MS = 5_000;

/**
 * One headless Chromium shared by every PDF and PNG render. It is launched on first use, launched
 * again when it died, and closed on shutdown. `withPage` limits how many pages render at once
 * and always closes its page.
 */
@Injectable()
export class BrowserPool implements OnApplicationShutdown {
  private browser: Promise<Browser> | null = null;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly settings: ReportingSettings,
  ) {}

  /** Runs `work` on a fresh page once a render slot is free; the page is closed afterwards. */
  async withPage<T>(format: string, work: (page: Page) => Promise<T>): Promise<T> {
    await this.acquireSlot();
    try {
      const browser = await this.connectedBrowser(format);
      let page: Page;
      try {
        page = await browser.newPage();
      } catch (error) {
        throw new RenderFailedError(format, 'opening a page', errorMessage(error));
      }
      try {
        return await work(page);
      } finally {
        if (!(await closePage(page))) {
          await this.discardBrowser('a render page could not be closed');
        }
      }
    } finally {
      this.releaseSlot();
    }
  }

  /** Kills the browser after a page hung, so the next render starts a fresh one. */
  async discardBrowser(reason: string): Promise<void> {
    const current = this.browser;
    this.browser = null;
    if (!current) {
      return;
    }
    logger.warn({ action: 'reporting.browser.discard', reason }, 'discarding the Chromium process');
    const browser = await current.catch(() => null);
    browser?.process()?.kill('SIGKILL');
  }

  async onApplicationShutdown(): Promise<void> {
    const current = this.browser;
    this.browser = null;
    const browser = await current?.catch(() => null);
    if (browser) {
      await browser.close().catch((error: unknown) => {
        logger.warn(
          { action: 'reporting.browser.close_failed', err: error },
          'closing Chromium failed',
        );
        browser.process()?.kill('SIGKILL');
      });
      logger.info({ action: 'reporting.browser.closed' }, 'Chromium closed');
    }
  }

  private async connectedBrowser(format: string): Promise<Browser> {
    if (this.browser) {
      const existing = await this.browser.catch(() => null);
      if (existing?.connected) {
        return existing;
      }
      this.browser = null;
    }
    const launching = this.launch();
    this.browser = launching;
    try {
      return await launching;
    } catch (error) {
      if (this.browser === launching) {
        this.browser = null;
      }
      throw new RenderFailedError(
        format,
        'launching Chromium',
        `${errorMessage(error)} (CHROMIUM_PATH is ${this.config.chromiumPath})`,
      );
    }
  }

  private async launch(): Promise<Browser> {
    const startedAt = Date.now();
    const browser = await puppeteer.launch({
      executablePath: this.config.chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: LAUNCH_TIMEOUT_MS,
      protocolTimeout: this.settings.renderTimeoutMs + 10_000,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    browser.on('disconnected', () => {
      logger.warn({ action: 'reporting.browser.disconnected' }, 'Chromium disconnected');
      void this.forget(browser);
    });
    logger.info(
      { action: 'reporting.browser.launched', durationMs: Date.now() - startedAt },
      'Chromium launched',
    );
    return browser;
  }

  private async forget(browser: Browser): Promise<void> {
    const current = await this.browser?.catch(() => null);
    if (current === browser) {
      this.browser = null;
    }
  }

  private async acquireSlot(): Promise<void> {
    if (this.active < Math.max(1, this.settings.maxConcurrentRenders)) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot straight to the next waiter, or frees it. */
  private releaseSlot(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
      return;
    }
    this.active--;
  }
}

/** Closes a page within a few seconds; returns false when it failed or hung. */
async function closePage(page: Page): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no response within ${PAGE_CLOSE_TIMEOUT_MS} ms`)),
      PAGE_CLOSE_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([page.close(), hung]);
    return true;
  } catch (error) {
    logger.warn(
      { action: 'reporting.page.close_failed', err: error },
      'closing a render page failed',
    );
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
