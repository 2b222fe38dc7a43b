import { collectDefaultMetrics, register } from 'prom-client';

export const METRIC_PREFIX = 'kaireon_';

/**
 * prom-client's gauges named `*_active_*_total` break the Prometheus rule
 * that only counters end in `_total`, which promtool's lint rejects; they are
 * removed after collection starts.
 */
const NON_CONFORMING_DEFAULTS = [
  'kaireon_nodejs_active_handles_total',
  'kaireon_nodejs_active_requests_total',
  'kaireon_nodejs_active_resources_total',
];

let started = false;

/** Starts the Node.js process metrics once per process, under the `kaireon_` prefix. */
export function startDefaultMetrics(): void {
  if (started) {
    return;
  }
  started = true;
  collectDefaultMetrics({ prefix: METRIC_PREFIX });
  for (const name of NON_CONFORMING_DEFAULTS) {
    register.removeSingleMetric(name);
  }
}
