import type { DemoTimeline } from './demo-timeline.js';
import type { DemoWriter } from './demo-writer.js';

const HOUR_MS = 3_600_000;

/** The annotations of the demo story: the policy change, a deploy and its fix, the DLQ incident. */
export function storyAnnotations(timeline: DemoTimeline): Record<string, unknown>[] {
  const fixAt = new Date(timeline.slowDeployAt.getTime() + 3 * HOUR_MS);
  return [
    {
      kind: 'policy_change',
      title: 'Contact policy: frequency cap 3 per day, scope global',
      description: 'New frequency_cap rule in the contact-policy stage of next_best_offer.',
      occurredAt: timeline.incidentAt.toISOString(),
      source: 'policy-engine',
      idempotencyKey: 'demo:annotation:frequency-cap',
    },
    {
      kind: 'deploy',
      title: 'decision-engine 4.12.0 deployed',
      occurredAt: timeline.slowDeployAt.toISOString(),
      source: 'ci',
      idempotencyKey: 'demo:annotation:deploy-4.12.0',
    },
    {
      kind: 'deploy',
      title: 'decision-engine 4.12.1 deployed (latency fix)',
      occurredAt: fixAt.toISOString(),
      source: 'ci',
      idempotencyKey: 'demo:annotation:deploy-4.12.1',
    },
    {
      kind: 'incident',
      title: 'Outcome recording failures: events dead-lettered, retried an hour later',
      occurredAt: timeline.dlqBurstAt.toISOString(),
      source: 'on-call',
      idempotencyKey: 'demo:annotation:dlq-burst',
    },
  ];
}

/** The breakers' transitions: each episode opens, half-opens after a cool-down and closes. */
export function storyBreakerEvents(timeline: DemoTimeline): Record<string, unknown>[] {
  return timeline.breakerEpisodes.flatMap((episode) =>
    [
      { fromState: 'closed', toState: 'open', reason: episode.reason, at: episode.openAt },
      {
        fromState: 'open',
        toState: 'half_open',
        reason: 'cool-down elapsed',
        at: episode.halfOpenAt,
      },
      {
        fromState: 'half_open',
        toState: 'closed',
        reason: 'probe succeeded',
        at: episode.closedAt,
      },
    ].map(({ at, ...transition }) => ({
      name: episode.name,
      ...transition,
      occurredAt: at.toISOString(),
      idempotencyKey: `demo:breaker:${episode.name}:${at.toISOString()}`,
    })),
  );
}

/** Hourly depth of the `interaction_events` dead-letter topic around the burst: WARNING, then back to OK. */
export function storyDeadLetterDepth(timeline: DemoTimeline): { sampledAt: Date; depth: number }[] {
  const at = (hours: number) => new Date(timeline.dlqBurstAt.getTime() + hours * HOUR_MS);
  return [
    { sampledAt: at(-1), depth: 0 },
    { sampledAt: at(0), depth: 17 },
    { sampledAt: at(0.5), depth: 46 },
    { sampledAt: at(1), depth: 46 },
    { sampledAt: at(1.5), depth: 0 },
  ];
}

export async function seedStory(writer: DemoWriter, timeline: DemoTimeline): Promise<void> {
  await writer.post('/api/v1/annotations', storyAnnotations(timeline));
  await writer.post('/api/v1/circuit-breakers/events', storyBreakerEvents(timeline));
}
