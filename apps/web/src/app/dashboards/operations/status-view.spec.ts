import { buildBreakers } from './operations.testing';
import {
  buildMetricRows,
  describeDlqActionResult,
  sortAcceptanceRows,
  sortBreakers,
  topicDepths,
} from './status-view';

describe('status view models', () => {
  it('puts open breakers first', () => {
    const sorted = sortBreakers([
      ...buildBreakers().breakers,
      { ...buildBreakers().breakers[0], name: 'scoring-api', state: 'half_open' },
    ]);

    expect(sorted.map((breaker) => `${breaker.name}:${breaker.state}`)).toEqual([
      'enrichment-redis:open',
      'scoring-api:half_open',
      'connector-snowflake:closed',
    ]);
  });

  it('orders topics deepest first', () => {
    expect(topicDepths({ a_topic: 2, b_topic: 9, c_topic: 2 })).toEqual([
      { topic: 'b_topic', depth: 9 },
      { topic: 'a_topic', depth: 2 },
      { topic: 'c_topic', depth: 2 },
    ]);
  });

  it('orders acceptance rows by impressions', () => {
    const rows = sortAcceptanceRows([
      { offerKey: 'a', offerName: 'A', impressions: 10, positive: 1, negative: 0, acceptRate: 0.1 },
      {
        offerKey: 'b',
        offerName: 'B',
        impressions: 50,
        positive: 2,
        negative: 1,
        acceptRate: 0.04,
      },
    ]);

    expect(rows.map((row) => row.offerKey)).toEqual(['b', 'a']);
  });

  it.each([
    [{ action: 'purge' as const, deleted: 3 }, 'Purged 3 events.'],
    [{ action: 'purge' as const, deleted: 1 }, 'Purged 1 event.'],
    [{ action: 'retry' as const, requeued: 12, failed: 0, remaining: 0 }, 'Requeued 12 events.'],
    [
      { action: 'retry' as const, requeued: 1000, failed: 2, remaining: 40 },
      'Requeued 1,000 events; 2 events failed again and stay queued; 40 events of the ' +
        'selection are still queued; retry again for them.',
    ],
  ])('describes the action result %p', (result, text) => {
    expect(describeDlqActionResult(result, 'en-US')).toBe(text);
  });

  it('flattens metrics into one row per series with sorted labels', () => {
    const rows = buildMetricRows({
      data: [
        {
          name: 'kaireon_dlq_depth',
          help: 'Queued dead-letter events',
          type: 'gauge',
          values: [
            { labels: { topic: 'interaction_events', tenant: 'acme' }, value: 12 },
            { labels: {}, value: 0 },
          ],
        },
      ],
    });

    expect(rows.map((row) => [row.name, row.labelsText, row.value])).toEqual([
      ['kaireon_dlq_depth', 'tenant="acme", topic="interaction_events"', 12],
      ['kaireon_dlq_depth', '', 0],
    ]);
  });
});
