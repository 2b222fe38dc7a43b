import { createHash, timingSafeEqual } from 'node:crypto';

import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { type AppConfig, CONFIG } from '../config/app-config.js';
import { ForbiddenError, UnauthorizedError } from '../common/errors/domain-errors.js';
import { setRequestTenant } from '../common/logging/request-context.js';
import { ROUTE_POLICY, type RoutePolicy } from './auth.decorators.js';
import { ApiKeysService } from './api-keys.service.js';
import { type AuthContext, rolesAllowed } from './roles.js';

/**
 * The global guard. Every route declares a policy; a route without one is
 * rejected, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(ROUTE_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<Request & { auth?: AuthContext }>();
    if (!policy) {
      throw new ForbiddenError(`Route ${request.method} ${request.path} declares no access policy`);
    }
    if (policy.kind === 'public') {
      return true;
    }
    if (policy.kind === 'cron-token') {
      this.checkCronToken(bearerToken(request));
      return true;
    }
    const presented = bearerToken(request) ?? request.header('x-api-key')?.trim();
    if (!presented) {
      throw new UnauthorizedError(
        'An API key is required: send Authorization: Bearer krn_... or X-API-Key',
      );
    }
    const key = await this.apiKeys.authenticate(presented);
    setRequestTenant(key.tenantId);
    request.auth = key;
    if (policy.kind === 'role' && !rolesAllowed(policy.role).includes(key.role)) {
      throw new ForbiddenError(
        `This action needs the ${policy.role} role or higher; the key has ${key.role}`,
      );
    }
    return true;
  }

  private checkCronToken(presented: string | undefined): void {
    // Digests have one length, so the comparison takes the same time for any token.
    const expected = createHash('sha256').update(this.config.cronToken).digest();
    const given = createHash('sha256')
      .update(presented ?? '')
      .digest();
    if (!presented || !timingSafeEqual(given, expected)) {
      throw new UnauthorizedError('The cron token is missing or wrong');
    }
  }
}

function bearerToken(request: Request): string | undefined {
  const header = request.header('authorization');
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match?.[1];
}
