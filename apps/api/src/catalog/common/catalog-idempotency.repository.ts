import { Inject, Injectable } from '@nestjs/common';
import { and, eq, inArray } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../../database/database.types.js';
import { idempotencyKeys } from '../../database/schema/index.js';

/**
 * Reads idempotency keys without claiming them. Catalog creates check first
 * and claim only the keys of items they stored, so a rejected item's key
 * stays free for the corrected retry.
 */
@Injectable()
export class CatalogIdempotencyRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async seen(
    tenantId: string,
    kind: string,
    keys: string[],
    executor: Executor = this.db,
  ): Promise<Set<string>> {
    if (keys.length === 0) {
      return new Set();
    }
    const rows = await executor
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.tenantId, tenantId),
          eq(idempotencyKeys.kind, kind),
          inArray(idempotencyKeys.key, [...new Set(keys)]),
        ),
      );
    return new Set(rows.map((row) => row.key));
  }
}
