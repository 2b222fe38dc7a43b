/**
 * Test fixtures for the Business dashboard: interactions written to the raw
 * table, the per-customer daily summaries and the hourly rollups the way the
 * ingest pipeline keeps them, and a customer schema with its `ds_` table for
 * segments. Used only by integration tests; every statement takes bound
 * parameters through a pg-compatible `query(text, params)`.
 */

import pg from 'pg';

export type SqlRunner = (
  text: string,
  params?: unknown[],
) => Promise<{ rows: Record<string, unknown>[] }>;

/**
 * Opens a small pool on a test database. `pool.end()` resolves before each
 * socket has closed, so a late FATAL from `DROP DATABASE ... WITH (FORCE)` can
 * arrive on a client or pool without an error listener. The listeners added
 * here keep that error from crashing the jest worker.
 */
export function openTestPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * Adds an error listener to the app's own pool, which emits errors of idle
 * connections as pool events. Without one, a late FATAL from the test
 * database's `DROP ... WITH (FORCE)` crashes the next suite of the worker.
 * NOTE: the app's pool has no error listener of its own, so suites call this after `createTestApp`.
 */
export function listenToAppPoolErrors(db: unknown): void {
  const client = (db as { $client?: { on?: unknown } }).$client;
  if (client instanceof pg.Pool) {
    client.on('error', () => undefined);
  }
}

/** Classification of the system outcome types. */
const OUTCOME_CLASSES: Record<string, 'positive' | 'negative' | 'neutral'> = {
  click: 'positive',
  conversion: 'positive',
  share: 'positive',
  save: 'positive',
  not_interested: 'negative',
  opt_out: 'negative',
  dismiss: 'negative',
  complaint: 'negative',
  defer: 'neutral',
};

export interface FixtureEvent {
  /** ISO 8601 instant. */
  at: string;
  kind: 'recommendation' | 'impression' | 'response';
  customerId: string;
  offerKey: string;
  channelKey: string;
  /** Outcome type key of a response. */
  outcome?: string;
  /** Conversion value of a conversion. */
  value?: number;
}

interface Counts {
  recommendations: number;
  impressions: number;
  positive: number;
  negative: number;
  neutral: number;
  conversions: number;
  conversionValue: number;
}

/**
 * Inserts the events into interactions, interaction_summaries and
 * interaction_rollups. A response counts under its outcome's classification;
 * an outcome of `conversion` also counts as a conversion and adds its value.
 */
export async function insertInteractions(
  run: SqlRunner,
  tenantId: string,
  events: FixtureEvent[],
): Promise<void> {
  const summaries = new Map<string, { key: unknown[]; counts: Counts }>();
  const rollups = new Map<string, { key: unknown[]; counts: Counts }>();
  for (const event of events) {
    await run(
      `INSERT INTO interactions (tenant_id, occurred_at, kind, customer_id, offer_key, channel_key, outcome_key, conversion_value)
       VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8)`,
      [
        tenantId,
        event.at,
        event.kind,
        event.customerId,
        event.offerKey,
        event.channelKey,
        event.outcome ?? null,
        event.value ?? null,
      ],
    );
    const instant = new Date(event.at);
    const day = instant.toISOString().slice(0, 10);
    const hour = `${instant.toISOString().slice(0, 13)}:00:00Z`;
    accumulate(summaries, [day, event.customerId, event.offerKey, event.channelKey], event);
    accumulate(rollups, [hour, event.offerKey, event.channelKey], event);
  }
  for (const { key, counts } of summaries.values()) {
    await run(
      `INSERT INTO interaction_summaries (tenant_id, day, customer_id, offer_key, channel_key, ${COUNT_COLUMNS})
       VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [tenantId, ...key, ...countValues(counts)],
    );
  }
  for (const { key, counts } of rollups.values()) {
    await run(
      `INSERT INTO interaction_rollups (tenant_id, hour, offer_key, channel_key, ${COUNT_COLUMNS})
       VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [tenantId, ...key, ...countValues(counts)],
    );
  }
}

const COUNT_COLUMNS =
  'recommendations, impressions, positive, negative, neutral, conversions, conversion_value';

function countValues(counts: Counts): unknown[] {
  return [
    counts.recommendations,
    counts.impressions,
    counts.positive,
    counts.negative,
    counts.neutral,
    counts.conversions,
    counts.conversionValue.toFixed(2),
  ];
}

function accumulate(
  into: Map<string, { key: unknown[]; counts: Counts }>,
  key: unknown[],
  event: FixtureEvent,
): void {
  const id = JSON.stringify(key);
  const entry = into.get(id) ?? {
    key,
    counts: {
      recommendations: 0,
      impressions: 0,
      positive: 0,
      negative: 0,
      neutral: 0,
      conversions: 0,
      conversionValue: 0,
    },
  };
  into.set(id, entry);
  const counts = entry.counts;
  if (event.kind === 'recommendation') {
    counts.recommendations += 1;
  } else if (event.kind === 'impression') {
    counts.impressions += 1;
  } else {
    const classification = OUTCOME_CLASSES[event.outcome ?? ''] ?? 'neutral';
    counts[classification] += 1;
    if (event.outcome === 'conversion') {
      counts.conversions += 1;
      counts.conversionValue += event.value ?? 0;
    }
  }
}

