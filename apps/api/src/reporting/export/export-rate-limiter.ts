import { Injectable } from '@nestjs/common';
import type { Response } from 'express';

import { DomainError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../core/clock.js';
import { ReportingSettings } from '../reporting-settings.js';

const WINDOW_MS = 60_000;

/** Too many exports in the last minute (429); `retryAfterSeconds` goes in the Retry-After header. */
export class ExportRateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    limit: number,
  ) {
    super(
      'too_many_requests',
      `Export limit of ${limit} per minute reached for this tenant; retry in ${retryAfterSeconds} s`,
      429,
    );
  }
}

/**
 * A sliding one-minute window of export starts per tenant. It limits one process: with N
 * replicas behind a load balancer a tenant may start up to N times the limit.
 */
@Injectable()
export class ExportRateLimiter {
  private readonly starts = new Map<string, number[]>();

  constructor(
    private readonly settings: ReportingSettings,
    private readonly clock: Clock,
  ) {}

  /** Counts one export for the tenant, or throws ExportRateLimitedError when over the limit. */
  take(tenantId: string): void {
    const nowMs = this.clock.now().getTime();
    const recent = (this.starts.get(tenantId) ?? []).filter((at) => at > nowMs - WINDOW_MS);
    const limit = this.settings.exportsPerMinute;
    if (recent.length >= limit) {
      this.starts.set(tenantId, recent);
      const retryAfterMs = recent[0] + WINDOW_MS - nowMs;
      throw new ExportRateLimitedError(Math.max(1, Math.ceil(retryAfterMs / 1000)), limit);
    }
    recent.push(nowMs);
    this.starts.set(tenantId, recent);
  }
}

/** Counts one export, setting Retry-After on the response before a 429 is thrown. */
export function takeExportSlot(params: {
  limiter: ExportRateLimiter;
  tenantId: string;
  response: Response;
}): void {
  try {
    params.limiter.take(params.tenantId);
  } catch (error) {
    if (error instanceof ExportRateLimitedError) {
      params.response.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    throw error;
  }
}
