import {
  CHANNEL_LIFT,
  DEMO_CHANNELS,
  DEMO_OFFERS,
  type DemoOffer,
  SUMMER_PROMO_KEY,
} from './demo-catalog.js';
import { type DemoCustomer, responseLift } from './demo-customers.js';
import type { DemoRandom } from './demo-random.js';
import type { DemoTimeline } from './demo-timeline.js';

/** Telemetry of one hour, in the shapes the write endpoints take. */
export interface DemoHour {
  interactions: Record<string, unknown>[];
  decisionRuns: Record<string, unknown>[];
  decisionTraces: Record<string, unknown>[];
}

const HOUR_MS = 3_600_000;
const RAW_TRACE_DAYS = 7;
/** Acceptance of the summer promo once the frequency cap is live. */
const CAPPED_SUMMER_ACCEPT_RATE = 0.03;
const FLOW_KEYS = ['next_best_offer', 'next_best_offer', 'onboarding_journey', 'retention_save'];

const OFFER_WEIGHTS = DEMO_OFFERS.map((offer) => ({
  value: offer,
  // The promo is recommended often, so its drop stands out in every view.
  weight: offer.key === SUMMER_PROMO_KEY ? 4 : 1,
}));
const CHANNEL_WEIGHTS = DEMO_CHANNELS.map((channel) => ({
  value: channel.key,
  weight: channel.weight,
}));

/** Decisions in an hour: busier in the European day, quiet at night. */
export function decisionsInHour(random: DemoRandom, hourStart: Date, scale: number): number {
  const hour = hourStart.getUTCHours();
  const daytime = Math.max(0, Math.sin(((hour - 5) / 24) * 2 * Math.PI));
  return Math.max(1, Math.round((12 + 36 * daytime) * scale * (0.85 + random.next() * 0.3)));
}

/** Generates the telemetry of one hour of the demo platform. */
export function generateHour(params: {
  random: DemoRandom;
  hourStart: Date;
  timeline: DemoTimeline;
  customers: DemoCustomer[];
  scale: number;
  idPrefix: string;
}): DemoHour {
  const { random, hourStart, timeline, customers, scale, idPrefix } = params;
  const hour: DemoHour = { interactions: [], decisionRuns: [], decisionTraces: [] };
  const decisions = decisionsInHour(random, hourStart, scale);
  const traceWindowStart = timeline.seededAt.getTime() - RAW_TRACE_DAYS * 24 * HOUR_MS;
  for (let index = 0; index < decisions; index++) {
    const occurredAt = new Date(hourStart.getTime() + random.int(0, HOUR_MS - 600_000));
    const requestId = `${idPrefix}-${hourStart.getTime().toString(36)}-${index}`;
    const customer = random.pick(customers);
    const channelKey = random.weighted(CHANNEL_WEIGHTS);
    const capped = occurredAt >= timeline.incidentAt;
    const offers = chooseOffers(random, capped);
    hour.decisionRuns.push(decisionRun({ random, occurredAt, requestId, channelKey, timeline }));
    offers.forEach((offer, rank) => {
      hour.interactions.push(
        ...offerInteractions({
          random,
          occurredAt,
          requestId,
          rank,
          offer,
          customer,
          channelKey,
          capped,
        }),
      );
    });
    if (occurredAt.getTime() >= traceWindowStart && random.chance(0.35)) {
      hour.decisionTraces.push(
        decisionTrace({ random, occurredAt, requestId, customer, channelKey, capped, timeline }),
      );
    }
  }
  return hour;
}

function chooseOffers(random: DemoRandom, capped: boolean): DemoOffer[] {
  const count = random.int(1, 3);
  const chosen = new Map<string, DemoOffer>();
  while (chosen.size < count) {
    const offer = random.weighted(OFFER_WEIGHTS);
    // The frequency cap removes most summer-promo candidates before ranking.
    if (capped && offer.key === SUMMER_PROMO_KEY && random.chance(0.6)) {
      continue;
    }
    chosen.set(offer.key, offer);
  }
  return [...chosen.values()];
}

