import type { AcceptanceRateRow, BusinessDataResult } from '../business/index.js';
import type { ChartPanel, KpiPanel, Panel, TablePanel } from '../panels/panel.types.js';
import type { CircuitBreakersPanelDto, DlqSummaryDto } from './dto/operations-panels-data.dto.js';

/**
 * Builders of the Operations panels for circuit breakers, the dead-letter queue and the
 * acceptance rate. When a panel is empty, its message states what data is missing and how it
 * arrives.
 */

const BREAKERS_HINT = 'Send transitions with POST /api/v1/circuit-breakers/events.';

export function circuitBreakerPanels(data: CircuitBreakersPanelDto): TablePanel[] {
  const history = data.breakers
    .flatMap((breaker) => breaker.history.map((event) => ({ name: breaker.name, ...event })))
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const truncated = data.breakers.some((breaker) => breaker.historyTotal > breaker.history.length);
  return [
    {
      id: 'circuit-breakers',
      kind: 'table',
      title: 'Circuit breakers',
      description: 'Current state of every breaker: open (red), half_open (amber), closed (green).',
      emptyMessage: `No circuit breaker transitions recorded yet. ${BREAKERS_HINT}`,
      empty: data.breakers.length === 0,
      columns: [
        { key: 'name', label: 'Breaker', format: 'text' },
        { key: 'state', label: 'State', format: 'text' },
        { key: 'lastChangeAt', label: 'Last change', format: 'datetime' },
        { key: 'reason', label: 'Reason', format: 'text' },
        { key: 'source', label: 'Source', format: 'text' },
      ],
      rows: data.breakers.map(({ name, state, lastChangeAt, reason, source }) => ({
        name,
        state,
        lastChangeAt,
        reason,
        source,
      })),
    },
    {
      id: 'circuit-breaker-history',
      kind: 'table',
      title: 'Circuit breaker state changes',
      emptyMessage: `No circuit breaker state changes in this period. ${BREAKERS_HINT}`,
      empty: history.length === 0,
      notes: truncated ? [`At most ${data.historyLimit} changes per breaker are listed.`] : [],
      columns: [
        { key: 'occurredAt', label: 'Time', format: 'datetime' },
        { key: 'name', label: 'Breaker', format: 'text' },
        { key: 'fromState', label: 'From', format: 'text' },
        { key: 'toState', label: 'To', format: 'text' },
        { key: 'reason', label: 'Reason', format: 'text' },
        { key: 'source', label: 'Source', format: 'text' },
      ],
      rows: history,
    },
  ];
}

const ALERT_TEXT = {
  OK: 'OK (10 events or fewer)',
  WARNING: 'WARNING (11 to 100 events)',
  CRITICAL: 'CRITICAL (more than 100 events)',
};

export function deadLetterPanels(data: DlqSummaryDto): Panel[] {
  const topics = Object.keys(data.byTopic).sort();
  const trendTopics = [
    ...new Set(data.depthTrend.flatMap((point) => Object.keys(point.byTopic))),
  ].sort();
  const kpi: KpiPanel = {
    id: 'dlq',
    kind: 'kpi',
    title: 'Dead-letter queue',
    description: `Alert level: ${ALERT_TEXT[data.alert]}.`,
    emptyMessage: 'No dead-letter events: no event has failed every retry.',
    empty: false,
    ...(data.alert === 'OK' ? {} : { warning: `Alert level ${ALERT_TEXT[data.alert]}` }),
    items: [
      { label: 'Events queued', value: data.totalEvents, format: 'integer' },
      ...topics.map((topic) => ({
        label: topic,
        value: data.byTopic[topic],
        format: 'integer' as const,
      })),
    ],
  };
  const trend: ChartPanel = {
    id: 'dlq-trend',
    kind: 'line',
    title: 'Dead-letter queue depth',
    description: 'Events queued at the end of each UTC hour.',
    emptyMessage:
      'No dead-letter depth recorded in this period: the queue stayed empty. Events that fail ' +
      'every retry of the outcome pipeline appear here.',
    empty: trendTopics.length === 0,
    xLabel: 'UTC hour',
    yLabel: 'Events',
    yFormat: 'integer',
    series: [
      {
        label: 'All topics',
        points: data.depthTrend.map((point) => ({ x: point.hour, y: point.total })),
      },
      ...trendTopics.map((topic) => ({
        label: topic,
        points: data.depthTrend.map((point) => ({ x: point.hour, y: point.byTopic[topic] ?? 0 })),
      })),
    ],
    annotations: [],
    columns: [
      { key: 'hour', label: 'Hour', format: 'datetime' },
      { key: 'total', label: 'All topics', format: 'integer' },
      ...trendTopics.map((topic) => ({
        key: `topic:${topic}`,
        label: topic,
        format: 'integer' as const,
      })),
    ],
    rows: data.depthTrend.map((point) => ({
      hour: point.hour,
      total: point.total,
      ...Object.fromEntries(
        trendTopics.map((topic) => [`topic:${topic}`, point.byTopic[topic] ?? 0]),
      ),
    })),
  };
  return [kpi, trend];
}

/** Builds the acceptance-rate panel from the Business module's rows, with its segment warning. */
export function acceptanceRatePanel(result: BusinessDataResult<AcceptanceRateRow>): ChartPanel {
  const rows = result.data;
  return {
    id: 'acceptance-rate',
    kind: 'bar',
    title: 'Acceptance rate by offer',
    description: 'Accept rate = positive responses / impressions.',
    emptyMessage:
      'No impressions in this period. Send impressions and responses with ' +
      'POST /api/v1/interactions, or outcomes with POST /api/v1/respond.',
    empty: rows.length === 0,
    ...(result.warning === null ? {} : { warning: result.warning }),
    notes: result.segment === null ? [] : [`Customers of segment ${result.segment.name} only.`],
    xLabel: 'Offer',
    yLabel: 'Accept rate',
    yFormat: 'percent',
    series: [
      {
        label: 'Accept rate',
        points: rows.map((row) => ({ x: row.offerName, y: row.acceptRate })),
      },
    ],
    annotations: [],
    columns: [
      { key: 'offerKey', label: 'Offer key', format: 'text' },
      { key: 'offerName', label: 'Offer', format: 'text' },
      { key: 'impressions', label: 'Impressions', format: 'integer' },
      { key: 'positive', label: 'Positive', format: 'integer' },
      { key: 'negative', label: 'Negative', format: 'integer' },
      { key: 'acceptRate', label: 'Accept rate', format: 'percent' },
    ],
    rows: rows.map((row) => ({ ...row })),
  };
}
