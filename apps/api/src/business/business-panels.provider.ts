import { Injectable } from '@nestjs/common';

import { AnnotationsService } from '../annotations/index.js';
import { type DayWindow, resolveDayWindow, shiftDay } from '../common/time/window.js';
import type {
  DashboardPanelProvider,
  DashboardPanels,
  PanelAnnotation,
  PanelRequest,
} from '../panels/panel.types.js';
import { BusinessDataService } from './business-data.service.js';
import type { BusinessDataResult, SegmentWarning } from './business-data.types.js';
import {
  acceptancePanel,
  channelPanel,
  dailyTrendPanel,
  funnelPanel,
  kpiPanel,
  offerTablePanel,
  revenueTrendPanel,
} from './business-panels.js';

/** Most annotations drawn on one trend chart. */
const MAX_ANNOTATIONS = 200;

/** The Business dashboard as panels, for the portal, Export and scheduled reports. */
@Injectable()
export class BusinessPanelProvider implements DashboardPanelProvider {
  readonly dashboard = 'business' as const;
  readonly title = 'Business';

  constructor(
    private readonly business: BusinessDataService,
    private readonly annotations: AnnotationsService,
  ) {}

  async load(request: PanelRequest): Promise<DashboardPanels> {
    const window = resolveDayWindow(request.filters, request.now);
    const coverageFrom = await this.business.coverageFrom(request.tenantId);
    const query = {
      tenantId: request.tenantId,
      window,
      segmentId: request.filters.segmentId ?? null,
      coverageFrom,
    };
    const [summary, offers, channels, funnel, daily, revenue, acceptance, annotations] =
      await Promise.all([
        this.business.summary(query),
        this.business.offerPerformance(query),
        this.business.channelEffectiveness(query),
        this.business.funnel(query),
        this.business.dailyTrend(query),
        this.business.revenueTrend(query),
        this.business.acceptanceRate(query),
        this.annotationsIn(request.tenantId, window),
      ]);
    const context = { warning: warningText(summary.warning) };
    const conversions = summary.data.find((row) => row.metric === 'conversions')?.current ?? 0;
    return {
      dashboard: this.dashboard,
      title: this.title,
      windowLabel: windowLabel(window),
      filterLabels: filterLabels(request.filters.segmentId ?? null, summary),
      generatedAt: request.now.toISOString(),
      panels: [
        kpiPanel(summary, context),
        offerTablePanel(offers, context),
        channelPanel(channels, context),
        funnelPanel(funnel, context),
        dailyTrendPanel(daily, annotations, context),
        revenueTrendPanel(revenue, annotations, { ...context, conversions: conversions ?? 0 }),
        acceptancePanel(acceptance, context),
      ],
    };
  }

  private async annotationsIn(tenantId: string, window: DayWindow): Promise<PanelAnnotation[]> {
    const page = await this.annotations.list({
      tenantId,
      from: `${window.from}T00:00:00.000Z`,
      to: `${window.to}T00:00:00.000Z`,
      limit: MAX_ANNOTATIONS,
    });
    return page.data
      .map((row) => ({ at: row.occurredAt.toISOString(), kind: row.kind, title: row.title }))
      .sort((a, b) => a.at.localeCompare(b.at));
  }
}

/** "2026-11-28 to 2026-12-04 (7 UTC days)"; the last day is inclusive. */
export function windowLabel(window: DayWindow): string {
  const last = shiftDay(window.to, -1);
  if (window.days === 1) {
    return `${window.from} (1 UTC day)`;
  }
  return `${window.from} to ${last} (${window.days} UTC days)`;
}

function filterLabels(
  segmentId: string | null,
  summary: BusinessDataResult<unknown>,
): Record<string, string> {
  if (!segmentId) {
    return {};
  }
  return { Segment: summary.segment?.name ?? `unknown segment ${segmentId}` };
}

function warningText(warning: SegmentWarning | null): string | undefined {
  switch (warning) {
    case 'unknown segmentId':
      return 'The segment does not exist in this tenant; no data is shown for it.';
    case 'segment view not materialized':
      return 'The segment is a draft or its view is not built yet; activate it to filter by it.';
    case null:
      return undefined;
  }
}
