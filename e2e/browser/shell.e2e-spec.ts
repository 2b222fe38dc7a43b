import type { Browser, Page } from 'playwright-core';

import { type AppProcess, startApp } from '../support/app-process';
import { launchBrowser, screenshot, signIn, waitForText } from '../support/browser';

describe('portal shell in Chromium', () => {
  let app: AppProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });

  afterEach(async () => {
    await screenshot(page, `shell-${expect.getState().currentTestName?.replace(/\W+/g, '-')}`);
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('rejects a wrong key on the sign-in page', async () => {
    await page.goto(`${app.baseUrl}/dashboards/business`);
    await page.waitForURL(/\/sign-in\?returnUrl=/);
    await page.getByLabel('API key').fill(`krn_0123456789ab_${'A'.repeat(43)}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForText(page.getByRole('alert'), /invalid, expired or revoked/);
  });

  it('signs in, returns to the asked page and shows the tenant', async () => {
    await signIn(page, app.baseUrl, app.adminKey, '/dashboards/data-health');
    expect(new URL(page.url()).pathname).toBe('/dashboards/data-health');
    await waitForText(page.locator('header .tenant'), 'Default');
    await waitForText(page.getByRole('heading', { level: 1 }), 'Data Health');
    await page.getByText('This dashboard is not built yet.').waitFor();
  });

  it('keeps the period in the URL while navigating', async () => {
    await signIn(page, app.baseUrl, app.adminKey, '/dashboards/data-health');
    await page.locator('#period-select').selectOption({ label: 'Last 30 days' });
    await page.waitForURL(/days=30/);
    await page.getByRole('link', { name: 'Model Health' }).click();
    await page.waitForURL(/\/dashboards\/model-health\?.*days=30/);
    const link = page.getByRole('link', { name: 'Model Health' });
    expect(await link.getAttribute('aria-current')).toBe('page');
    expect(await page.locator('#period-select').inputValue()).toMatch(/30/);
  });

  it('signs out back to the sign-in page', async () => {
    await signIn(page, app.baseUrl, app.adminKey, '/dashboards/attribution');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${app.baseUrl}/dashboards/attribution`);
    await page.waitForURL(/\/sign-in/);
  });
});
