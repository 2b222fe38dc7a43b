import type { Browser, Page } from 'playwright-core';

import { api, type AppProcess, startApp } from '../support/app-process';
import { launchBrowser, screenshot, signIn, waitForText } from '../support/browser';

const OFFERS = [
  'offer_summer_promo',
  'offer_gold_card',
  'offer_loan_topup',
  'offer_travel_insurance',
  'offer_savings_plus',
];

/**
 * A trace in which the new frequency cap removes the summer promo at the
 * contact-policy stage: 10 candidates, 3 fail qualification, 6 more are
 * removed by contact policy, so the contact-policy cumulative rate is 90%.
 */
function cappedTrace(index: number, occurredAt: Date): Record<string, unknown> {
  const candidates = [...OFFERS, 'offer_a', 'offer_b', 'offer_c', 'offer_d', 'offer_e'];
  const stageResults = [
    ...candidates.slice(7).map((offerKey) => ({
      stage: 'qualification',
      offerKey,
      passed: false,
      ruleId: 'eligibility_age',
      reason: 'age below 18',
    })),
    ...candidates
      .slice(0, 7)
      .map((offerKey) => ({ stage: 'qualification', offerKey, passed: true })),
    ...candidates.slice(0, 7).map((offerKey) => ({ stage: 'suppression', offerKey, passed: true })),
    ...candidates.slice(0, 6).map((offerKey) => ({
      stage: 'contactPolicy',
      offerKey,
      passed: false,
      ruleId: 'frequency_cap',
      reason: 'frequency_cap exceeded: 3/day at scope global',
    })),
    { stage: 'contactPolicy', offerKey: candidates[6], passed: true },
    { stage: 'scoring', offerKey: candidates[6], passed: true },
  ];
  return {
    requestId: `req-investigation-${index}`,
    customerId: `cust-${index}`,
    flowKey: 'next_best_offer',
    channelKey: 'web',
    totalLatencyMs: 40 + index,
    funnel: {
      initial: 10,
      afterQualification: 7,
      afterSuppression: 7,
      afterContactPolicy: 1,
      afterScoring: 1,
      final: 1,
    },
    stageResults,
    scoringResults: [{ offerKey: candidates[6], modelKey: 'propensity_v3', score: 0.41 }],
    selectedOffers: [candidates[6]],
    occurredAt: occurredAt.toISOString(),
  };
}

describe('Operations investigation in Chromium', () => {
  let app: AppProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    const now = Date.now();
    const traces = Array.from({ length: 20 }, (_, index) =>
      cappedTrace(index, new Date(now - (index + 1) * 60_000)),
    );
    const recorded = await api(app, app.adminKey, 'POST', '/api/v1/decision-traces', traces);
    expect(recorded.status).toBe(200);
    expect(recorded.body.accepted).toBe(20);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    if (page) {
      await screenshot(page, 'operations-investigation');
    }
    await browser?.close();
    await app?.stop();
  });

  it('walks from the red contact-policy bar to the rule that removed the offer', async () => {
    await signIn(page, app.baseUrl, app.adminKey, '/dashboards/operations?refresh=off');
    await page.getByRole('heading', { name: 'Decision Pipeline' }).waitFor();

    const redBar = page.getByRole('link', { name: /^Contact Policy filter rate 90% red$/ });
    await redBar.waitFor();
    await redBar.click();
    await page.waitForURL(/\/traces\?.*stage=contactPolicy/);

    await page.getByLabel('Offer').fill('offer_summer_promo');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/offerKey=offer_summer_promo/);
    await page
      .getByRole('link', { name: /^Open trace req-investigation-/ })
      .first()
      .click();

    const journey = page.getByRole('table', { name: /Offer journey/ });
    await journey.waitFor();
    const row = journey.getByRole('row', { name: /offer_summer_promo/ });
    const text = await waitForText(row, /frequency_cap/);
    expect(text).toMatch(/Contact Policy/);
    expect(text).toContain('frequency_cap exceeded: 3/day at scope global');
  });
});
