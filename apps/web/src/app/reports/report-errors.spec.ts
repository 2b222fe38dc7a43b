import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';

import { parseRetryAfter, toReportProblem } from './report-errors';
import { installBlobText } from './reports.testing';

beforeAll(() => installBlobText());

function errorBody(message: string, field?: string): object {
  return {
    error: {
      code: 'invalid_parameter',
      message,
      status: 422,
      details: field ? [{ field, reason: 'bad' }] : [],
      requestId: 'req-7',
    },
  };
}

describe('toReportProblem', () => {
  it('reads the JSON error body of a Blob download', async () => {
    const blob = new Blob(
      [JSON.stringify(errorBody('The attribution dashboard is not built yet'))],
      {
        type: 'application/json',
      },
    );

    const problem = await toReportProblem(new HttpErrorResponse({ error: blob, status: 404 }));

    expect(problem.status).toBe(404);
    expect(problem.message).toBe('The attribution dashboard is not built yet (request id req-7)');
  });

  it('names the field of the first detail', async () => {
    const error = new HttpErrorResponse({
      error: errorBody('cron is invalid: minute "61" is out of range 0-59', 'cron'),
      status: 422,
    });

    expect((await toReportProblem(error)).field).toBe('cron');
  });

  it('reads Retry-After of a 429', async () => {
    const error = new HttpErrorResponse({
      error: errorBody('Export limit of 10 per minute reached for this tenant; retry in 12 s'),
      headers: new HttpHeaders({ 'Retry-After': '12' }),
      status: 429,
    });

    const problem = await toReportProblem(error);

    expect(problem.retryAfterSeconds).toBe(12);
    expect(problem.message).toContain('retry in 12 s');
  });

  it('describes a Blob that is not JSON by its status', async () => {
    const error = new HttpErrorResponse({
      error: new Blob(['<html>Bad gateway</html>']),
      status: 502,
      statusText: 'Bad Gateway',
    });

    expect((await toReportProblem(error)).message).toBe('The API returned HTTP 502 Bad Gateway.');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');

    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Fri, 04 Dec 2026 10:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
