import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';

import { DATABASE, type Database } from '../database/database.types.js';

/**
 * Writes the demo's dead-letter depth history. The burst it tells of happened
 * before the demo was seeded, so its hourly samples are written with their
 * past times directly; nothing else in the product writes samples in the past.
 */
@Injectable()
export class DemoHistoryRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insertDepthSamples(
    tenantId: string,
    topic: string,
    samples: { sampledAt: Date; depth: number }[],
  ): Promise<void> {
    if (samples.length === 0) {
      return;
    }
    await this.db.execute(sql`
      INSERT INTO dead_letter_depth_samples (tenant_id, topic, sampled_at, depth)
      SELECT ${tenantId}::uuid, ${topic}, sampled_at, depth
      FROM unnest(
        ${sql.param(samples.map((sample) => sample.sampledAt.toISOString()))}::timestamptz[],
        ${sql.param(samples.map((sample) => sample.depth))}::int[]
      ) AS u(sampled_at, depth)
      ON CONFLICT DO NOTHING`);
  }
}
