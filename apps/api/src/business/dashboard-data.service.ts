import { Injectable } from '@nestjs/common';

import { InvalidParameterError } from '../common/errors/domain-errors.js';
import { type DayWindow, resolveDayWindow } from '../common/time/window.js';
import { Clock } from '../core/clock.js';
import { BusinessDataService } from './business-data.service.js';
import type {
  BusinessDataResult,
  BusinessDataRow,
  BusinessDataType,
  OfferGrouping,
} from './business-data.types.js';
import type { DashboardDataDto, DashboardDataQueryDto } from './dto/dashboard-data.dto.js';

/** Serves GET /dashboard-data: resolves the window, runs the type's query and wraps the rows. */
@Injectable()
export class DashboardDataService {
  constructor(
    private readonly business: BusinessDataService,
    private readonly clock: Clock,
  ) {}

  async load(tenantId: string, query: DashboardDataQueryDto): Promise<DashboardDataDto> {
    const window = resolveDayWindow(query, this.clock.now());
    const coverageParam =
      query.coverageFrom === undefined ? null : checkDay('coverageFrom', query.coverageFrom);
    const coverageFrom = coverageParam ?? (await this.business.coverageFrom(tenantId));
    const groupBy =
      query.type === 'offer_performance_grouped' ? (query.groupBy ?? 'channel') : undefined;
    const request = { tenantId, window, segmentId: query.segmentId ?? null };
    const result = await this.run(query.type, {
      ...request,
      coverageFrom,
      groupBy: groupBy ?? 'channel',
    });
    return envelope({
      type: query.type,
      window,
      segmentId: request.segmentId,
      coverageFrom,
      groupBy,
      result,
    });
  }

  private run(
    type: BusinessDataType,
    request: {
      tenantId: string;
      window: DayWindow;
      segmentId: string | null;
      coverageFrom: string | null;
      groupBy: OfferGrouping;
    },
  ): Promise<BusinessDataResult<BusinessDataRow>> {
    switch (type) {
      case 'summary':
        return this.business.summary(request);
      case 'acceptance_rate':
        return this.business.acceptanceRate(request);
      case 'offer_performance':
        return this.business.offerPerformance(request);
      case 'offer_performance_grouped':
        return this.business.offerPerformanceGrouped(request);
      case 'channel_effectiveness':
        return this.business.channelEffectiveness(request);
      case 'daily_trend':
        return this.business.dailyTrend(request);
      case 'revenue_trend':
        return this.business.revenueTrend(request);
      case 'funnel':
        return this.business.funnel(request);
    }
  }
}

function envelope(parts: {
  type: BusinessDataType;
  window: DayWindow;
  segmentId: string | null;
  coverageFrom: string | null;
  groupBy: OfferGrouping | undefined;
  result: BusinessDataResult<BusinessDataRow>;
}): DashboardDataDto {
  const { type, window, segmentId, coverageFrom, groupBy, result } = parts;
  const body: DashboardDataDto = {
    type,
    window: { from: window.from, to: window.to, days: window.days },
    segmentId: segmentId?.toLowerCase() ?? null,
    coverageFrom,
    data: result.data,
  };
  if (groupBy) {
    body.groupBy = groupBy;
  }
  if (result.warning) {
    body.warning = result.warning;
  }
  return body;
}

/** Checks that the value is a real calendar day YYYY-MM-DD; otherwise throws a 400 naming the parameter. */
function checkDay(field: string, value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw InvalidParameterError.forField(field, value, 'must be a date YYYY-MM-DD (UTC)');
  }
  return value;
}
