import { Inject, Injectable } from '@nestjs/common';
import { and, eq, max } from 'drizzle-orm';

import { DATABASE, type Database } from '../database/database.types.js';
import { scheduleOccurrences } from '../database/schema/index.js';

export type OccurrenceStatus = 'claimed' | 'succeeded' | 'failed' | 'missed';

/** The identity of one occurrence: the primary key of `schedule_occurrences`. */
export interface OccurrenceKey {
  tenantId: string;
  scheduleKind: string;
  scheduleId: string;
  scheduledFor: Date;
}

export interface NewOccurrence extends OccurrenceKey {
  status: 'claimed' | 'missed';
  claimedBy: string;
  trigger: string;
}

@Injectable()
export class ScheduleOccurrencesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Inserts the occurrences that no runner has inserted yet and returns those. The primary key
   * makes this the exactly-once guard: of concurrent runners, only one gets each row back.
   */
  async claim(occurrences: NewOccurrence[]): Promise<{ scheduledFor: Date; status: string }[]> {
    if (occurrences.length === 0) {
      return [];
    }
    return this.db.insert(scheduleOccurrences).values(occurrences).onConflictDoNothing().returning({
      scheduledFor: scheduleOccurrences.scheduledFor,
      status: scheduleOccurrences.status,
    });
  }

  /** Records how a claimed occurrence's run ended. */
  async finish(
    key: OccurrenceKey,
    result: { status: 'succeeded' | 'failed'; finishedAt: Date; error: string | null },
  ): Promise<void> {
    await this.db
      .update(scheduleOccurrences)
      .set(result)
      .where(
        and(
          eq(scheduleOccurrences.tenantId, key.tenantId),
          eq(scheduleOccurrences.scheduleKind, key.scheduleKind),
          eq(scheduleOccurrences.scheduleId, key.scheduleId),
          eq(scheduleOccurrences.scheduledFor, key.scheduledFor),
        ),
      );
  }

  /** The latest occurrence recorded for a schedule, claimed or missed, or null. */
  async latestScheduledFor(
    tenantId: string,
    scheduleKind: string,
    scheduleId: string,
  ): Promise<Date | null> {
    const rows = await this.db
      .select({ latest: max(scheduleOccurrences.scheduledFor) })
      .from(scheduleOccurrences)
      .where(
        and(
          eq(scheduleOccurrences.tenantId, tenantId),
          eq(scheduleOccurrences.scheduleKind, scheduleKind),
          eq(scheduleOccurrences.scheduleId, scheduleId),
        ),
      );
    const latest = rows[0]?.latest ?? null;
    return latest === null ? null : new Date(latest);
  }
}
