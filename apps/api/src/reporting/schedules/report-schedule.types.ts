import type { StoredDestination } from '../destinations/destination.types.js';

/** When a template runs (cron in an IANA zone) and where its files go. */
export interface ReportScheduleRow {
  id: string;
  tenantId: string;
  templateId: string;
  cron: string;
  timeZone: string;
  enabled: boolean;
  destinations: StoredDestination[];
  nextRunAt: Date | null;
  /** Occurrences at or before this are never due (see the column's comment in the schema). */
  lastScheduledFor: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReportScheduleValues {
  templateId: string;
  cron: string;
  timeZone: string;
  enabled: boolean;
  destinations: StoredDestination[];
  nextRunAt: Date | null;
  /** Set when the timing changed, so occurrences before the change are not run or missed. */
  lastScheduledFor?: Date | null;
}
