import * as fs from 'node:fs';
import * as path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';

import type { AppConfig } from '../config/app-config.js';
import { logger } from '../common/logging/logger.js';
import type { Database, DatabaseConnection } from './database.types.js';
import * as schema from './schema/index.js';

// Return int8 and numeric as strings and `date` as 'YYYY-MM-DD' text on both
// drivers; the aggregate mapper converts them once, so JSON is the same everywhere.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** Opens PostgreSQL when DATABASE_URL is set, else the embedded PGlite under DATA_DIR. */
export async function connectDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
): Promise<DatabaseConnection> {
  if (config.databaseUrl) {
    return connectPostgres(config.databaseUrl);
  }
  return connectPglite(path.join(config.dataDir, 'pglite'));
}

export function connectPostgres(url: string, poolSize = 10): DatabaseConnection {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'kaireon',
    // Day buckets and date math are UTC whatever the server's or role's default.
    // JIT compilation costs 30-40 ms on the dashboards' aggregates and saves less
    // than that at the volumes in BENCHMARKS.md, so it is off for this pool.
    options: '-c TimeZone=UTC -c jit=off',
  });
  // An idle client dropped by the server (restart, admin termination) emits here;
  // without a listener the process would crash. The pool replaces the client.
  pool.on('error', (error) => {
    logger.error(
      { action: 'database.idle_client_error', err: error },
      'idle PostgreSQL connection failed',
    );
  });
  const db = drizzlePostgres(pool, { schema }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    url,
    execScript: async (sqlText) => {
      await pool.query(sqlText);
    },
    close: () => pool.end(),
  };
}

export async function connectPglite(dataDir: string | null): Promise<DatabaseConnection> {
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  await client.exec("SET TIME ZONE 'UTC'");
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    url: null,
    execScript: async (sqlText) => {
      await client.exec(sqlText);
    },
    close: () => client.close(),
  };
}
