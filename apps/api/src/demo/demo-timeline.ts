/** Fixed moments of the demo story, relative to the UTC day the demo was seeded. */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const DEMO_HISTORY_DAYS = 30;

export interface DemoTimeline {
  /** Midnight UTC of the seeding day; history runs up to `seededAt`. */
  anchorDay: Date;
  seededAt: Date;
  historyStart: Date;
  /** The new frequency-cap contact policy goes live overnight, 5 days back at 22:00 UTC. */
  incidentAt: Date;
  /** A burst of failing outcome events, 2 days back, retried an hour later. */
  dlqBurstAt: Date;
  /** A deploy with a short latency regression, 9 days back. */
  slowDeployAt: Date;
  breakerEpisodes: {
    name: string;
    openAt: Date;
    halfOpenAt: Date;
    closedAt: Date;
    reason: string;
  }[];
}

export function demoTimeline(seededAt: Date): DemoTimeline {
  const anchorDay = new Date(
    Date.UTC(seededAt.getUTCFullYear(), seededAt.getUTCMonth(), seededAt.getUTCDate()),
  );
  const at = (daysBack: number, hour: number) =>
    new Date(anchorDay.getTime() - daysBack * DAY_MS + hour * HOUR_MS);
  return {
    anchorDay,
    seededAt,
    historyStart: new Date(anchorDay.getTime() - (DEMO_HISTORY_DAYS - 1) * DAY_MS),
    incidentAt: at(5, 22),
    dlqBurstAt: at(2, 14),
    slowDeployAt: at(9, 10),
    breakerEpisodes: [
      episode('enrichment-redis', at(12, 3), 6, 'connection pool exhausted: 50/50 in use'),
      episode('connector-snowflake', at(8, 15), 25, 'query timeout after 30 s'),
      episode('enrichment-redis', at(3, 9), 4, 'READONLY: replica promoted during failover'),
    ],
  };
}

function episode(name: string, openAt: Date, minutesOpen: number, reason: string) {
  const halfOpenAt = new Date(openAt.getTime() + minutesOpen * 60_000);
  return { name, openAt, halfOpenAt, closedAt: new Date(halfOpenAt.getTime() + 60_000), reason };
}
