import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { api, type AppProcess, startApp } from '../support/app-process';
import { launchBrowser, screenshot, signIn } from '../support/browser';

const HOUR_MS = 3_600_000;

/** Impressions and conversions per customer; gold customers convert better. */
const CUSTOMERS = [
  { id: 'gold-1', tier: 'gold', impressions: 4, conversions: 3 },
  { id: 'gold-2', tier: 'gold', impressions: 5, conversions: 2 },
  { id: 'gold-3', tier: 'gold', impressions: 3, conversions: 1 },
  { id: 'base-1', tier: 'bronze', impressions: 10, conversions: 0 },
  { id: 'base-2', tier: 'bronze', impressions: 12, conversions: 1 },
  { id: 'base-3', tier: 'silver', impressions: 8, conversions: 0 },
];
const GOLD = CUSTOMERS.filter((customer) => customer.tier === 'gold');
const goldImpressions = GOLD.reduce((sum, customer) => sum + customer.impressions, 0);
const goldConversions = GOLD.reduce((sum, customer) => sum + customer.conversions, 0);
const allImpressions = CUSTOMERS.reduce((sum, customer) => sum + customer.impressions, 0);

function interactionsOf(
  customer: (typeof CUSTOMERS)[number],
  now: number,
): Record<string, unknown>[] {
  const base = { customerId: customer.id, offerKey: 'offer_gold_card', channelKey: 'email' };
  return Array.from({ length: customer.impressions }, (_, index) => {
    const at = now - (index + 1) * HOUR_MS;
    const events: Record<string, unknown>[] = [
      { ...base, kind: 'impression', occurredAt: new Date(at).toISOString() },
    ];
    if (index < customer.conversions) {
      events.push({
        ...base,
        kind: 'response',
        outcome: 'conversion',
        conversionValue: 100,
        occurredAt: new Date(at + 60_000).toISOString(),
      });
    }
    return events;
  }).flat();
}

describe('Save as Report with a segment, then Run Now', () => {
  let app: AppProcess;
  let browser: Browser;
  let page: Page;
  let segmentId: string;

  beforeAll(async () => {
    app = await startApp();
    const schema = await api(app, app.adminKey, 'POST', '/api/v1/schemas', {
      key: 'crm_customers',
      name: 'CRM customers',
      entityType: 'customer',
      fields: [
        { name: 'customer_id', type: 'text', nullable: false },
        { name: 'tier', type: 'text' },
      ],
      primaryKeyField: 'customer_id',
    });
    expect(schema.status).toBe(201);
    const rows = CUSTOMERS.map((customer) => ({ customer_id: customer.id, tier: customer.tier }));
    expect(
      (await api(app, app.adminKey, 'POST', `/api/v1/schemas/${schema.body.id}/rows`, rows)).status,
    ).toBe(200);
    const segment = await api(app, app.adminKey, 'POST', '/api/v1/segments', {
      key: 'gold',
      name: 'Gold customers',
      baseSchemaId: schema.body.id,
      conditions: [{ field: 'tier', operator: '=', value: 'gold' }],
      status: 'active',
    });
    expect(segment.status).toBe(201);
    segmentId = segment.body.id as string;
    const now = Date.now();
    const events = CUSTOMERS.flatMap((customer) => interactionsOf(customer, now));
    const recorded = await api(app, app.adminKey, 'POST', '/api/v1/interactions', events);
    expect(recorded.body.accepted).toBe(events.length);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    if (page) {
      await screenshot(page, 'save-report');
    }
    await browser?.close();
    await app?.stop();
  });

  it('delivers a file with the segment’s numbers', async () => {
    await signIn(
      page,
      app.baseUrl,
      app.adminKey,
      `/dashboards/business?segmentId=${segmentId}&refresh=off`,
    );
    await page.getByRole('button', { name: 'Save as Report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as Report' });
    await dialog.getByLabel('Report name').fill('Gold weekly');
    await dialog.getByRole('group', { name: 'Formats' }).getByLabel('CSV').check();
    await dialog.getByLabel('Destination type').selectOption('directory');
    await dialog.getByLabel('Folder').fill('gold-weekly');
    await dialog.getByRole('button', { name: 'Save report' }).click();
    await page.locator('.saved').waitFor();

    await page.goto(`${app.baseUrl}/settings/reports`);
    await page
      .getByRole('button', { name: /^Run now/ })
      .first()
      .click();
    await page.locator('.run-now [data-run-status="succeeded"]').waitFor({ timeout: 60_000 });

    const folder = path.join(app.dataDir, 'reports', 'gold-weekly');
    const runDirectories = fs.readdirSync(folder);
    expect(runDirectories).toHaveLength(1);
    const files = fs.readdirSync(path.join(folder, runDirectories[0]));
    expect(files.some((file) => file.endsWith('.pdf'))).toBe(true);
    const csvFile = files.find((file) => file.endsWith('.csv'));
    expect(csvFile).toBeDefined();
    const csv = fs.readFileSync(path.join(folder, runDirectories[0], csvFile!), 'utf8');
    expect(csv).toContain('Gold customers');
    const kpiRow = (label: string) =>
      csv.split('\r\n').find((line) => line.startsWith(`${label},`));
    expect(kpiRow('Impressions')?.split(',')[1]).toBe(String(goldImpressions));
    expect(kpiRow('Conversions')?.split(',')[1]).toBe(String(goldConversions));
    expect(kpiRow('Impressions')?.split(',')[1]).not.toBe(String(allImpressions));
  });
});
