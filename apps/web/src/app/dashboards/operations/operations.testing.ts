import {
  type CircuitBreakersPanelDto,
  type DecisionPipelineDto,
  type DlqSummaryDto,
  type OperationsSummaryDto,
  type RecentRunDto,
} from '@kaireon/api-client';

/** The day window the builders echo: the 7 UTC days ending 2026-12-04. */
export const TEST_DAY_WINDOW = { from: '2026-11-28', to: '2026-12-05', days: 7 } as const;

/** The pipeline window the builders echo: the 24 hours ending 2026-12-04T12:00Z. */
export const TEST_PIPELINE_WINDOW = {
  from: '2026-12-03T12:00:00.000Z',
  to: '2026-12-04T12:00:00.000Z',
} as const;

/** Builds a recent run, completed unless overridden. */
export function buildRun(overrides: Partial<RecentRunDto> = {}): RecentRunDto {
  return {
    id: 'run-1',
    latencyMs: 40,
    occurredAt: '2026-12-04T11:00:00Z',
    status: 'completed',
    ...overrides,
  };
}

/** Builds an Operations summary: 1,520 runs, P95 88.5 ms, three recent runs, a 3-hour trend. */
export function buildSummary(overrides: Partial<OperationsSummaryDto> = {}): OperationsSummaryDto {
  return {
    window: TEST_DAY_WINDOW,
    source: 'raw',
    approximate: false,
    relativeErrorBound: null,
    kpis: {
      totalRuns: 1520,
      completed: 1498,
      failed: 22,
      avgLatencyMs: 41.24,
      p95LatencyMs: 88.5,
      successRate: 1498 / 1520,
    },
    latencyDistribution: {
      p95LatencyMs: 88.5,
      runs: [
        buildRun({ id: 'run-3', latencyMs: 177, occurredAt: '2026-12-04T11:02:00Z' }),
        buildRun({ id: 'run-2', latencyMs: 88.5, occurredAt: '2026-12-04T11:01:00Z' }),
        buildRun({ id: 'run-1', latencyMs: 44.25, occurredAt: '2026-12-04T11:00:00Z' }),
      ],
    },
    latencyTrend: {
      from: '2026-12-04T09:00:00Z',
      to: '2026-12-04T12:00:00Z',
      approximate: false,
      relativeErrorBound: null,
      coverageFrom: '2026-12-04T09:00:00Z',
      points: [
        { hour: '2026-12-04T09:00:00Z', runs: 10, p50: 40, p99: 120 },
        { hour: '2026-12-04T10:00:00Z', runs: 0, p50: null, p99: null },
        { hour: '2026-12-04T11:00:00Z', runs: 12, p50: 42, p99: 180 },
      ],
      annotations: [
        {
          id: 'a1',
          occurredAt: '2026-12-04T11:20:00Z',
          kind: 'policy_change',
          title: 'frequency cap 3/day added',
          source: 'platform',
        },
      ],
    },
    ...overrides,
  };
}

/** Builds a pipeline response where contact policy filters 89% (red), as in a misconfigured cap. */
export function buildPipeline(overrides: Partial<DecisionPipelineDto> = {}): DecisionPipelineDto {
  return {
    windowHours: 24,
    window: TEST_PIPELINE_WINDOW,
    traceCount: 1520,
    durationMs: { p50: 41, p95: 88.5, p99: 140.2 },
    funnel: {
      initial: 38.2,
      afterQualification: 21,
      afterSuppression: 19.4,
      afterContactPolicy: 4.1,
      afterScoring: 4.1,
    },
    filterRates: {
      qualification: { cumulative: 0.45, stage: 0.45, band: 'green' },
      suppression: { cumulative: 0.492, stage: 0.076, band: 'green' },
      contactPolicy: { cumulative: 0.893, stage: 0.789, band: 'red' },
      scoring: { cumulative: 0.893, stage: 0, band: 'red' },
    },
    topRules: [
      { stage: 'qualification', ruleId: 'min_age', removed: 9000 },
      { stage: 'contactPolicy', ruleId: 'frequency_cap', removed: 18012 },
      { stage: 'contactPolicy', ruleId: 'quiet_hours', removed: 1200 },
    ],
    topRulesWindow: { from: '2026-12-03T13:00:00.000Z', to: '2026-12-04T12:00:00.000Z' },
    ...overrides,
  };
}

/** Builds the circuit breaker panel with one open and one closed breaker. */
export function buildBreakers(
  overrides: Partial<CircuitBreakersPanelDto> = {},
): CircuitBreakersPanelDto {
  return {
    window: TEST_DAY_WINDOW,
    historyLimit: 50,
    breakers: [
      {
        name: 'connector-snowflake',
        state: 'closed',
        fromState: 'half_open',
        lastChangeAt: '2026-12-03T08:00:00Z',
        reason: 'probe succeeded',
        source: 'platform',
        history: [],
        historyTotal: 0,
      },
      {
        name: 'enrichment-redis',
        state: 'open',
        fromState: 'closed',
        lastChangeAt: '2026-12-04T10:15:00Z',
        reason: '5 consecutive timeouts',
        source: 'platform',
        history: [
          {
            occurredAt: '2026-12-04T10:15:00Z',
            fromState: 'closed',
            toState: 'open',
            reason: '5 consecutive timeouts',
            source: 'platform',
          },
        ],
        historyTotal: 1,
      },
    ],
    ...overrides,
  };
}

/** Builds the dead-letter summary: 12 queued events (WARNING). */
export function buildDlqSummary(overrides: Partial<DlqSummaryDto> = {}): DlqSummaryDto {
  return {
    window: TEST_DAY_WINDOW,
    totalEvents: 12,
    byTopic: { interaction_events: 9, decision_traces: 3 },
    alert: 'WARNING',
    depthTrend: [
      { hour: '2026-12-04T10:00:00Z', total: 4, byTopic: { interaction_events: 4 } },
      {
        hour: '2026-12-04T11:00:00Z',
        total: 12,
        byTopic: { interaction_events: 9, decision_traces: 3 },
      },
    ],
    ...overrides,
  };
}
