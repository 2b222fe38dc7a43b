import type { OpenAPIObject } from '@nestjs/swagger';

import { buildOpenApiDocument } from '../app/create-app.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import type { Role } from './roles.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';

/** A key whose role is just below what a route needs, or null when no role is below it. */
const ROLE_BELOW: Record<Role, Role | null> = {
  ingest: 'viewer',
  viewer: 'ingest',
  editor: 'viewer',
  admin: 'editor',
};

interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  requiredRole: string;
}

function listOperations(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      method,
      path: path.replace(/\{[^}]+\}/g, (name) =>
        name.includes('dashboard') ? 'business' : SAMPLE_UUID,
      ),
      requiredRole: (item[method] as unknown as Record<string, unknown>)[
        'x-required-role'
      ] as string,
    })),
  );
}

describe('route access policy', () => {
  let testApp: TestApp;
  let tenant: TestTenant;
  let operations: Operation[];

  beforeAll(async () => {
    testApp = await createTestApp();
    tenant = await testApp.createTenant('policy');
    operations = listOperations(buildOpenApiDocument(testApp.app));
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('declares a policy on every operation', () => {
    const undeclared = operations.filter((operation) => !operation.requiredRole);
    expect(undeclared).toEqual([]);
    expect(operations.length).toBeGreaterThan(5);
  });

  it('answers 401 without a key on every non-public route', async () => {
    for (const operation of operations.filter((op) => op.requiredRole !== 'public')) {
      const response = await testApp.http[operation.method](operation.path);
      expect({ route: `${operation.method} ${operation.path}`, status: response.status }).toEqual({
        route: `${operation.method} ${operation.path}`,
        status: 401,
      });
      expect(response.body.error.code).toBe('unauthorized');
    }
  });

  it('answers 401 to a malformed or unknown key', async () => {
    const malformed = await testApp.http.get('/api/v1/auth/me').set(bearer('krn_nope'));
    const unknown = await testApp.http
      .get('/api/v1/auth/me')
      .set(bearer(`krn_0123456789ab_${'A'.repeat(43)}`));
    expect(malformed.status).toBe(401);
    expect(unknown.status).toBe(401);
  });

  it('answers 403 to a role below the required one', async () => {
    const checked: string[] = [];
    for (const operation of operations) {
      const below = ROLE_BELOW[operation.requiredRole as Role] as Role | null | undefined;
      if (!below) {
        continue;
      }
      const response = await testApp.http[operation.method](operation.path).set(
        bearer(tenant.keys[below]),
      );
      expect({ route: `${operation.method} ${operation.path}`, status: response.status }).toEqual({
        route: `${operation.method} ${operation.path}`,
        status: 403,
      });
      checked.push(operation.path);
    }
    expect(checked.length).toBeGreaterThan(0);
  });
});
