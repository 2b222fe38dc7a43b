import { Injectable } from '@nestjs/common';
import { register } from 'prom-client';

import { METRIC_PREFIX } from './default-metrics.js';

export interface MetricSummary {
  name: string;
  help: string;
  type: string;
  values: { labels: Record<string, string | number>; value: number }[];
}

/** The `kaireon_*` metrics as JSON, limited to the caller's tenant where a metric has a tenant label. */
@Injectable()
export class MetricsSummaryService {
  async summary(tenantKey: string): Promise<MetricSummary[]> {
    const metrics = await register.getMetricsAsJSON();
    return metrics
      .filter((metric) => metric.name.startsWith(METRIC_PREFIX))
      .map((metric) => ({
        name: metric.name,
        help: metric.help,
        type: String(metric.type),
        values: (metric.values ?? [])
          .filter((value) => value.labels.tenant === undefined || value.labels.tenant === tenantKey)
          .map((value) => ({
            labels: { ...value.labels } as Record<string, string | number>,
            value: value.value,
            ...('metricName' in value && value.metricName ? { metric: value.metricName } : {}),
          })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
