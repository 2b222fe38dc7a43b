import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

import type * as schema from './schema/index.js';

/** The drizzle database, whichever driver (node-postgres or PGlite) is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle; repositories accept either this or the database. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export const DATABASE = Symbol('Database');

/** The driver handle behind the drizzle database, for start-up and shutdown work. */
export interface DatabaseConnection {
  db: Database;
  driver: 'postgres' | 'pglite';
  /** Connection URL of the PostgreSQL server; null on PGlite. */
  url: string | null;
  /** Runs several statements in one round trip (migrations, DDL of run-time objects). */
  execScript(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export const DATABASE_CONNECTION = Symbol('DatabaseConnection');