function offerInteractions(params: {
  random: DemoRandom;
  occurredAt: Date;
  requestId: string;
  rank: number;
  offer: DemoOffer;
  customer: DemoCustomer;
  channelKey: string;
  capped: boolean;
}): Record<string, unknown>[] {
  const { random, occurredAt, requestId, rank, offer, customer, channelKey, capped } = params;
  const recommendationId = `${requestId}-${rank + 1}`;
  const base = { customerId: customer.customer_id, offerKey: offer.key, channelKey };
  const events: Record<string, unknown>[] = [
    {
      ...base,
      kind: 'recommendation',
      recommendationId,
      rank: rank + 1,
      modelKey: 'propensity_v3',
      score: Math.round(random.next() * 1000) / 1000,
      occurredAt: occurredAt.toISOString(),
      idempotencyKey: `demo:${recommendationId}:recommendation`,
    },
  ];
  if (!random.chance(0.75)) {
    return events;
  }
  const seenAt = new Date(occurredAt.getTime() + random.int(1, 120) * 1000);
  events.push({
    ...base,
    kind: 'impression',
    recommendationId,
    occurredAt: seenAt.toISOString(),
    idempotencyKey: `demo:${recommendationId}:impression`,
  });
  const outcome = responseOutcome(random, acceptRate(offer, customer, channelKey, capped), offer);
  if (outcome) {
    const respondedAt = new Date(seenAt.getTime() + random.int(10, 480) * 1000);
    events.push({
      ...base,
      kind: 'response',
      outcome: outcome.key,
      recommendationId,
      ...(outcome.value > 0 ? { conversionValue: outcome.value } : {}),
      occurredAt: respondedAt.toISOString(),
      idempotencyKey: `demo:${recommendationId}:response`,
    });
  }
  return events;
}

function acceptRate(
  offer: DemoOffer,
  customer: DemoCustomer,
  channelKey: string,
  capped: boolean,
): number {
  const base =
    capped && offer.key === SUMMER_PROMO_KEY ? CAPPED_SUMMER_ACCEPT_RATE : offer.acceptRate;
  // The promo's rate is the story's headline figure, so customer and channel mix do not move it.
  if (offer.key === SUMMER_PROMO_KEY) {
    return base;
  }
  return Math.min(0.6, base * responseLift(customer) * (CHANNEL_LIFT[channelKey] ?? 1));
}

function responseOutcome(
  random: DemoRandom,
  accept: number,
  offer: DemoOffer,
): { key: string; value: number } | null {
  if (random.chance(accept)) {
    if (random.chance(offer.conversionShare)) {
      const value =
        offer.value > 0 ? Math.round(offer.value * (0.6 + random.next() * 0.8) * 100) / 100 : 0;
      return { key: 'conversion', value };
    }
    return {
      key: random.weighted([
        { value: 'click', weight: 8 },
        { value: 'save', weight: 1 },
        { value: 'share', weight: 1 },
      ]),
      value: 0,
    };
  }
  if (!random.chance(0.55)) {
    return null;
  }
  const key = random.weighted([
    { value: 'not_interested', weight: 55 },
    { value: 'dismiss', weight: 30 },
    { value: 'defer', weight: 8 },
    { value: 'opt_out', weight: 5 },
    { value: 'complaint', weight: 2 },
  ]);
  return { key, value: 0 };
}

function decisionRun(params: {
  random: DemoRandom;
  occurredAt: Date;
  requestId: string;
  channelKey: string;
  timeline: DemoTimeline;
}): Record<string, unknown> {
  const { random, occurredAt, requestId, channelKey, timeline } = params;
  const sinceDeploy = occurredAt.getTime() - timeline.slowDeployAt.getTime();
  const regression = sinceDeploy >= 0 && sinceDeploy < 3 * HOUR_MS ? 2.4 : 1;
  const failed = random.chance(regression > 1 ? 0.03 : 0.004);
  return {
    flowKey: random.pick(FLOW_KEYS),
    channelKey,
    status: failed ? 'failed' : 'completed',
    latencyMs: Math.round(random.logNormal(38 * regression, 0.45) * 10) / 10,
    occurredAt: occurredAt.toISOString(),
    requestId,
    idempotencyKey: `demo:${requestId}:run`,
  };
}

