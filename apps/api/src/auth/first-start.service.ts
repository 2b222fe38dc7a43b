import * as fs from 'node:fs';
import * as path from 'node:path';

import { Inject, Injectable } from '@nestjs/common';

import { type AppConfig, CONFIG } from '../config/app-config.js';
import { logger } from '../common/logging/logger.js';
import { ReadinessState } from '../core/readiness.js';
import { ApiKeysService } from './api-keys.service.js';
import { TenantsService } from './tenants.service.js';

export const DEFAULT_TENANT_KEY = 'default';

/**
 * On first start with an empty database, creates the default tenant and an
 * admin key, prints the key once and stores it in `$DATA_DIR/admin-key` (0600).
 */
@Injectable()
export class FirstStartService {
  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantsService,
    private readonly apiKeys: ApiKeysService,
    private readonly readiness: ReadinessState,
  ) {}

  /** What the last run did: whether it created the default tenant, and that tenant's id. */
  lastRun: { created: boolean; tenantId: string | null } = { created: false, tenantId: null };

  async run(): Promise<{ created: boolean; key?: string }> {
    if ((await this.tenants.count()) > 0) {
      const existing = await this.tenants.findByKey(DEFAULT_TENANT_KEY);
      this.lastRun = { created: false, tenantId: existing?.id ?? null };
      this.readiness.complete('first-start');
      return { created: false };
    }
    const tenant = await this.tenants.create(DEFAULT_TENANT_KEY, 'Default');
    const { key } = await this.apiKeys.create({
      tenantId: tenant.id,
      name: 'bootstrap-admin',
      role: 'admin',
      expiresAt: null,
      actor: 'first-start',
    });
    const file = path.join(this.config.dataDir, 'admin-key');
    fs.mkdirSync(this.config.dataDir, { recursive: true });
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    // Printed once, on purpose, outside the JSON log so that no log collector stores it.
    process.stdout.write(
      `\nFirst start: created tenant "${DEFAULT_TENANT_KEY}" and an admin API key.\n` +
        `  Admin key: ${key}\n  Also saved to ${file} (mode 0600). It is not shown again.\n\n`,
    );
    logger.info(
      { action: 'first-start.done', tenantId: tenant.id, keyFile: file },
      'admin key created',
    );
    this.lastRun = { created: true, tenantId: tenant.id };
    this.readiness.complete('first-start');
    return { created: true, key };
  }
}
