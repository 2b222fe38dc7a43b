import { InjectionToken } from '@angular/core';
import { type ReportRunDto } from '@kaireon/api-client';
import { type Observable, defer, exhaustMap, takeWhile, timer } from 'rxjs';

import { type StatusTone } from '../shared/ui/status-badge.component';

export type RunStatus = ReportRunDto['status'];
export type RunTrigger = ReportRunDto['trigger'];
export type DeliveryStatus = ReportRunDto['deliveries'][number]['status'];

/** Statuses after which a run never changes again. */
export const FINAL_RUN_STATUSES: ReadonlySet<RunStatus> = new Set<RunStatus>([
  'succeeded',
  'failed',
  'missed',
]);

/** Time between two reads of a run in progress. */
export const RUN_POLL_INTERVAL_MS = 2_000;

/** The run polling interval in milliseconds, replaceable in tests. */
export const REPORT_RUN_POLL_MS = new InjectionToken<number>('REPORT_RUN_POLL_MS', {
  providedIn: 'root',
  factory: () => RUN_POLL_INTERVAL_MS,
});

const RUN_STATUS_VIEW: Record<RunStatus, { tone: StatusTone; label: string }> = {
  queued: { tone: 'neutral', label: 'Queued' },
  running: { tone: 'amber', label: 'Running' },
  succeeded: { tone: 'green', label: 'Succeeded' },
  failed: { tone: 'red', label: 'Failed' },
  missed: { tone: 'amber', label: 'Missed' },
};

const DELIVERY_STATUS_VIEW: Record<DeliveryStatus, { tone: StatusTone; label: string }> = {
  pending: { tone: 'neutral', label: 'Pending' },
  retrying: { tone: 'amber', label: 'Retrying' },
  delivered: { tone: 'green', label: 'Delivered' },
  failed: { tone: 'red', label: 'Failed' },
};

const TRIGGER_LABELS: Record<RunTrigger, string> = {
  schedule: 'Schedule',
  tick: 'Cron tick',
  run_now: 'Run now',
};

/** Returns the badge colour and text of a run status. */
export function runStatusView(status: RunStatus): { tone: StatusTone; label: string } {
  return RUN_STATUS_VIEW[status];
}

/** Returns the badge colour and text of a delivery status. */
export function deliveryStatusView(status: DeliveryStatus): { tone: StatusTone; label: string } {
  return DELIVERY_STATUS_VIEW[status];
}

/** Returns what started a run, in words. */
export function triggerLabel(trigger: RunTrigger): string {
  return TRIGGER_LABELS[trigger];
}

/** True once a run has reached a status it never leaves. */
export function isFinalRun(run: Pick<ReportRunDto, 'status'>): boolean {
  return FINAL_RUN_STATUSES.has(run.status);
}

/**
 * Reads a run every `intervalMs` until it reaches a final status, emitting each read; the last
 * emission is the finished run. Unsubscribing stops the polling.
 */
export function pollRunUntilFinished(
  read: () => Promise<ReportRunDto>,
  intervalMs = RUN_POLL_INTERVAL_MS,
): Observable<ReportRunDto> {
  return timer(intervalMs, intervalMs).pipe(
    // A read still in flight when the next tick comes is awaited, not cancelled.
    exhaustMap(() => defer(read)),
    takeWhile((run) => !isFinalRun(run), true),
  );
}

/** Formats a file size with SI units: "812 B", "48.2 kB", "1.3 MB". */
export function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1000) {
    return `${new Intl.NumberFormat(locale).format(bytes)} B`;
  }
  const units = ['kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }

  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
