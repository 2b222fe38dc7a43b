import { addDays, utcDay } from '../../database/partitions.js';

/**
 * Returns the first UTC day that a data class kept `retentionDays` days still contains at
 * `now`. The retained days run from that day through today, so a 7-day retention covers
 * exactly the window of a 7-day dashboard. The retention job drops day partitions before that
 * day, and the decision-run writer sends older runs to the rollups only.
 */
export function firstRetainedDay(now: Date, retentionDays: number): string {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new RangeError(`retentionDays ${retentionDays} must be a positive integer`);
  }
  return addDays(utcDay(now), -(retentionDays - 1));
}

/** Midnight UTC that starts `firstRetainedDay`; rows before this instant are expired. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(`${firstRetainedDay(now, retentionDays)}T00:00:00.000Z`);
}
