import { Injectable, inject } from '@angular/core';
import {
  type AcceptanceRateRowDto,
  Api,
  type CircuitBreakersPanelDto,
  type DayWindowDto,
  type DeadLetterActionDto,
  type DeadLetterActionResultDto,
  type DeadLetterListDto,
  type DecisionPipelineDto,
  type DecisionTraceListDto,
  type DlqSummaryDto,
  type MetricsSummaryDto,
  type OperationsSummaryDto,
  actOnDeadLetterEvents,
  getDashboardData,
  getDecisionPipeline,
  getMetricsSummary,
  getOperationsCircuitBreakers,
  getOperationsDlq,
  getOperationsSummary,
  listDeadLetterEvents,
  listDecisionTraces$Json,
} from '@kaireon/api-client';

import { type PeriodApiParams } from '../filters/period';

/** Acceptance rate by offer for a window. */
export interface AcceptanceRates {
  readonly window: DayWindowDto;
  readonly rows: readonly AcceptanceRateRowDto[];
}

/** Topic filter and page of the dead-letter event list. */
export interface DeadLetterQuery {
  readonly topic: string | null;
  readonly limit: number;
  readonly cursor: string | null;
}

/** The Operations page's calls to the API, through the generated client. */
@Injectable({ providedIn: 'root' })
export class OperationsApi {
  private readonly api = inject(Api);

  /** KPIs, the most recent 100 runs with the period's P95, and the 7-day hourly latency trend. */
  loadSummary(window: PeriodApiParams): Promise<OperationsSummaryDto> {
    return this.api.invoke(getOperationsSummary, window);
  }

  loadPipeline(windowHours: number): Promise<DecisionPipelineDto> {
    return this.api.invoke(getDecisionPipeline, { windowHours });
  }

  /** The most recent traces between two instants (`to` exclusive). */
  loadRecentTraces(
    range: { from: string; to: string },
    limit: number,
  ): Promise<DecisionTraceListDto> {
    return this.api.invoke(listDecisionTraces$Json, { ...range, limit });
  }

  loadCircuitBreakers(window: PeriodApiParams): Promise<CircuitBreakersPanelDto> {
    return this.api.invoke(getOperationsCircuitBreakers, window);
  }

  loadDeadLetterSummary(window: PeriodApiParams): Promise<DlqSummaryDto> {
    return this.api.invoke(getOperationsDlq, window);
  }

  /** Acceptance rate by offer, from the Business module's `acceptance_rate` data. */
  async loadAcceptanceRates(window: PeriodApiParams): Promise<AcceptanceRates> {
    const response = await this.api.invoke(getDashboardData, {
      type: 'acceptance_rate',
      ...window,
    });

    // The API returns rows of the requested type, but the generated model is the union of all types.
    return { window: response.window, rows: response.data as AcceptanceRateRowDto[] };
  }

  /** Loads the `kaireon_*` metrics as JSON (admins only). */
  loadMetrics(): Promise<MetricsSummaryDto> {
    return this.api.invoke(getMetricsSummary);
  }

  /** Loads one page of dead-letter events (admins only). */
  loadDeadLetterEvents(query: DeadLetterQuery): Promise<DeadLetterListDto> {
    return this.api.invoke(listDeadLetterEvents, {
      limit: query.limit,
      ...(query.topic !== null ? { topic: query.topic } : {}),
      ...(query.cursor !== null ? { cursor: query.cursor } : {}),
    });
  }

  /** Retries or purges dead-letter events, selected by id or by topic (admins only). */
  actOnDeadLetterEvents(action: DeadLetterActionDto): Promise<DeadLetterActionResultDto> {
    return this.api.invoke(actOnDeadLetterEvents, { body: action });
  }
}
