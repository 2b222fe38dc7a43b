import { Inject, Injectable } from '@nestjs/common';
import { and, eq, gte, inArray } from 'drizzle-orm';

import { DATABASE, type Database } from '../../database/database.types.js';
import { interactions } from '../../database/schema/index.js';
import type { RecommendationRow } from './respond-target.js';

/** Reads recorded recommendations, which outcomes posted to /respond refer to. */
@Injectable()
export class RecommendationRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Recommendations of the tenant with these ids recorded since `since`; the bound prunes older partitions. */
  async findByIds(filter: {
    tenantId: string;
    recommendationIds: string[];
    since: Date;
  }): Promise<RecommendationRow[]> {
    if (filter.recommendationIds.length === 0) {
      return [];
    }
    const rows = await this.db
      .select({
        recommendationId: interactions.recommendationId,
        customerId: interactions.customerId,
        offerKey: interactions.offerKey,
        channelKey: interactions.channelKey,
        creativeKey: interactions.creativeKey,
        rank: interactions.rank,
        modelKey: interactions.modelKey,
        score: interactions.score,
      })
      .from(interactions)
      .where(
        and(
          eq(interactions.tenantId, filter.tenantId),
          inArray(interactions.recommendationId, filter.recommendationIds),
          eq(interactions.kind, 'recommendation'),
          gte(interactions.occurredAt, filter.since),
        ),
      )
      .orderBy(interactions.recommendationId, interactions.rank, interactions.occurredAt);
    return rows.map((row) => ({ ...row, recommendationId: row.recommendationId ?? '' }));
  }
}
