import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, lt, or, sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { apiKeys, tenants } from '../database/schema/index.js';
import type { Role } from './roles.js';

export interface ApiKeyRow {
  id: string;
  tenantId: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: string | null;
}

export interface ApiKeyWithHash extends ApiKeyRow {
  hash: string;
  tenantKey: string;
  tenantName: string;
}

const columns = {
  id: apiKeys.id,
  tenantId: apiKeys.tenantId,
  name: apiKeys.name,
  role: apiKeys.role,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  createdBy: apiKeys.createdBy,
};

@Injectable()
export class ApiKeysRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Looks a key up by its prefix across tenants: the only query that does not know the tenant yet. */
  async findByPrefix(prefix: string): Promise<ApiKeyWithHash | null> {
    const rows = await this.db
      .select({ ...columns, hash: apiKeys.hash, tenantKey: tenants.key, tenantName: tenants.name })
      .from(apiKeys)
      .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
      .where(eq(apiKeys.prefix, prefix))
      .limit(1);
    return (rows[0] as ApiKeyWithHash | undefined) ?? null;
  }

  async insert(
    values: {
      tenantId: string;
      name: string;
      role: Role;
      prefix: string;
      hash: string;
      expiresAt: Date | null;
      createdBy: string | null;
    },
    executor: Executor = this.db,
  ): Promise<ApiKeyRow> {
    const rows = await executor.insert(apiKeys).values(values).returning(columns);
    return rows[0] as ApiKeyRow;
  }

  async findById(tenantId: string, id: string): Promise<ApiKeyRow | null> {
    const rows = await this.db
      .select(columns)
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)));
    return (rows[0] as ApiKeyRow | undefined) ?? null;
  }

  /** One page, newest first; `after` is the (createdAt, id) of the previous page's last row. */
  async list(
    tenantId: string,
    limit: number,
    after: { createdAt: Date; id: string } | null,
  ): Promise<ApiKeyRow[]> {
    const keyset = after
      ? or(
          lt(apiKeys.createdAt, after.createdAt),
          and(eq(apiKeys.createdAt, after.createdAt), lt(apiKeys.id, after.id)),
        )
      : undefined;
    const rows = await this.db
      .select(columns)
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, tenantId), keyset))
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
      .limit(limit + 1);
    return rows as ApiKeyRow[];
  }

  async count(tenantId: string): Promise<number> {
    const rows = await this.db
      .select({ total: count() })
      .from(apiKeys)
      .where(eq(apiKeys.tenantId, tenantId));
    return Number(rows[0]?.total ?? 0);
  }

  async revoke(tenantId: string, id: string, at: Date): Promise<ApiKeyRow | null> {
    const rows = await this.db
      .update(apiKeys)
      .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${at})` })
      .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)))
      .returning(columns);
    return (rows[0] as ApiKeyRow | undefined) ?? null;
  }

  async touch(tenantId: string, id: string, at: Date): Promise<void> {
    await this.db
      .update(apiKeys)
      .set({ lastUsedAt: at })
      .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)));
  }
}
