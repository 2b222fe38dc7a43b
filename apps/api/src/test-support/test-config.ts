import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { AppConfig } from '../config/app-config.js';
import { loadConfig } from '../config/load-config.js';

/** Configuration for a test app on the given database, with a throwaway DATA_DIR. */
export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaireon-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    API_KEY_PEPPER: 'test-pepper-0123456789',
    SECRETS_KEY: 'ab'.repeat(32),
    CRON_TOKEN: 'test-cron-token-0123456789',
    REPORT_SCHEDULER: 'external',
    DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
  });
  return { ...config, ...overrides };
}
