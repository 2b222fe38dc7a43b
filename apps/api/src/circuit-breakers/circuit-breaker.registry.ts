import { Injectable } from '@nestjs/common';

import { logger } from '../common/logging/logger.js';
import { Clock } from '../core/clock.js';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker.js';
import { CircuitBreakerEventsService } from './circuit-breaker-events.service.js';

/** A breaker of this process, named for the degraded signal. */
export interface OpenBreaker {
  tenantId: string;
  name: string;
}

/**
 * The breakers of this service's own outbound calls (report deliveries, connector probes), one
 * per tenant and name. Each breaker records its transitions with source `internal`, counts them
 * in `kaireon_circuit_breaker_state_change_total`, and starts from the last transition it
 * recorded, so an open breaker stays open across a restart until its cool-down ends.
 */
@Injectable()
export class CircuitBreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly events: CircuitBreakerEventsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Returns the tenant's breaker of that name, creating it on first use. `options` apply only
   * when the breaker is created; later calls get the existing breaker unchanged.
   */
  get(tenantId: string, name: string, options: CircuitBreakerOptions = {}): CircuitBreaker {
    const key = JSON.stringify([tenantId, name]);
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = new CircuitBreaker(name, options, {
        clock: this.clock,
        onTransition: (transition) => this.events.recordInternal(tenantId, transition),
        loadSnapshot: () => this.loadSnapshot(tenantId, name),
      });
      this.breakers.set(key, breaker);
    }
    return breaker;
  }

  /** This process's breakers that are open now. */
  openBreakers(): OpenBreaker[] {
    return [...this.breakers.entries()]
      .filter(([, breaker]) => breaker.state === 'open')
      .map(([key]) => {
        const [tenantId, name] = JSON.parse(key) as [string, string];
        return { tenantId, name };
      });
  }

  private async loadSnapshot(tenantId: string, name: string) {
    try {
      return await this.events.latestInternalSnapshot(tenantId, name);
    } catch (error) {
      logger.error(
        { action: 'circuit-breaker.restore-failed', tenantId, breaker: name, err: error },
        'failed to load the last recorded state of a circuit breaker; it starts closed',
      );
      throw error;
    }
  }
}
