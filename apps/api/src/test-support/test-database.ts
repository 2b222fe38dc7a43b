import { randomBytes } from 'node:crypto';

import pg from 'pg';

/** Server the suites create their databases on. */
export const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The migrated database every suite's database is cloned from; named by global setup. */
function templateDatabase(): string {
  const name = process.env.KAIREON_TEST_TEMPLATE;
  if (!name) {
    throw new Error(
      'KAIREON_TEST_TEMPLATE is unset: run integration tests through jest global setup',
    );
  }
  return name;
}

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh database cloned from the migrated template; returns its URL. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `kaireon_test_${randomBytes(6).toString('hex')}`;
  await withServer(async (client) => {
    // Cloning needs the template to have no other sessions; suites clone in parallel, so retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
        return;
      } catch (error) {
        const busy = (error as { code?: string }).code === '55006';
        if (!busy || attempt >= 50) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return { name, url: databaseUrl(name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}
