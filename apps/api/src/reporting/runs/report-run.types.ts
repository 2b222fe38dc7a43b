import type { DestinationType } from '../destinations/destination.types.js';
import type { ReportFormat } from '../render/report-document.js';

export const RUN_TRIGGERS = ['schedule', 'tick', 'run_now'] as const;
/** What started a run: the in-process timer, the cron tick endpoint, or Run Now. */
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'missed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'retrying'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One rendered file of a run: only its size and hash are kept, not the file. */
export interface RunArtifact {
  format: ReportFormat;
  bytes: number;
  sha256: string;
}

/** The result of one destination of a run. */
export interface RunDelivery {
  destinationId: string;
  type: DestinationType;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
}

export interface ReportRunRow {
  id: string;
  tenantId: string;
  templateId: string;
  scheduleId: string | null;
  trigger: RunTrigger;
  scheduledFor: Date | null;
  status: RunStatus;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  artifacts: RunArtifact[];
  deliveries: RunDelivery[];
  createdAt: Date;
}
