import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import { ErrorBodyDto } from '../common/errors/error-body.js';
import type { AuthContext, Role } from './roles.js';

export const ROUTE_POLICY = 'kaireon:route-policy';

/** How a route is authenticated: by a key with at least a role, by the cron token, or not at all. */
export type RoutePolicy =
  { kind: 'role'; role: Role } | { kind: 'any-key' } | { kind: 'public' } | { kind: 'cron-token' };

/** Requires an API key whose role allows `role` (see rolesAllowed). */
export function RequireRole(role: Role): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_POLICY, { kind: 'role', role } satisfies RoutePolicy),
    // Published in the OpenAPI document so clients and the route-policy test can read it.
    ApiExtension('x-required-role', role),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      type: ErrorBodyDto,
      description: 'No, an invalid, revoked or expired key',
    }),
    ApiForbiddenResponse({ type: ErrorBodyDto, description: `Role below ${role}` }),
  );
}

/** Requires a valid API key of any role. */
export function AnyApiKey(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_POLICY, { kind: 'any-key' } satisfies RoutePolicy),
    ApiExtension('x-required-role', 'any'),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      type: ErrorBodyDto,
      description: 'No, an invalid, revoked or expired key',
    }),
  );
}

/** Marks a route as open without a key (health, readiness, metrics). */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_POLICY, { kind: 'public' } satisfies RoutePolicy),
    ApiExtension('x-required-role', 'public'),
  );
}

/** Marks a route as authenticated by `Authorization: Bearer <CRON_TOKEN>`. */
export function CronTokenAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_POLICY, { kind: 'cron-token' } satisfies RoutePolicy),
    ApiExtension('x-required-role', 'cron-token'),
    ApiBearerAuth(),
  );
}

/** The authenticated caller; only on routes that require a key. */
export const CurrentAuth = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<{ auth?: AuthContext }>();
  if (!request.auth) {
    throw new Error('CurrentAuth used on a route without a role requirement');
  }
  return request.auth;
});
