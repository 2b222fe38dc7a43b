import { Injectable } from '@nestjs/common';
import { register } from 'prom-client';

import { METRIC_PREFIX } from './default-metrics.js';

export interface MetricSummary {
  name: string;
  help: string;
  type: string;
  values: { labels: Record<string, string | number>; value: number; metric?: string }[];
}

/** Runtime and HTTP metrics describe the service, not any tenant's data. */
const SERVICE_WIDE_PREFIXES = ['kaireon_process_', 'kaireon_nodejs_', 'kaireon_http_'];

/**
 * The `kaireon_*` metrics as JSON for one tenant's admin: service-wide runtime
 * and HTTP metrics, and the values of tenant-labelled metrics that carry this
 * tenant's key. Metrics that mix every tenant without a tenant label (breaker
 * names, outcome types) are left out, because they could reveal another
 * tenant's objects; `/metrics` still has them for the operator.
 */
@Injectable()
export class MetricsSummaryService {
  async summary(tenantKey: string): Promise<MetricSummary[]> {
    const metrics = await register.getMetricsAsJSON();
    return metrics
      .filter((metric) => metric.name.startsWith(METRIC_PREFIX))
      .filter((metric) => isServiceWide(metric.name) || hasTenantLabel(metric.values ?? []))
      .map((metric) => ({
        name: metric.name,
        help: metric.help,
        type: String(metric.type),
        values: (metric.values ?? [])
          .filter((value) => isServiceWide(metric.name) || value.labels.tenant === tenantKey)
          .map((value) => ({
            labels: { ...value.labels } as Record<string, string | number>,
            value: value.value,
            ...metricNameOf(value),
          })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

function isServiceWide(name: string): boolean {
  return SERVICE_WIDE_PREFIXES.some((prefix) => name.startsWith(prefix));
}

function hasTenantLabel(values: { labels: Record<string, unknown> }[]): boolean {
  return values.length > 0 && values.every((value) => value.labels.tenant !== undefined);
}

/** Histogram and summary values name their series (`_bucket`, `_sum`, `_count`). */
function metricNameOf(value: object): { metric?: string } {
  const name = (value as { metricName?: unknown }).metricName;
  return typeof name === 'string' ? { metric: name } : {};
}
