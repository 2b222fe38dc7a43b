import { Inject, Injectable } from '@nestjs/common';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { idempotencyKeys } from '../database/schema/index.js';

@Injectable()
export class IdempotencyRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Records the keys and returns those seen for the first time. Run it in the
   * transaction that writes the items, so a rolled-back write frees its keys.
   */
  async claim(
    tenantId: string,
    kind: string,
    keys: string[],
    executor: Executor = this.db,
  ): Promise<Set<string>> {
    if (keys.length === 0) {
      return new Set();
    }
    const rows = await executor
      .insert(idempotencyKeys)
      .values([...new Set(keys)].map((key) => ({ tenantId, kind, key })))
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    return new Set(rows.map((row) => row.key));
  }
}
