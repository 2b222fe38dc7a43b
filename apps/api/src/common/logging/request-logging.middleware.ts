import { randomUUID } from 'node:crypto';

import type { NextFunction, Request, Response } from 'express';

import { logger } from './logger.js';
import { runWithRequestContext } from './request-context.js';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Gives each request an id (the caller's X-Request-Id when well formed), echoes
 * it in the response header and logs one line when the response finishes.
 */
export function requestLogging(request: Request, response: Response, next: NextFunction): void {
  const given = request.header('x-request-id');
  const requestId = given && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
  const startedAt = process.hrtime.bigint();
  response.setHeader('X-Request-Id', requestId);

  runWithRequestContext({ requestId }, () => {
    response.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
      const level = response.statusCode >= 500 ? 'error' : 'info';
      logger[level](
        {
          action: 'http.request',
          method: request.method,
          path: request.path,
          status: response.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        },
        'request finished',
      );
    });
    next();
  });
}
