import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import pg from 'pg';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
const TEST_SERVER_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The built app running as its own process against a fresh PostgreSQL database. */
export interface AppProcess {
  baseUrl: string;
  adminKey: string;
  dataDir: string;
  databaseUrl: string;
  cronToken: string;
  logs(): string;
  stop(): Promise<void>;
}

export interface AppProcessOptions {
  env?: Record<string, string>;
  /** Reuse an existing database (a second instance); the caller owns it. */
  databaseUrl?: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
    server.on('error', reject);
  });
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

export async function createDatabase(): Promise<{ name: string; url: string }> {
  const name = `kaireon_e2e_${randomBytes(6).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(name: string): Promise<void> {
  await withServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Starts `apps/api/dist/main.js` and waits until /api/ready answers 200. */
export async function startApp(options: AppProcessOptions = {}): Promise<AppProcess> {
  const entry = path.join(REPOSITORY_ROOT, 'apps', 'api', 'dist', 'main.js');
  if (!fs.existsSync(entry)) {
    throw new Error('apps/api/dist/main.js is missing: run `npm run build` before the e2e tests');
  }
  const ownDatabase = options.databaseUrl ? null : await createDatabase();
  const databaseUrl = options.databaseUrl ?? ownDatabase!.url;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaireon-e2e-'));
  const port = await freePort();
  const cronToken = 'e2e-cron-token-0123456789';
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      API_KEY_PEPPER: 'e2e-pepper-0123456789',
      SECRETS_KEY: 'cd'.repeat(32),
      CRON_TOKEN: cronToken,
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (ownDatabase) {
      await dropDatabase(ownDatabase.name);
    }
  };
  try {
    await waitForReady(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const keyFile = path.join(dataDir, 'admin-key');
  const adminKey = fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8').trim() : '';
  return { baseUrl, adminKey, dataDir, databaseUrl, cronToken, logs: () => output, stop };
}

async function waitForReady(
  baseUrl: string,
  child: ChildProcess,
  logs: () => string,
): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The app exited with code ${child.exitCode} before it was ready:\n${logs()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/ready`);
      if (response.status === 200) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app was not ready within 90 s:\n${logs()}`);
}

/** JSON request with the key as a bearer token; returns status and parsed body. */
export async function api<T = any>(
  app: Pick<AppProcess, 'baseUrl'>,
  key: string,
  method: string,
  urlPath: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app.baseUrl}${urlPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: parsed as T };
}