const QUALIFICATION_RULES = [
  'eligibility_age',
  'product_already_held',
  'region_restriction',
  'credit_score_min',
];
const SUPPRESSION_RULES = ['recent_complaint', 'channel_opt_out'];
const CONTACT_RULES = ['channel_daily_limit', 'quiet_hours'];

function decisionTrace(params: {
  random: DemoRandom;
  occurredAt: Date;
  requestId: string;
  customer: DemoCustomer;
  channelKey: string;
  capped: boolean;
  timeline: DemoTimeline;
}): Record<string, unknown> {
  const { random, occurredAt, requestId, customer, channelKey, capped } = params;
  const candidates = shuffle(random, DEMO_OFFERS).slice(0, random.int(28, 40));
  const stageResults: Record<string, unknown>[] = [];
  let remaining = candidates;
  const stage = (
    name: string,
    removeChance: (offer: DemoOffer) => number,
    rule: (offer: DemoOffer) => { ruleId: string; reason: string },
  ) => {
    const kept: DemoOffer[] = [];
    for (const offer of remaining) {
      if (random.chance(removeChance(offer))) {
        stageResults.push({ stage: name, offerKey: offer.key, passed: false, ...rule(offer) });
      } else {
        stageResults.push({ stage: name, offerKey: offer.key, passed: true });
        kept.push(offer);
      }
    }
    remaining = kept;
    return kept.length;
  };
  const initial = candidates.length;
  // The promo is open to nearly everyone, so it usually reaches the contact-policy stage.
  const afterQualification = stage(
    'qualification',
    (offer) => (offer.key === SUMMER_PROMO_KEY ? 0.1 : 0.45),
    () => {
      const ruleId = random.pick(QUALIFICATION_RULES);
      return { ruleId, reason: `${ruleId} not met for customer ${customer.customer_id}` };
    },
  );
  const afterSuppression = stage(
    'suppression',
    () => 0.05,
    () => {
      const ruleId = random.pick(SUPPRESSION_RULES);
      return { ruleId, reason: `${ruleId}: suppressed for 30 days` };
    },
  );
  const afterContactPolicy = stage(
    'contactPolicy',
    (offer) => (capped ? (offer.key === SUMMER_PROMO_KEY ? 0.95 : 0.8) : 0.1),
    () => {
      if (capped && random.chance(0.9)) {
        return { ruleId: 'frequency_cap', reason: 'frequency_cap exceeded: 3/day at scope global' };
      }
      const ruleId = random.pick(CONTACT_RULES);
      return { ruleId, reason: `${ruleId} reached for channel ${channelKey}` };
    },
  );
  const scored = remaining.map((offer) => ({
    offerKey: offer.key,
    modelKey: 'propensity_v3',
    score: Math.round(random.next() * 1000) / 1000,
    contributions: {
      tenure_months: Math.round((random.next() - 0.3) * 100) / 1000,
      recent_clicks: Math.round(random.next() * 100) / 1000,
      lifetime_value: Math.round((random.next() - 0.5) * 100) / 1000,
    },
  }));
  const afterScoring = stage(
    'scoring',
    () => 0.02,
    () => ({ ruleId: 'min_propensity', reason: 'score below 0.05' }),
  );
  const ranked = scored
    .filter((result) => remaining.some((offer) => offer.key === result.offerKey))
    .sort((a, b) => b.score - a.score);
  const selected = ranked.slice(0, Math.min(3, ranked.length)).map((result) => result.offerKey);
  return {
    requestId,
    customerId: customer.customer_id,
    flowKey: 'next_best_offer',
    channelKey,
    totalLatencyMs: Math.round(random.logNormal(44, 0.4) * 10) / 10,
    funnel: {
      initial,
      afterQualification,
      afterSuppression,
      afterContactPolicy,
      afterScoring,
      final: selected.length,
    },
    stageResults,
    scoringResults: scored,
    selectedOffers: selected,
    experiment: { key: 'exp_ranking_v2', variant: random.chance(0.8) ? 'champion' : 'challenger' },
    degradedScoring: random.chance(0.02),
    occurredAt: occurredAt.toISOString(),
    idempotencyKey: `demo:${requestId}:trace`,
  };
}

function shuffle<T>(random: DemoRandom, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
