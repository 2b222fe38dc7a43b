import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ConfigError } from './app-config.js';
import { loadConfig } from './load-config.js';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kaireon-config-'));
}

const serverSecrets = {
  DATABASE_URL: 'postgres://app@127.0.0.1:5432/app',
  API_KEY_PEPPER: 'pepper-0123456789abcdef',
  SECRETS_KEY: 'ab'.repeat(32),
  CRON_TOKEN: 'cron-0123456789abcdef',
};

describe('loadConfig', () => {
  it('defaults to embedded mode with generated secrets', () => {
    const dataDir = tempDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.embedded).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.demo).toBe(true);
    expect(config.reportScheduler).toBe('in-process');
    expect(config.secretsKey).toHaveLength(32);
    const stat = fs.statSync(path.join(dataDir, 'secrets.json'));
    expect(stat.mode & 0o777).toBe(0o600);
  });

  it('keeps generated secrets across starts', () => {
    const dataDir = tempDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.apiKeyPepper).toBe(first.apiKeyPepper);
    expect(second.cronToken).toBe(first.cronToken);
  });

  it('requires secrets with DATABASE_URL', () => {
    const env = { ...serverSecrets, CRON_TOKEN: undefined };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/CRON_TOKEN is required when DATABASE_URL is set/);
  });

  it('turns the demo off with DATABASE_URL', () => {
    const config = loadConfig(serverSecrets);
    expect(config.embedded).toBe(false);
    expect(config.demo).toBe(false);
  });

  it.each([
    ['PORT', '70000', /PORT is "70000"; expected an integer from 1 to 65535/],
    ['PORT', 'abc', /PORT is "abc"/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL is "loud"; expected one of fatal, error/],
    ['REPORT_SCHEDULER', 'cron', /REPORT_SCHEDULER is "cron"/],
    ['DEMO', 'maybe', /DEMO is "maybe"; expected true or false/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL has protocol "mysql:"/],
    ['SECRETS_KEY', 'tooshort-but-16chars', /SECRETS_KEY must be 32 bytes/],
  ])('names %s when its value %s is invalid', (variable, value, message) => {
    const env = { ...serverSecrets, [variable]: value };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(message);
  });
});
