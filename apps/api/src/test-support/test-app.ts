import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';

import { createApp } from '../app/create-app.js';
import { ApiKeysService } from '../auth/api-keys.service.js';
import type { Role } from '../auth/roles.js';
import { TenantsService } from '../auth/tenants.service.js';
import { setLogLevel } from '../common/logging/logger.js';
import type { AppConfig } from '../config/app-config.js';
import type { Clock } from '../core/clock.js';
import { DATABASE, type Database } from '../database/database.types.js';
import { testConfig } from './test-config.js';
import { createTestDatabase, dropTestDatabase } from './test-database.js';

export type RoleKeys = Record<Role, string>;

export interface TestTenant {
  id: string;
  key: string;
  keys: RoleKeys;
}

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  config: AppConfig;
  db: Database;
  databaseUrl: string;
  /** Creates a tenant with one key of every role. */
  createTenant(key: string): Promise<TestTenant>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: Clock;
  config?: Partial<AppConfig>;
}

/** Boots the real app on a fresh PostgreSQL database cloned from the migrated template. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, options.config);
  setLogLevel(config.logLevel);
  const app = await createApp(config, { clock: options.clock });
  await app.init();
  const tenants = app.get(TenantsService);
  const apiKeys = app.get(ApiKeysService);

  return {
    app,
    http: request(app.getHttpServer()),
    config,
    db: app.get<Database>(DATABASE),
    databaseUrl: database.url,
    async createTenant(key) {
      const tenant = await tenants.create(key);
      const keys = {} as RoleKeys;
      for (const role of ['ingest', 'viewer', 'editor', 'admin'] as const) {
        const created = await apiKeys.create({
          tenantId: tenant.id,
          name: `${key}-${role}`,
          role,
          expiresAt: null,
          actor: 'test',
        });
        keys[role] = created.key;
      }
      return { id: tenant.id, key, keys };
    },
    async close() {
      await app.close();
      await dropTestDatabase(database.name);
    },
  };
}

export function bearer(key: string): { Authorization: string } {
  return { Authorization: `Bearer ${key}` };
}
