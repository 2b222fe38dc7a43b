import { Injectable } from '@nestjs/common';

import { BusinessDataService } from '../business/index.js';
import { type DayWindow, shiftDay } from '../common/time/window.js';
import type {
  DashboardPanelProvider,
  DashboardPanels,
  PanelRequest,
} from '../panels/panel.types.js';
import { DecisionPipelineService } from './decision-pipeline.service.js';
import { LatencySummaryService } from './latency-summary.service.js';
import { OperationsStatusService } from './operations-status.service.js';
import {
  filterRatesPanel,
  kpiPanel,
  latencyDistributionPanel,
  latencyTrendPanel,
  pipelineFunnelPanel,
  topRulesPanel,
} from './operations-panels.js';
import { acceptanceRatePanel, circuitBreakerPanels, deadLetterPanels } from './status-panels.js';
import { parseWindowHours, windowHoursForPeriod, windowHoursLabel } from './pipeline-window.js';

/**
 * The Operations dashboard as panels, for the portal, Export and scheduled reports. The period
 * drives every panel; the decision pipeline takes `windowHours` when given, and otherwise the
 * period's length in hours, capped at 168.
 */
@Injectable()
export class OperationsPanelProvider implements DashboardPanelProvider {
  readonly dashboard = 'operations' as const;
  readonly title = 'Operations';

  constructor(
    private readonly latency: LatencySummaryService,
    private readonly pipeline: DecisionPipelineService,
    private readonly status: OperationsStatusService,
    private readonly business: BusinessDataService,
  ) {}

  async load(request: PanelRequest): Promise<DashboardPanels> {
    const { tenantId, filters, now } = request;
    const window = this.latency.resolveWindow(filters, now);
    const hours = pipelineHours(filters.windowHours, window);
    const [summary, pipeline, breakers, deadLetters, acceptance] = await Promise.all([
      this.latency.summary({ tenantId, window }),
      this.pipeline.pipeline({ tenantId, windowHours: hours.windowHours }),
      this.status.circuitBreakers({ tenantId, window }),
      this.status.deadLetterQueue({ tenantId, window }),
      this.business.acceptanceRate({ tenantId, window, segmentId: filters.segmentId ?? null }),
    ]);
    const context = { pipeline, cappedFromDays: hours.capped ? window.days : null };

    return {
      dashboard: this.dashboard,
      title: this.title,
      windowLabel: windowLabel(window),
      filterLabels: filterLabels({ window, windowHours: hours.windowHours, acceptance }),
      generatedAt: now.toISOString(),
      panels: [
        kpiPanel(summary),
        latencyDistributionPanel(summary),
        latencyTrendPanel(summary),
        pipelineFunnelPanel(context),
        filterRatesPanel(context),
        topRulesPanel(context),
        ...circuitBreakerPanels(breakers),
        ...deadLetterPanels(deadLetters),
        acceptanceRatePanel(acceptance),
      ],
    };
  }
}

function pipelineHours(
  windowHours: number | null | undefined,
  window: DayWindow,
): { windowHours: number; capped: boolean } {
  if (windowHours !== undefined && windowHours !== null) {
    return { windowHours: parseWindowHours(windowHours), capped: false };
  }
  return windowHoursForPeriod(window.days);
}

/** Formats a window as "2026-11-28 to 2026-12-04 (7 UTC days)", the last day inclusive. */
export function windowLabel(window: DayWindow): string {
  const unit = window.days === 1 ? 'UTC day' : 'UTC days';
  return `${window.from} to ${shiftDay(window.to, -1)} (${window.days} ${unit})`;
}

function filterLabels(params: {
  window: DayWindow;
  windowHours: number;
  acceptance: { segment: { name: string } | null };
}): Record<string, string> {
  const labels: Record<string, string> = {
    Period: windowLabel(params.window),
    'Decision pipeline': windowHoursLabel(params.windowHours),
  };
  if (params.acceptance.segment) {
    labels.Segment = `${params.acceptance.segment.name} (acceptance rate only)`;
  }
  return labels;
}
