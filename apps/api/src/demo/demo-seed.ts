import { ensureCatalogEntity } from '../cli/importers/catalog-setup.js';
import {
  DEMO_CATEGORIES,
  DEMO_CHANNELS,
  DEMO_OFFERS,
  DEMO_SCHEMA_FIELDS,
  DEMO_SCHEMA_KEY,
  DEMO_SEGMENTS,
} from './demo-catalog.js';
import { type DemoCustomer, generateCustomers } from './demo-customers.js';
import { generateHour } from './demo-events.js';
import { DemoRandom } from './demo-random.js';
import type { DemoTimeline } from './demo-timeline.js';
import type { DemoWriter } from './demo-writer.js';

const HOUR_MS = 3_600_000;
export const DEMO_CUSTOMER_COUNT = 20_000;
/** Interactions gathered before a flush; bigger flushes mean fewer, larger transactions. */
const FLUSH_AT_INTERACTIONS = 8000;

export interface DemoProgress {
  step: string;
  done: number;
  total: number;
}

export type ProgressListener = (progress: DemoProgress) => void;

/** Creates the demo catalog: categories, offers, channels, the customer schema and its rows, and segments. */
export async function seedCatalog(params: {
  writer: DemoWriter;
  random: DemoRandom;
  timeline: DemoTimeline;
  onProgress: ProgressListener;
}): Promise<DemoCustomer[]> {
  const { writer, random, timeline, onProgress } = params;
  await writer.post(
    '/api/v1/categories',
    DEMO_CATEGORIES.map((category) => ({
      ...category,
      idempotencyKey: `demo:category:${category.key}`,
    })),
  );
  await writer.post(
    '/api/v1/offers',
    DEMO_OFFERS.map((offer) => ({
      key: offer.key,
      name: offer.name,
      categoryKey: offer.categoryKey,
      status: 'active',
      priority: 50,
      ...(offer.value > 0 ? { revenueValue: offer.value } : {}),
      idempotencyKey: `demo:offer:${offer.key}`,
    })),
  );
  await writer.post(
    '/api/v1/channels',
    DEMO_CHANNELS.map(({ weight: _weight, ...channel }) => ({
      ...channel,
      idempotencyKey: `demo:channel:${channel.key}`,
    })),
  );
  const schema = await ensureCatalogEntity(writer.client, 'schemas', {
    key: DEMO_SCHEMA_KEY,
    name: 'Demo customers',
    entityType: 'customer',
    fields: DEMO_SCHEMA_FIELDS.map((field) => ({ ...field })),
    primaryKeyField: 'customer_id',
  });
  const customers = generateCustomers(random, DEMO_CUSTOMER_COUNT, timeline.anchorDay);
  onProgress({ step: 'customers', done: 0, total: customers.length });
  for (let start = 0; start < customers.length; start += 5000) {
    await writer.post(`/api/v1/schemas/${schema.id}/rows`, customers.slice(start, start + 5000));
    onProgress({
      step: 'customers',
      done: Math.min(start + 5000, customers.length),
      total: customers.length,
    });
  }
  for (const segment of DEMO_SEGMENTS) {
    await ensureSegment(writer, schema.id, segment);
  }
  return customers;
}

async function ensureSegment(
  writer: DemoWriter,
  schemaId: string,
  segment: (typeof DEMO_SEGMENTS)[number],
): Promise<void> {
  const existing = await writer.client.request<{ data: { key: string }[] }>(
    'GET',
    '/api/v1/segments?limit=200',
  );
  if (existing.body.data.some((row) => row.key === segment.key)) {
    return;
  }
  await writer.client.request('POST', '/api/v1/segments', {
    key: segment.key,
    name: segment.name,
    baseSchemaId: schemaId,
    conditions: segment.conditions,
    status: 'active',
  });
}

/** Records the telemetry of every hour in [from, to), flushing in large batches. */
export async function seedTelemetry(params: {
  writer: DemoWriter;
  seed: number;
  timeline: DemoTimeline;
  customers: DemoCustomer[];
  from: Date;
  to: Date;
  scale: number;
  onProgress?: ProgressListener;
}): Promise<{ interactions: number; decisionRuns: number; decisionTraces: number }> {
  const { writer, seed, timeline, customers, from, to, scale, onProgress } = params;
  const totals = { interactions: 0, decisionRuns: 0, decisionTraces: 0 };
  let pending = {
    interactions: [] as unknown[],
    decisionRuns: [] as unknown[],
    decisionTraces: [] as unknown[],
  };
  const flush = async () => {
    totals.interactions += await writer.post('/api/v1/interactions', pending.interactions);
    totals.decisionRuns += await writer.post('/api/v1/decision-runs', pending.decisionRuns);
    totals.decisionTraces += await writer.post('/api/v1/decision-traces', pending.decisionTraces);
    pending = { interactions: [], decisionRuns: [], decisionTraces: [] };
  };
  // Hours are generated whole, from the hour that contains `from`, and then cut
  // to the window, so a trickle slice sees the same events as the full hour.
  const firstHour = Math.floor(from.getTime() / HOUR_MS) * HOUR_MS;
  const hours = Math.ceil((to.getTime() - firstHour) / HOUR_MS);
  for (let index = 0; index < hours; index++) {
    const hourStart = new Date(firstHour + index * HOUR_MS);
    // Each hour has its own stream, so the same hour always gives the same events.
    const random = DemoRandom.forPart(seed, Math.floor(hourStart.getTime() / HOUR_MS));
    const hour = generateHour({
      random,
      hourStart,
      timeline,
      customers,
      scale,
      idPrefix: `demo${seed}`,
    });
    const inWindow = (event: Record<string, unknown>) => {
      const at = Date.parse(event.occurredAt as string);
      return at >= from.getTime() && at < to.getTime();
    };
    pending.interactions.push(...hour.interactions.filter(inWindow));
    pending.decisionRuns.push(...hour.decisionRuns.filter(inWindow));
    pending.decisionTraces.push(...hour.decisionTraces.filter(inWindow));
    if (pending.interactions.length >= FLUSH_AT_INTERACTIONS) {
      await flush();
      onProgress?.({ step: 'history', done: index + 1, total: hours });
    }
  }
  await flush();
  onProgress?.({ step: 'history', done: hours, total: hours });
  return totals;
}
