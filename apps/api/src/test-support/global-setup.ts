import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

// Jest loads global setup without the suites' module mapping, so this file
// imports packages only.
const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MIGRATIONS_FOLDER = path.resolve(__dirname, '..', '..', '..', '..', 'drizzle');
const TEMPLATE_LOCK_KEY = 724_311_002;

/**
 * Makes sure a migrated template database exists for the current migrations.
 * Its name carries a hash of drizzle/, so runs with the same migrations share
 * it and a changed migration gets a new template. Suites clone it.
 */
export default async function globalSetup(): Promise<void> {
  const templateName = `kaireon_tpl_${migrationsHash()}`;
  process.env.KAIREON_TEST_TEMPLATE = templateName;
  const server = new pg.Client({ connectionString: TEST_SERVER_URL });
  try {
    await server.connect();
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL at ${TEST_SERVER_URL} (set TEST_DATABASE_URL): ${(error as Error).message}`,
    );
  }
  try {
    await server.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    const exists = await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      templateName,
    ]);
    if (exists.rowCount === 0) {
      await createTemplate(server, templateName);
    }
  } finally {
    await server.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]).catch(() => undefined);
    await server.end();
  }
}

async function createTemplate(server: pg.Client, templateName: string): Promise<void> {
  const buildName = `${templateName}_build`;
  await server.query(`DROP DATABASE IF EXISTS ${buildName} WITH (FORCE)`);
  await server.query(`CREATE DATABASE ${buildName}`);
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${buildName}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end();
  }
  // Renamed only when complete, so a failed migration never leaves a half-built template.
  await server.query(`ALTER DATABASE ${buildName} RENAME TO ${templateName}`);
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  const files = listFiles(MIGRATIONS_FOLDER).sort();
  for (const file of files) {
    hash.update(file).update(fs.readFileSync(path.join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? listFiles(dir, relative) : [relative];
  });
}
