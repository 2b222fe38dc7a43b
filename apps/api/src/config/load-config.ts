import * as path from 'node:path';

import {
  type AppConfig,
  ConfigError,
  type LogLevel,
  REPOSITORY_ROOT,
  type ReportSchedulerMode,
} from './app-config.js';
import { loadOrCreateSecrets, type Secrets } from './secrets.js';

type Env = Record<string, string | undefined>;

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];
const SCHEDULER_MODES: ReportSchedulerMode[] = ['in-process', 'external'];

/**
 * Reads and validates every setting from the environment. A bad value throws a
 * ConfigError naming the variable, so the process stops before it serves anything.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const dataDir = path.resolve(env.DATA_DIR?.trim() || path.join(REPOSITORY_ROOT, '.data'));
  const databaseUrl = readDatabaseUrl(env);
  const embedded = databaseUrl === null;
  const secrets = readSecrets(env, dataDir, embedded);

  return {
    port: readInteger(env, 'PORT', 3000, 1, 65535),
    dataDir,
    databaseUrl,
    embedded,
    apiKeyPepper: secrets.apiKeyPepper,
    secretsKey: decodeSecretsKey(secrets.secretsKey),
    cronToken: secrets.cronToken,
    reportScheduler: readChoice(env, 'REPORT_SCHEDULER', SCHEDULER_MODES, 'in-process'),
    demo: readBoolean(env, 'DEMO', embedded),
    demoSeed: readInteger(env, 'DEMO_SEED', 42, 0, 2 ** 31 - 1),
    chromiumPath: env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium',
    logLevel: readChoice(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    retention: {
      interactions: readInteger(env, 'RETENTION_INTERACTIONS_DAYS', 365, 1, 3650),
      decisionTraces: readInteger(env, 'RETENTION_DECISION_TRACES_DAYS', 90, 1, 3650),
      decisionRuns: readInteger(env, 'RETENTION_DECISION_RUNS_DAYS', 7, 7, 3650),
      rollups: readInteger(env, 'RETENTION_ROLLUPS_DAYS', 400, 1, 3650),
    },
    writeRequestsPerMinute: readInteger(env, 'WRITE_REQUESTS_PER_MINUTE', 6000, 1, 1_000_000),
    exportsPerMinute: readInteger(env, 'EXPORTS_PER_MINUTE', 10, 1, 10_000),
    webDistDir: path.join(REPOSITORY_ROOT, 'apps', 'web', 'dist', 'browser'),
  };
}

function readDatabaseUrl(env: Env): string | null {
  const value = env.DATABASE_URL?.trim();
  if (!value) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL; expected postgres://user@host:5432/db');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `has protocol "${url.protocol}"; expected postgres:`);
  }
  return value;
}

function readSecrets(env: Env, dataDir: string, embedded: boolean): Secrets {
  const given = {
    apiKeyPepper: env.API_KEY_PEPPER?.trim() || undefined,
    secretsKey: env.SECRETS_KEY?.trim() || undefined,
    cronToken: env.CRON_TOKEN?.trim() || undefined,
  };
  if (!embedded) {
    requireSecret('API_KEY_PEPPER', given.apiKeyPepper);
    requireSecret('SECRETS_KEY', given.secretsKey);
    requireSecret('CRON_TOKEN', given.cronToken);
    return given as Secrets;
  }
  const stored = loadOrCreateSecrets(dataDir);
  return {
    apiKeyPepper: given.apiKeyPepper ?? stored.apiKeyPepper,
    secretsKey: given.secretsKey ?? stored.secretsKey,
    cronToken: given.cronToken ?? stored.cronToken,
  };
}

function requireSecret(variable: string, value: string | undefined): void {
  if (!value) {
    throw new ConfigError(variable, 'is required when DATABASE_URL is set');
  }
  if (value.length < 16) {
    throw new ConfigError(variable, `must be at least 16 characters (got ${value.length})`);
  }
}

function decodeSecretsKey(value: string): Buffer {
  const key = Buffer.from(value, /^[0-9a-f]{64}$/i.test(value) ? 'hex' : 'base64');
  if (key.length !== 32) {
    throw new ConfigError('SECRETS_KEY', 'must be 32 bytes as 64 hex digits or base64');
  }
  return key;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) {
    return fallback;
  }
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `is "${raw}"; expected an integer from ${min} to ${max}`);
  }
  return value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) {
    return fallback;
  }
  if (['1', 'true', 'on', 'yes'].includes(raw)) {
    return true;
  }
  if (['0', 'false', 'off', 'no'].includes(raw)) {
    return false;
  }
  throw new ConfigError(name, `is "${raw}"; expected true or false`);
}

function readChoice<T extends string>(env: Env, name: string, allowed: T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) {
    return fallback;
  }
  if (!allowed.includes(raw as T)) {
    throw new ConfigError(name, `is "${raw}"; expected one of ${allowed.join(', ')}`);
  }
  return raw as T;
}
