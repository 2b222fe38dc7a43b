import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';

import { DATABASE, type Database, type Executor } from '../database/database.types.js';
import { resultRows } from '../database/mapper.js';

/** Keys per statement; one array parameter each, so the count only bounds statement size. */
const CLAIM_CHUNK = 5000;

@Injectable()
export class IdempotencyRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Records the keys and returns those seen for the first time. Run it in the
   * transaction that writes the items, so a rolled-back write frees its keys.
   * Keys are claimed in sorted order, so concurrent claims of overlapping keys
   * take their row locks in the same order and cannot deadlock.
   */
  async claim(
    tenantId: string,
    kind: string,
    keys: string[],
    executor: Executor = this.db,
  ): Promise<Set<string>> {
    const unique = [...new Set(keys)].sort();
    const claimed = new Set<string>();
    for (let start = 0; start < unique.length; start += CLAIM_CHUNK) {
      const chunk = unique.slice(start, start + CLAIM_CHUNK);
      const result = await executor.execute(sql`
        INSERT INTO idempotency_keys (tenant_id, kind, key)
        SELECT ${tenantId}::uuid, ${kind}, key FROM unnest(${sql.param(chunk)}::text[]) AS u(key)
        ON CONFLICT DO NOTHING
        RETURNING key`);
      for (const row of resultRows<{ key: string }>(result)) {
        claimed.add(row.key);
      }
    }
    return claimed;
  }
}
