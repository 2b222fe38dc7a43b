import { buildDepthTrend, dlqAlertLevel, hourStart } from './dead-letter-depth.js';

describe('dlqAlertLevel', () => {
  it.each([
    [0, 'OK'],
    [10, 'OK'],
    [11, 'WARNING'],
    [100, 'WARNING'],
    [101, 'CRITICAL'],
  ])('maps depth %i to %s', (depth, level) => {
    expect(dlqAlertLevel(depth)).toBe(level);
  });
});

describe('hourStart', () => {
  it('truncates to the UTC hour', () => {
    expect(hourStart(new Date('2026-12-04T10:59:59.999Z')).toISOString()).toBe(
      '2026-12-04T10:00:00.000Z',
    );
  });
});

describe('buildDepthTrend', () => {
  const at = (iso: string) => new Date(iso);

  it('carries the last depth through hours without samples', () => {
    const points = buildDepthTrend({
      from: at('2026-12-04T10:00:00Z'),
      to: at('2026-12-04T14:00:00Z'),
      before: [{ topic: 'interaction_events', sampledAt: at('2026-12-03T08:00:00Z'), depth: 3 }],
      samples: [
        { topic: 'interaction_events', sampledAt: at('2026-12-04T11:00:00Z'), depth: 7 },
        { topic: 'breaker_events', sampledAt: at('2026-12-04T12:00:00Z'), depth: 2 },
        { topic: 'interaction_events', sampledAt: at('2026-12-04T13:00:00Z'), depth: 0 },
      ],
    });

    expect(points).toEqual([
      { hour: '2026-12-04T10:00:00.000Z', total: 3, byTopic: { interaction_events: 3 } },
      { hour: '2026-12-04T11:00:00.000Z', total: 7, byTopic: { interaction_events: 7 } },
      {
        hour: '2026-12-04T12:00:00.000Z',
        total: 9,
        byTopic: { breaker_events: 2, interaction_events: 7 },
      },
      {
        hour: '2026-12-04T13:00:00.000Z',
        total: 2,
        byTopic: { breaker_events: 2, interaction_events: 0 },
      },
    ]);
  });

  it('starts empty without earlier samples', () => {
    const points = buildDepthTrend({
      from: at('2026-12-04T10:30:00Z'),
      to: at('2026-12-04T12:00:00Z'),
      before: [],
      samples: [],
    });

    expect(points).toEqual([
      { hour: '2026-12-04T10:00:00.000Z', total: 0, byTopic: {} },
      { hour: '2026-12-04T11:00:00.000Z', total: 0, byTopic: {} },
    ]);
  });
});
