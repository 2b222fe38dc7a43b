import { Injectable } from '@nestjs/common';

import { logger } from '../common/logging/logger.js';
import { CircuitBreakerRegistry } from './circuit-breaker.registry.js';
import { CircuitBreakerEventsService } from './circuit-breaker-events.service.js';

/**
 * Why readiness reports "degraded": platform breakers whose latest recorded transition ended
 * open, and this process's own breakers that are open. Reasons carry counts only, because
 * readiness needs no key and must not reveal breaker names or tenants.
 */
@Injectable()
export class BreakerDegradedSignal {
  constructor(
    private readonly events: CircuitBreakerEventsService,
    private readonly registry: CircuitBreakerRegistry,
  ) {}

  async reasons(): Promise<string[]> {
    const reasons: string[] = [];
    try {
      const platform = await this.events.countOpenPlatformBreakers();
      if (platform > 0) {
        reasons.push(
          platform === 1
            ? '1 platform circuit breaker is open'
            : `${platform} platform circuit breakers are open`,
        );
      }
    } catch (error) {
      // The database check of readiness reports an unreachable database; this signal stays quiet.
      logger.warn(
        { action: 'circuit-breaker.signal-failed', err: error },
        'failed to count open circuit breakers',
      );
    }
    const internal = this.registry.openBreakers().length;
    if (internal > 0) {
      reasons.push(
        internal === 1
          ? '1 outbound-call circuit breaker is open'
          : `${internal} outbound-call circuit breakers are open`,
      );
    }
    return reasons;
  }
}
