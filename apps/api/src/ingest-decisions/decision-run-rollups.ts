import type { DecisionRunStatus } from './dto/decision-run.dto.js';
import { emptyLatencyHistogram, latencyBucketIndex } from './latency-histogram.js';

const HOUR_MS = 3_600_000;

/** A decision run ready to store; `channelKey` is '' when the run has no channel. */
export interface NewDecisionRun {
  flowKey: string;
  channelKey: string;
  status: DecisionRunStatus;
  latencyMs: number;
  occurredAt: Date;
  requestId: string | null;
}

/** Counts and latencies that a set of runs adds to one hourly rollup row. */
export interface DecisionRunRollupDelta {
  hour: Date;
  flowKey: string;
  channelKey: string;
  completed: number;
  failed: number;
  latencySumMs: number;
  latencyMaxMs: number;
  histogram: number[];
}

/** Returns the start of the UTC hour of an instant. */
export function hourOf(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);
}

/**
 * Sums runs per hour, flow and channel. Each key appears once, because one upsert statement
 * may not update the same row twice.
 */
export function buildRunRollupDeltas(runs: NewDecisionRun[]): DecisionRunRollupDelta[] {
  const deltas = new Map<string, DecisionRunRollupDelta>();
  for (const run of runs) {
    const hour = hourOf(run.occurredAt);
    const key = JSON.stringify([hour.getTime(), run.flowKey, run.channelKey]);
    let delta = deltas.get(key);
    if (!delta) {
      delta = {
        hour,
        flowKey: run.flowKey,
        channelKey: run.channelKey,
        completed: 0,
        failed: 0,
        latencySumMs: 0,
        latencyMaxMs: 0,
        histogram: emptyLatencyHistogram(),
      };
      deltas.set(key, delta);
    }
    if (run.status === 'completed') {
      delta.completed += 1;
    } else {
      delta.failed += 1;
    }
    delta.latencySumMs += run.latencyMs;
    delta.latencyMaxMs = Math.max(delta.latencyMaxMs, run.latencyMs);
    delta.histogram[latencyBucketIndex(run.latencyMs)] += 1;
  }
  return [...deltas.values()];
}
