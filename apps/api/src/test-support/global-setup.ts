import * as path from 'node:path';

import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

// Jest loads global setup without the suites' module mapping, so this file
// imports packages only and repeats the two constants it needs.
const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_DATABASE = 'kaireon_test_template';
const MIGRATIONS_FOLDER = path.resolve(__dirname, '..', '..', '..', '..', 'drizzle');

/** Migrates the template database once per run; each suite clones it. */
export default async function globalSetup(): Promise<void> {
  const server = new pg.Client({ connectionString: TEST_SERVER_URL });
  try {
    await server.connect();
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL at ${TEST_SERVER_URL} (set TEST_DATABASE_URL): ${(error as Error).message}`,
    );
  }
  try {
    await server.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await server.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await server.end();
  }
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end();
  }
}
