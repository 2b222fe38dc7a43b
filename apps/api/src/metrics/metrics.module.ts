import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';

import { startDefaultMetrics } from './default-metrics.js';
import { HttpMetricsMiddleware } from './http-metrics.middleware.js';
import { MetricsController } from './metrics.controller.js';
import { METRIC_PROVIDERS } from './metric-definitions.js';
import { MetricsSummaryController } from './metrics-summary.controller.js';
import { MetricsSummaryService } from './metrics-summary.service.js';

@Global()
@Module({
  imports: [
    PrometheusModule.register({
      path: '/metrics',
      controller: MetricsController,
      defaultMetrics: { enabled: false },
    }),
  ],
  controllers: [MetricsSummaryController],
  providers: [...METRIC_PROVIDERS, MetricsSummaryService],
  exports: [...METRIC_PROVIDERS],
})
export class MetricsModule implements NestModule {
  constructor() {
    startDefaultMetrics();
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
