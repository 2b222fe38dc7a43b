import * as path from 'node:path';

import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

import { REPOSITORY_ROOT } from '../config/app-config.js';
import type { DatabaseConnection } from './database.types.js';

export const MIGRATIONS_FOLDER = path.join(REPOSITORY_ROOT, 'drizzle');

/** Advisory lock key that serialises migrations when several replicas start at once. */
const MIGRATION_LOCK_KEY = 724_311_001;

/** Applies every pending migration of `drizzle/`; drizzle records applied ones in its own table. */
export async function runMigrations(connection: DatabaseConnection): Promise<void> {
  const options = { migrationsFolder: MIGRATIONS_FOLDER };
  if (connection.driver === 'pglite') {
    await migratePglite(connection.db as unknown as PgliteDatabase, options);
    return;
  }
  // The lock is held by one session, so the migration runs on its own client.
  const client = new pg.Client({ connectionString: connection.url ?? undefined });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePostgres(drizzlePostgres(client), options);
  } finally {
    await client
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await client.end();
  }
}
