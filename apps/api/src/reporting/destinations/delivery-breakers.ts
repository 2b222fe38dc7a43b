import { Injectable } from '@nestjs/common';

import { CircuitBreakerRegistry } from '../../circuit-breakers/index.js';

/**
 * Runs delivery attempts behind the shared circuit breakers: one per tenant and destination
 * type, named `report-<type>`, with the registry's default threshold and cool-down. An open
 * breaker fails the attempt at once with CircuitOpenError, which counts as a failed attempt.
 */
@Injectable()
export class DeliveryBreakers {
  constructor(private readonly registry: CircuitBreakerRegistry) {}

  execute<T>(params: { name: string; tenantId: string; work: () => Promise<T> }): Promise<T> {
    return this.registry.get(params.tenantId, params.name).execute(params.work);
  }
}
