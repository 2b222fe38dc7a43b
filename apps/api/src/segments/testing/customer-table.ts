/**
 * Test fixture for segments: a customer schema row and its `ds_` table in the
 * tenant's schema, filled through a pg-compatible `query(text, params)`.
 * Used only by integration tests.
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

export interface TestCustomer {
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

export function tenantSchema(tenantId: string): string {
  return `tenant_${tenantId.replaceAll('-', '').slice(0, 12)}`;
}

/** Registers a schema with the fields above, creates its table, and returns the schema id. */
export async function createCustomerSchema(
  run: SqlRunner,
  tenantId: string,
  options: {
    key?: string;
    entityType?: string;
    createTable?: boolean;
    fields?: unknown[];
    columns?: string;
  } = {},
): Promise<string> {
  const key = options.key ?? 'customers';
  const table = `ds_${key}`;
  if (options.createTable !== false) {
    const columns =
      options.columns ??
      `customer_id text PRIMARY KEY, country text, age bigint, lifetime_value numeric, vip boolean,
       signup_date date, last_seen timestamptz, prefs jsonb, "default" text`;
    await run(`CREATE SCHEMA IF NOT EXISTS "${tenantSchema(tenantId)}"`);
    await run(`CREATE TABLE "${tenantSchema(tenantId)}"."${table}" (${columns})`);
  }
  const result = await run(
    `INSERT INTO schemas (tenant_id, key, name, entity_type, fields, primary_key_field, table_name)
     VALUES ($1, $2, $3, $4, $5::jsonb, 'customer_id', $6) RETURNING id`,
    [
      tenantId,
      key,
      key,
      options.entityType ?? 'customer',
      JSON.stringify(options.fields ?? CUSTOMER_FIELDS),
      table,
    ],
  );
  return String(result.rows[0].id);
}

export async function insertCustomers(
  run: SqlRunner,
  tenantId: string,
  customers: TestCustomer[],
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
