import { Injectable, inject } from '@angular/core';
import { Api, getDashboardData, listAnnotations } from '@kaireon/api-client';

import { type BusinessQuery } from './business-resource';
import {
  type BusinessDataType,
  type BusinessEnvelope,
  type BusinessRowTypes,
} from './business-data';

/** An annotation as the trend charts draw it. */
export interface TrendAnnotation {
  readonly id: string;
  readonly occurredAt: string;
  readonly kind: string;
  readonly title: string;
}

/** Page size of annotation requests, the most the list endpoints accept. */
const ANNOTATION_PAGE_SIZE = 200;

/** Pages of annotations read for one chart; a longer history is cut, oldest first kept. */
const MAX_ANNOTATION_PAGES = 5;

/** The Business page's calls to the API, through the generated client. */
@Injectable({ providedIn: 'root' })
export class BusinessApi {
  private readonly api = inject(Api);

  /** Loads one data type of `GET /api/v1/dashboard-data` for a window and optional segment. */
  async loadData<T extends BusinessDataType>(
    type: T,
    query: BusinessQuery,
  ): Promise<BusinessEnvelope<BusinessRowTypes[T]>> {
    const response = await this.api.invoke(getDashboardData, {
      type,
      ...query.window,
      ...(query.segmentId !== null ? { segmentId: query.segmentId } : {}),
      ...(query.groupBy !== undefined ? { groupBy: query.groupBy } : {}),
    });

    // The API returns rows of the requested type, while the generated model is their union.
    return response as unknown as BusinessEnvelope<BusinessRowTypes[T]>;
  }

  /**
   * Loads the annotations between two UTC days (`to` exclusive), oldest first, following the
   * pages up to `MAX_ANNOTATION_PAGES`.
   */
  async loadAnnotations(window: { from: string; to: string }): Promise<TrendAnnotation[]> {
    const annotations: TrendAnnotation[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_ANNOTATION_PAGES; page++) {
      const response = await this.api.invoke(listAnnotations, {
        from: `${window.from}T00:00:00Z`,
        to: `${window.to}T00:00:00Z`,
        limit: ANNOTATION_PAGE_SIZE,
        ...(cursor !== undefined ? { cursor } : {}),
      });
      annotations.push(...response.data);
      if (!response.page.nextCursor) {
        break;
      }
      cursor = response.page.nextCursor;
    }

    return annotations;
  }
}
