import { Component } from '@angular/core';

import { type SessionIdentity } from './session.model';

/** A stored key that looks like the real ones. */
export const TEST_API_KEY = 'krn_test_0123456789abcdef';

/** Builds an identity as `GET /api/v1/auth/me` returns it, with fields overridden as needed. */
export function buildIdentity(overrides: Partial<SessionIdentity> = {}): SessionIdentity {
  return {
    tenantId: '4f0c2a9e-0000-4000-8000-000000000001',
    tenantKey: 'acme',
    tenantName: 'Acme Bank',
    role: 'viewer',
    keyName: 'portal',
    keyPrefix: 'krn_test',
    ...overrides,
  };
}

/** Error body in the API's shape. */
export function buildErrorBody(status: number, message: string): object {
  return { error: { code: 'test_error', message, status, requestId: 'req-1' } };
}

/** Routed page with no content, for router tests. */
@Component({ template: '' })
export class BlankPage {}
