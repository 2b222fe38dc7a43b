import { type HttpTestingController, type TestRequest } from '@angular/common/http/testing';

import {
  type BusinessDataType,
  type BusinessEnvelope,
  type BusinessRowTypes,
} from './business-data';

/** The window the builders echo: the 7 UTC days ending 2026-12-04. */
export const TEST_WINDOW = { from: '2026-11-28', to: '2026-12-05', days: 7 } as const;

/** Builds a dashboard-data response as the API sends it, with fields overridden as needed. */
export function buildEnvelope<T extends BusinessDataType>(
  type: T,
  data: BusinessRowTypes[T][],
  overrides: Partial<BusinessEnvelope<BusinessRowTypes[T]>> = {},
): BusinessEnvelope<BusinessRowTypes[T]> {
  return {
    type,
    window: TEST_WINDOW,
    segmentId: null,
    coverageFrom: '2026-11-01',
    data,
    ...overrides,
  };
}

/** Returns the dashboard-data requests still open, by their `type` parameter. */
export function openDataRequests(httpTesting: HttpTestingController): Map<string, TestRequest> {
  const requests = httpTesting.match((request) => request.url === '/api/v1/dashboard-data');

  return new Map(requests.map((request) => [request.request.params.get('type') ?? '', request]));
}

/** Flushes every open annotations request with an empty page and returns how many there were. */
export function flushAnnotations(httpTesting: HttpTestingController): number {
  const requests = httpTesting.match((request) => request.url === '/api/v1/annotations');
  for (const request of requests) {
    request.flush({ data: [], page: { limit: 200, nextCursor: null, total: 0 } });
  }

  return requests.length;
}
