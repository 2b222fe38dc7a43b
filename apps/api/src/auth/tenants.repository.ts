import { Inject, Injectable } from '@nestjs/common';
import { count, eq } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { tenantSettings, tenants } from '../database/schema/index.js';

export interface TenantRow {
  id: string;
  key: string;
  name: string;
  createdAt: Date;
}

const columns = {
  id: tenants.id,
  key: tenants.key,
  name: tenants.name,
  createdAt: tenants.createdAt,
};

@Injectable()
export class TenantsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async count(): Promise<number> {
    const rows = await this.db.select({ total: count() }).from(tenants);
    return Number(rows[0]?.total ?? 0);
  }

  async findByKey(key: string): Promise<TenantRow | null> {
    const rows = await this.db.select(columns).from(tenants).where(eq(tenants.key, key));
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<TenantRow | null> {
    const rows = await this.db.select(columns).from(tenants).where(eq(tenants.id, id));
    return rows[0] ?? null;
  }

  async listAll(): Promise<TenantRow[]> {
    return this.db.select(columns).from(tenants).orderBy(tenants.createdAt);
  }

  /** Inserts the tenant and its default settings. */
  async insert(values: { key: string; name: string }, executor: Executor): Promise<TenantRow> {
    const rows = await executor.insert(tenants).values(values).returning(columns);
    const tenant = rows[0];
    if (!tenant) {
      throw new Error('Inserting the tenant returned no row');
    }
    await executor.insert(tenantSettings).values({ tenantId: tenant.id });
    return tenant;
  }
}
