import 'reflect-metadata';

import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { ApiKeysService } from '../auth/api-keys.service.js';
import { AuthModule } from '../auth/auth.module.js';
import { ROLES, type Role } from '../auth/roles.js';
import { TenantsService } from '../auth/tenants.service.js';
import { DomainError } from '../common/errors/domain-errors.js';
import { setLogLevel } from '../common/logging/logger.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigError } from '../config/app-config.js';
import { loadConfig } from '../config/load-config.js';
import { CoreModule } from '../core/core.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { parseCliArguments } from './cli-arguments.js';

const USAGE = `Usage:
  npm run admin -- create-tenant <key> [--name "Display name"]
  npm run admin -- create-key --tenant <key> --role <${ROLES.join('|')}> --name <name> [--expires <ISO date-time>]
  npm run admin -- list-tenants

Opens the database directly: DATABASE_URL, or the embedded database in DATA_DIR
(stop the app first: the embedded database allows one process).`;

@Module({})
class AdminCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AdminCliModule,
      imports: [CoreModule.forRoot(config), DatabaseModule, AuthModule],
    };
  }
}

async function main(argv: string[]): Promise<number> {
  const { command, positional, options } = parseCliArguments(argv);
  if (!command || options.help) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  setLogLevel('warn');
  const context = await NestFactory.createApplicationContext(AdminCliModule.forRoot(config), {
    logger: false,
  });
  try {
    const tenants = context.get(TenantsService);
    switch (command) {
      case 'create-tenant': {
        const key = positional[0];
        if (!key) {
          throw new UsageError('create-tenant needs the tenant key');
        }
        const tenant = await tenants.create(key, options.name ?? key);
        process.stdout.write(`Created tenant ${tenant.key} (${tenant.id})\n`);
        return 0;
      }
      case 'create-key':
        return await createKey(context.get(ApiKeysService), tenants, options);
      case 'list-tenants': {
        for (const tenant of await tenants.listAll()) {
          process.stdout.write(`${tenant.key}\t${tenant.id}\t${tenant.name}\n`);
        }
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } finally {
    await context.close();
  }
}

async function createKey(
  apiKeys: ApiKeysService,
  tenants: TenantsService,
  options: Record<string, string | undefined>,
): Promise<number> {
  const { tenant: tenantKey, role, name, expires } = options;
  if (!tenantKey || !role || !name) {
    throw new UsageError('create-key needs --tenant, --role and --name');
  }
  if (!ROLES.includes(role as Role)) {
    throw new UsageError(`--role "${role}" is invalid; expected one of ${ROLES.join(', ')}`);
  }
  const expiresAt = expires ? new Date(expires) : null;
  if (expiresAt && Number.isNaN(expiresAt.getTime())) {
    throw new UsageError(`--expires "${expires}" is not an ISO date-time`);
  }
  const tenant = await tenants.findByKey(tenantKey);
  if (!tenant) {
    throw new UsageError(`Tenant "${tenantKey}" does not exist; create it with create-tenant`);
  }
  const created = await apiKeys.create({
    tenantId: tenant.id,
    name,
    role: role as Role,
    expiresAt,
    actor: 'cli',
  });
  process.stdout.write(
    `Created ${role} key "${name}" for tenant ${tenant.key}. It is shown once:\n${created.key}\n`,
  );
  return 0;
}

class UsageError extends Error {}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof ConfigError ||
      error instanceof DomainError
    ) {
      process.stderr.write(`${error.message}\n\n${error instanceof UsageError ? USAGE : ''}\n`);
      process.exit(2);
    }
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
