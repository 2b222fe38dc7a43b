import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';

import type { AuthContext } from '../auth/roles.js';
import { DomainError } from '../common/errors/domain-errors.js';
import { logger } from '../common/logging/logger.js';
import { type AppConfig, CONFIG } from '../config/app-config.js';
import { Clock } from '../core/clock.js';
import { SlidingWindowLimiter } from './sliding-window-limiter.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Limits write requests per tenant (WRITE_REQUESTS_PER_MINUTE). A batch or an
 * NDJSON import counts as one request. Over the limit the answer is 429 with
 * Retry-After; reads and the unauthenticated probes are never limited.
 */
@Injectable()
export class WriteRateLimitInterceptor implements NestInterceptor {
  private readonly limiter: SlidingWindowLimiter;

  constructor(
    @Inject(CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.limiter = new SlidingWindowLimiter(config.writeRequestsPerMinute);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { auth?: AuthContext }>();
    if (request.auth && WRITE_METHODS.has(request.method)) {
      const retryAfterSeconds = this.limiter.take(
        request.auth.tenantId,
        this.clock.now().getTime(),
      );
      if (retryAfterSeconds !== null) {
        context
          .switchToHttp()
          .getResponse<Response>()
          .setHeader('Retry-After', String(retryAfterSeconds));
        logger.warn({ action: 'rate_limit.write', retryAfterSeconds }, 'write rate limit reached');
        throw new DomainError(
          'too_many_requests',
          `Write limit reached for this tenant; retry in ${retryAfterSeconds} s (WRITE_REQUESTS_PER_MINUTE)`,
          429,
        );
      }
    }
    return next.handle();
  }
}
