import { DEMO_CATEGORIES, DEMO_CHANNELS, DEMO_OFFERS, SUMMER_PROMO_KEY } from './demo-catalog.js';
import { generateCustomers } from './demo-customers.js';
import { type DemoHour, generateHour } from './demo-events.js';
import { DemoRandom } from './demo-random.js';
import { demoTimeline } from './demo-timeline.js';

const HOUR_MS = 3_600_000;
const POSITIVE = new Set(['click', 'conversion', 'save', 'share']);
const timeline = demoTimeline(new Date('2026-12-04T17:00:00Z'));
const customers = generateCustomers(new DemoRandom(42), 20_000, timeline.anchorDay);

function hourOf(seed: number, at: number): DemoHour {
  const random = DemoRandom.forPart(seed, Math.floor(at / HOUR_MS));
  return generateHour({
    random,
    hourStart: new Date(at),
    timeline,
    customers,
    scale: 2,
    idPrefix: 'demo',
  });
}

function history(seed: number): DemoHour[] {
  const hours: DemoHour[] = [];
  for (let at = timeline.historyStart.getTime(); at < timeline.seededAt.getTime(); at += HOUR_MS) {
    hours.push(hourOf(seed, at));
  }
  return hours;
}

const SAMPLE_HOUR = timeline.historyStart.getTime() + 100 * HOUR_MS;

const seed42 = history(42);
const interactions = seed42.flatMap((hour) => hour.interactions);
const traces = seed42.flatMap((hour) => hour.decisionTraces);

function acceptance(filter: (event: Record<string, unknown>) => boolean): number {
  const events = interactions.filter(
    (event) => event.offerKey === SUMMER_PROMO_KEY && filter(event),
  );
  const impressions = events.filter((event) => event.kind === 'impression').length;
  const positive = events.filter(
    (event) => event.kind === 'response' && POSITIVE.has(event.outcome as string),
  ).length;
  return positive / impressions;
}

const afterIncident = (event: Record<string, unknown>) =>
  Date.parse(event.occurredAt as string) >= timeline.incidentAt.getTime();

describe('demo catalog', () => {
  it('has 40 offers in 6 categories and 8 channels', () => {
    expect(DEMO_OFFERS).toHaveLength(40);
    expect(new Set(DEMO_OFFERS.map((offer) => offer.categoryKey)).size).toBe(
      DEMO_CATEGORIES.length,
    );
    expect(DEMO_CATEGORIES).toHaveLength(6);
    expect(DEMO_CHANNELS).toHaveLength(8);
  });

  it('keeps the bank data set channel keys free', () => {
    const keys = DEMO_CHANNELS.map((channel) => channel.key as string);
    expect(keys).not.toContain('cellular');
    expect(keys).not.toContain('telephone');
  });
});

describe('demo history', () => {
  it('is the same for the same seed', () => {
    expect(hourOf(42, SAMPLE_HOUR)).toEqual(seed42[100]);
  });

  it('differs between seeds', () => {
    expect(hourOf(43, SAMPLE_HOUR)).not.toEqual(seed42[100]);
  });

  it('drops summer promo acceptance from about 12% to about 3% at the incident', () => {
    const before = acceptance((event) => !afterIncident(event));
    const after = acceptance(afterIncident);
    expect(before).toBeGreaterThan(0.1);
    expect(before).toBeLessThan(0.14);
    expect(after).toBeGreaterThan(0.015);
    expect(after).toBeLessThan(0.045);
  });

  it('turns the contact-policy filter rate red after the incident only', () => {
    const cumulative = (list: Record<string, unknown>[]) => {
      const sums = list.reduce(
        (total: { initial: number; after: number }, trace) => {
          const funnel = trace.funnel as { initial: number; afterContactPolicy: number };
          return {
            initial: total.initial + funnel.initial,
            after: total.after + funnel.afterContactPolicy,
          };
        },
        { initial: 0, after: 0 },
      );
      return (sums.initial - sums.after) / sums.initial;
    };
    expect(cumulative(traces.filter(afterIncident))).toBeGreaterThan(0.8);
    expect(cumulative(traces.filter((trace) => !afterIncident(trace)))).toBeLessThan(0.6);
  });

  it('shows frequency_cap removing the summer promo in traces after the incident', () => {
    const removals = traces
      .filter(afterIncident)
      .flatMap(
        (trace) => trace.stageResults as { offerKey: string; passed: boolean; ruleId?: string }[],
      )
      .filter((result) => result.offerKey === SUMMER_PROMO_KEY && !result.passed);
    const byFrequencyCap = removals.filter((result) => result.ruleId === 'frequency_cap').length;
    expect(byFrequencyCap).toBeGreaterThan(removals.length * 0.7);
  });

  it('writes only traces of the last 7 days, which the raw retention keeps', () => {
    const oldest = Math.min(...traces.map((trace) => Date.parse(trace.occurredAt as string)));
    expect(oldest).toBeGreaterThanOrEqual(timeline.seededAt.getTime() - 7 * 24 * HOUR_MS);
  });
});
