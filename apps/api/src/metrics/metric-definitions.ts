import {
  makeCounterProvider,
  makeGaugeProvider,
  makeHistogramProvider,
} from '@willsoto/nestjs-prometheus';

/**
 * Every `kaireon_*` metric, defined once. Modules inject them by name with
 * `@InjectMetric(...)`. Label names are snake_case and units are base units,
 * as `promtool check metrics` requires.
 */
export const METRIC_PROVIDERS = [
  makeHistogramProvider({
    name: 'kaireon_http_request_duration_seconds',
    help: 'Duration of HTTP requests by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  makeCounterProvider({
    name: 'kaireon_ingest_events_total',
    help: 'Telemetry items received, by kind and result (accepted, rejected, duplicate)',
    labelNames: ['kind', 'result'],
  }),
  makeGaugeProvider({
    name: 'kaireon_dlq_depth',
    help: 'Events waiting in the dead-letter queue, by tenant and topic',
    labelNames: ['tenant', 'topic'],
  }),
  makeCounterProvider({
    name: 'kaireon_circuit_breaker_state_change_total',
    help: 'Circuit breaker transitions, by breaker name and states',
    labelNames: ['name', 'from', 'to'],
  }),
  makeCounterProvider({
    name: 'kaireon_connector_test_total',
    help: 'Connector connection tests, by connector type and result status',
    labelNames: ['connector_type', 'status'],
  }),
  makeHistogramProvider({
    name: 'kaireon_connector_test_duration_seconds',
    help: 'Duration of connector connection tests, by connector type',
    labelNames: ['connector_type'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
  makeCounterProvider({
    name: 'kaireon_report_runs_total',
    help: 'Report runs finished, by status',
    labelNames: ['status'],
  }),
  makeCounterProvider({
    name: 'kaireon_report_delivery_total',
    help: 'Report deliveries, by destination type and status',
    labelNames: ['destination_type', 'status'],
  }),
  makeCounterProvider({
    name: 'kaireon_respond_outcome_total',
    help: 'Outcomes recorded through the Respond API, by outcome type and classification',
    labelNames: ['outcome_type', 'classification'],
  }),
  makeCounterProvider({
    name: 'kaireon_outbox_apply_total',
    help: 'Outcome outbox applications, by result (applied, retried, dead_lettered)',
    labelNames: ['result'],
  }),
];
