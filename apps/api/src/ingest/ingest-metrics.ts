import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';

/** Item kinds this module reports in `kaireon_ingest_events_total`. */
export type IngestEventKind = 'interaction' | 'respond' | 'ndjson';
export type OutboxApplyResult = 'applied' | 'duplicate' | 'retried' | 'dead_lettered';

/** The counters of recording telemetry, behind one injectable. */
@Injectable()
export class IngestMetrics {
  constructor(
    @InjectMetric('kaireon_ingest_events_total') private readonly events: Counter<string>,
    @InjectMetric('kaireon_respond_outcome_total') private readonly outcomes: Counter<string>,
    @InjectMetric('kaireon_outbox_apply_total') private readonly outboxApplies: Counter<string>,
  ) {}

  /** Counts received items: accepted (recorded), duplicate (key seen before) and rejected. */
  countEvents(
    kind: IngestEventKind,
    counts: { accepted?: number; duplicate?: number; rejected?: number },
  ): void {
    for (const result of ['accepted', 'duplicate', 'rejected'] as const) {
      const value = counts[result] ?? 0;
      if (value > 0) {
        this.events.inc({ kind, result }, value);
      }
    }
  }

  countAppliedOutcome(outcomeType: string, classification: string): void {
    this.outcomes.inc({ outcome_type: outcomeType, classification });
  }

  countOutboxApply(result: OutboxApplyResult, value = 1): void {
    if (value > 0) {
      this.outboxApplies.inc({ result }, value);
    }
  }
}
