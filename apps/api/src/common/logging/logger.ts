import pino from 'pino';

import { currentRequestContext } from './request-context.js';

/**
 * The process-wide structured logger: one JSON object per line, with the
 * request id and tenant of the current request mixed into every entry.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL?.trim() || 'info',
  base: { service: 'kaireon-dashboards' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin() {
    const context = currentRequestContext();
    return context ? { requestId: context.requestId, tenantId: context.tenantId } : {};
  },
  redact: {
    paths: ['*.authorization', '*.apiKey', '*.secret', '*.password', 'req.headers.authorization'],
    censor: '[redacted]',
  },
});

export function setLogLevel(level: string): void {
  logger.level = level;
}
