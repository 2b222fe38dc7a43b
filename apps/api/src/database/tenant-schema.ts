import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from './database.types.js';

/** `tenant_<first 12 hex of the tenant id>`: the PostgreSQL schema of one tenant's own tables. */
export function tenantSchemaName(tenantId: string): string {
  const hex = tenantId.replaceAll('-', '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) {
    throw new Error(`Tenant id ${tenantId} is not a UUID`);
  }
  return `tenant_${hex.slice(0, 12)}`;
}

/** Quotes an identifier the way PostgreSQL's quote_ident does, for DDL built in code. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

@Injectable()
export class TenantSchemaService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async create(tenantId: string, executor: Executor = this.db): Promise<string> {
    const name = tenantSchemaName(tenantId);
    await executor.execute(sql.raw(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(name)}`));
    return name;
  }
}
