import { Injectable, inject } from '@angular/core';
import {
  Api,
  type DecisionTraceDetailDto,
  type DecisionTraceListDto,
  getDecisionTrace,
  listDecisionTraces$Csv,
  listDecisionTraces$Json,
} from '@kaireon/api-client';

import { type TraceFilters, traceFiltersToApiParams } from './trace-filters';

const BYTE_ORDER_MARK = '\uFEFF';

/** The trace explorer's calls to `/api/v1/decision-traces`, through the generated client. */
@Injectable({ providedIn: 'root' })
export class TraceApi {
  private readonly api = inject(Api);

  /** Loads one page of traces, newest first. */
  loadPage(filters: TraceFilters): Promise<DecisionTraceListDto> {
    return this.api.invoke(listDecisionTraces$Json, traceFiltersToApiParams(filters));
  }

  /** Loads one trace with its stage timeline and offer journeys. */
  loadTrace(id: string): Promise<DecisionTraceDetailDto> {
    return this.api.invoke(getDecisionTrace, { id });
  }

  /**
   * Downloads every trace matching `filters` as CSV (the API's `format=csv`, which ignores the
   * page size and cursor).
   */
  async downloadCsv(filters: TraceFilters): Promise<Blob> {
    const body: unknown = await this.api.invoke(listDecisionTraces$Csv, {
      ...traceFiltersToApiParams({ ...filters, cursor: null }),
      format: 'csv',
    });
    // The client requests the CSV as text, but declares the JSON page's model as its type.
    const text = typeof body === 'string' ? body : '';
    // Decoding the response as text drops the API's byte-order mark, which spreadsheet tools need
    // to read the file as UTF-8.
    const withBom = text.startsWith(BYTE_ORDER_MARK) ? text : BYTE_ORDER_MARK + text;

    return new Blob([withBom], { type: 'text/csv;charset=utf-8' });
  }
}
