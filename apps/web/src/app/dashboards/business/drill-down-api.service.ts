import { Injectable, inject } from '@angular/core';
import {
  Api,
  type InteractionListItemDto,
  listInteractions$Csv,
  listInteractions$Json,
} from '@kaireon/api-client';

import { type DrillDownRequest } from './drill-down';

/** One interaction row of the drill-down table. */
export interface InteractionRow {
  readonly id: string;
  readonly occurredAt: string;
  readonly kind: string;
  readonly customerId: string;
  readonly offerKey: string;
  readonly channelKey: string;
  readonly outcomeKey: string | null;
  readonly conversionValue: number | null;
}

/** One page of the drill-down. */
export interface InteractionPage {
  readonly rows: readonly InteractionRow[];
  readonly nextCursor: string | null;
  readonly total: number;
  /** A segment warning, as on the dashboard data. */
  readonly warning: string | null;
}

const UTF8_BOM = '\ufeff';

/** Rows per drill-down page. */
export const DRILL_DOWN_PAGE_SIZE = 50;

/** Builds the query parameters of `GET /api/v1/interactions` for a drill-down request. */
export function toInteractionQuery(request: DrillDownRequest) {
  return {
    from: request.window.from,
    to: request.window.to,
    ...(request.segmentId !== null ? { segmentId: request.segmentId } : {}),
    ...(request.offerKey !== undefined ? { offerKey: request.offerKey } : {}),
    ...(request.channelKey !== undefined ? { channelKey: request.channelKey } : {}),
    ...(request.kind !== undefined ? { kind: request.kind } : {}),
    ...(request.classification !== undefined ? { classification: request.classification } : {}),
    ...(request.conversion !== undefined ? { conversion: request.conversion } : {}),
  };
}

/**
 * Reads one listed interaction. The list sends the outcome as `outcomeKey`, but the generated
 * model calls it `outcome` because the ingest module's response model has the same name. So both
 * fields are read.
 */
function toInteractionRow(dto: InteractionListItemDto): InteractionRow {
  return {
    id: dto.id,
    occurredAt: dto.occurredAt,
    kind: dto.kind,
    customerId: dto.customerId,
    offerKey: dto.offerKey,
    channelKey: dto.channelKey,
    outcomeKey: dto.outcomeKey,
    conversionValue: dto.conversionValue,
  };
}

/** The drill-down's calls to `GET /api/v1/interactions`, through the generated client. */
@Injectable({ providedIn: 'root' })
export class DrillDownApi {
  private readonly api = inject(Api);

  /** Loads one page of the rows behind a figure; `cursor` is null for the first page. */
  async loadPage(request: DrillDownRequest, cursor: string | null): Promise<InteractionPage> {
    const response = await this.api.invoke(listInteractions$Json, {
      ...toInteractionQuery(request),
      limit: DRILL_DOWN_PAGE_SIZE,
      ...(cursor !== null ? { cursor } : {}),
    });

    return {
      rows: response.data.map(toInteractionRow),
      nextCursor: response.page.nextCursor ?? null,
      total: response.page.total,
      warning: response.warning ?? null,
    };
  }

  /** Downloads every row behind a figure as CSV (the API's `format=csv`). */
  async downloadCsv(request: DrillDownRequest): Promise<Blob> {
    const body: unknown = await this.api.invoke(listInteractions$Csv, {
      ...toInteractionQuery(request),
      format: 'csv',
    });
    const text = typeof body === 'string' ? body : '';
    // Decoding the text drops the byte-order mark that spreadsheet tools need to read UTF-8.
    const withBom = text.startsWith(UTF8_BOM) ? text : `${UTF8_BOM}${text}`;

    return new Blob([withBom], { type: 'text/csv;charset=utf-8' });
  }
}
