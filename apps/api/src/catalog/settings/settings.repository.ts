import { Inject, Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { tenantSettings } from '../../database/schema/index.js';

export interface TenantSettingsRow {
  conversionOutcomeKeys: string[];
  updatedAt: Date;
}

const columns = {
  conversionOutcomeKeys: tenantSettings.conversionOutcomeKeys,
  updatedAt: tenantSettings.updatedAt,
};

@Injectable()
export class SettingsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Reads the tenant's settings; null only for a tenant created without them. */
  async find(tenantId: string, executor: Executor = this.db): Promise<TenantSettingsRow | null> {
    const rows = await executor
      .select(columns)
      .from(tenantSettings)
      .where(eq(tenantSettings.tenantId, tenantId));
    return rows[0] ?? null;
  }

  /** Locks the settings row until the transaction ends, so concurrent changes serialise. */
  async findForUpdate(tenantId: string, executor: Executor): Promise<TenantSettingsRow | null> {
    const rows = await executor
      .select(columns)
      .from(tenantSettings)
      .where(eq(tenantSettings.tenantId, tenantId))
      .for('update');
    return rows[0] ?? null;
  }

  async upsert(
    tenantId: string,
    values: { conversionOutcomeKeys: string[] },
    now: Date,
    executor: Executor = this.db,
  ): Promise<TenantSettingsRow> {
    const rows = await executor
      .insert(tenantSettings)
      .values({ tenantId, conversionOutcomeKeys: values.conversionOutcomeKeys, updatedAt: now })
      .onConflictDoUpdate({
        target: tenantSettings.tenantId,
        set: { conversionOutcomeKeys: values.conversionOutcomeKeys, updatedAt: now },
      })
      .returning(columns);
    const row = rows[0];
    if (!row) {
      throw new Error('Saving the tenant settings returned no row');
    }
    return row;
  }
}