export interface FixtureCustomer {
  customerId: string;
  country?: string | null;
  age?: number | null;
  lifetimeValue?: number | null;
  vip?: boolean | null;
  signupDate?: string | null;
  lastSeen?: string | null;
  prefs?: unknown;
  /** Stored in a column named `default`, an SQL keyword, so quoting is exercised. */
  tier?: string | null;
}

export const CUSTOMER_FIELDS = [
  { name: 'customer_id', type: 'text', nullable: false },
  { name: 'country', type: 'text', nullable: true },
  { name: 'age', type: 'integer', nullable: true },
  { name: 'lifetime_value', type: 'decimal', nullable: true },
  { name: 'vip', type: 'boolean', nullable: true },
  { name: 'signup_date', type: 'date', nullable: true },
  { name: 'last_seen', type: 'timestamp', nullable: true },
  { name: 'prefs', type: 'json', nullable: true },
  { name: 'default', type: 'text', nullable: true },
];

/** `tenant_<first 12 hex of the tenant id>`. */
export function tenantSchema(tenantId: string): string {
  return `tenant_${tenantId.replaceAll('-', '').slice(0, 12)}`;
}

/**
 * Registers a schema with the customer fields above and creates its table in
 * the tenant's schema; returns the schema id.
 */
export async function createCustomerSchema(
  run: SqlRunner,
  tenantId: string,
  options: { key?: string; entityType?: string; createTable?: boolean } = {},
): Promise<string> {
  const key = options.key ?? 'customers';
  const table = `ds_${key}`;
  const schemaName = tenantSchema(tenantId);
  if (options.createTable !== false) {
    await run(`CREATE SCHEMA IF NOT EXISTS "${schemaName}"`);
    await run(
      `CREATE TABLE "${schemaName}"."${table}" (customer_id text PRIMARY KEY, country text, age bigint,
        lifetime_value numeric, vip boolean, signup_date date, last_seen timestamptz, prefs jsonb, "default" text)`,
    );
  }
  const result = await run(
    `INSERT INTO schemas (tenant_id, key, name, entity_type, fields, primary_key_field, table_name)
     VALUES ($1, $2, $3, $4, $5::jsonb, 'customer_id', $6) RETURNING id`,
    [tenantId, key, key, options.entityType ?? 'customer', JSON.stringify(CUSTOMER_FIELDS), table],
  );
  return String(result.rows[0].id);
}

export async function insertCustomers(
  run: SqlRunner,
  tenantId: string,
  customers: FixtureCustomer[],
  key = 'customers',
): Promise<void> {
  for (const customer of customers) {
    await run(
      `INSERT INTO "${tenantSchema(tenantId)}"."ds_${key}"
        (customer_id, country, age, lifetime_value, vip, signup_date, last_seen, prefs, "default")
       VALUES ($1, $2, $3, $4, $5, $6::date, $7::timestamptz, $8::jsonb, $9)`,
      [
        customer.customerId,
        customer.country ?? null,
        customer.age ?? null,
        customer.lifetimeValue ?? null,
        customer.vip ?? null,
        customer.signupDate ?? null,
        customer.lastSeen ?? null,
        customer.prefs === undefined ? null : JSON.stringify(customer.prefs),
        customer.tier ?? null,
      ],
    );
  }
}

export interface FixtureCatalog {
  categories: { key: string; name: string }[];
  offers: { key: string; name: string; categoryKey: string | null }[];
  channels: { key: string; name: string; type: string }[];
}

/** Inserts catalog rows straight into the tables, so names can be joined. */
export async function insertCatalog(
  run: SqlRunner,
  tenantId: string,
  catalog: FixtureCatalog,
): Promise<void> {
  for (const category of catalog.categories) {
    await run('INSERT INTO categories (tenant_id, key, name) VALUES ($1, $2, $3)', [
      tenantId,
      category.key,
      category.name,
    ]);
  }
  for (const offer of catalog.offers) {
    await run('INSERT INTO offers (tenant_id, key, name, category_key) VALUES ($1, $2, $3, $4)', [
      tenantId,
      offer.key,
      offer.name,
      offer.categoryKey,
    ]);
  }
  for (const channel of catalog.channels) {
    await run('INSERT INTO channels (tenant_id, key, name, type) VALUES ($1, $2, $3, $4)', [
      tenantId,
      channel.key,
      channel.name,
      channel.type,
    ]);
  }
}
