import type { DeadLetterAlert, DeadLetterDepthPoint } from './dead-letter.types.js';

const HOUR_MS = 3_600_000;

/** Alert level of a queue depth: up to 10 is OK, 11 to 100 WARNING, above 100 CRITICAL. */
export function dlqAlertLevel(totalEvents: number): DeadLetterAlert {
  if (totalEvents <= 10) {
    return 'OK';
  }
  return totalEvents <= 100 ? 'WARNING' : 'CRITICAL';
}

/** Start of the UTC hour that contains `instant`. */
export function hourStart(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);
}

export interface DepthSample {
  topic: string;
  sampledAt: Date;
  depth: number;
}

export interface DepthTrendInput {
  /** First hour of the trend (rounded down to the hour). */
  from: Date;
  /** End of the trend, exclusive. */
  to: Date;
  /** Samples inside [from, to). */
  samples: DepthSample[];
  /** The last sample of each topic before `from`, the starting depth of the trend. */
  before: DepthSample[];
}

/**
 * Builds one point per UTC hour of [from, to). A sample is the depth after the
 * last change in its hour, and an hour without changes has no sample, so such
 * an hour carries the depth of the hour before.
 */
export function buildDepthTrend(input: DepthTrendInput): DeadLetterDepthPoint[] {
  const current = new Map(input.before.map((sample) => [sample.topic, sample.depth]));
  const byHour = new Map<number, DepthSample[]>();
  for (const sample of input.samples) {
    const hour = hourStart(sample.sampledAt).getTime();
    byHour.set(hour, [...(byHour.get(hour) ?? []), sample]);
  }

  const points: DeadLetterDepthPoint[] = [];
  for (let hour = hourStart(input.from).getTime(); hour < input.to.getTime(); hour += HOUR_MS) {
    for (const sample of byHour.get(hour) ?? []) {
      current.set(sample.topic, sample.depth);
    }
    const byTopic = Object.fromEntries(
      [...current.entries()].sort(([a], [b]) => a.localeCompare(b)),
    );
    const total = [...current.values()].reduce((sum, depth) => sum + depth, 0);
    points.push({ hour: new Date(hour).toISOString(), total, byTopic });
  }
  return points;
}
