import * as fs from 'node:fs';
import * as path from 'node:path';

import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

import { REPOSITORY_ROOT } from './app-process';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, without the background traffic a closed network refuses. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Signs in through the portal's sign-in page and waits for the first page after it. */
export async function signIn(
  page: Page,
  baseUrl: string,
  key: string,
  returnPath = '/',
): Promise<void> {
  await page.goto(`${baseUrl}${returnPath}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Saves a screenshot under e2e/.artifacts for a failed test to be looked at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(REPOSITORY_ROOT, 'e2e', '.artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Waits until the locator's text matches, failing with the last text seen. */
export async function waitForText(
  locator: Locator,
  pattern: RegExp | string,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last =
      (await locator
        .first()
        .textContent()
        .catch(() => null)) ?? '';
    const matches = typeof pattern === 'string' ? last.trim() === pattern : pattern.test(last);
    if (matches) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected text ${String(pattern)}, last saw "${last.trim()}"`);
}
