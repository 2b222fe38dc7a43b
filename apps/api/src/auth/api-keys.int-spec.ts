import * as fs from 'node:fs';
import * as path from 'node:path';

import { FixedClock } from '../core/clock.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';

describe('API keys', () => {
  const clock = new FixedClock(new Date('2026-12-04T10:00:00Z'));
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('tenant-a');
    tenantB = await testApp.createTenant('tenant-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('stores the first-start admin key in DATA_DIR with mode 0600', async () => {
    const file = path.join(testApp.config.dataDir, 'admin-key');
    const key = fs.readFileSync(file, 'utf8').trim();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const session = await testApp.http.get('/api/v1/auth/me').set(bearer(key));
    expect(session.status).toBe(200);
    expect(session.body.tenantKey).toBe('default');
    expect(session.body.role).toBe('admin');
  });

  it('accepts the key in X-API-Key too', async () => {
    const response = await testApp.http
      .get('/api/v1/auth/me')
      .set('X-API-Key', tenantA.keys.viewer);
    expect(response.status).toBe(200);
    expect(response.body.role).toBe('viewer');
  });

  it('creates a key, shows it once and lists it without the secret', async () => {
    const created = await testApp.http
      .post('/api/v1/admin/api-keys')
      .set(bearer(tenantA.keys.admin))
      .send({ name: 'reporting', role: 'editor' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^krn_/);
    const list = await testApp.http
      .get('/api/v1/admin/api-keys?limit=200')
      .set(bearer(tenantA.keys.admin));
    const listed = list.body.data.find((key: { id: string }) => key.id === created.body.id);
    expect(listed.name).toBe('reporting');
    expect(listed.key).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
  });

  it('rejects invalid input naming the field', async () => {
    const response = await testApp.http
      .post('/api/v1/admin/api-keys')
      .set(bearer(tenantA.keys.admin))
      .send({ name: 'x', role: 'owner', extra: 1 });
    expect(response.status).toBe(400);
    const fields = response.body.error.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['role', 'extra']));
    expect(response.body.error.message).toMatch(
      /must be one of ingest, viewer, editor, admin|is not a known field/,
    );
  });

  it('answers 401 for a revoked key and audits the revocation', async () => {
    const created = await testApp.http
      .post('/api/v1/admin/api-keys')
      .set(bearer(tenantA.keys.admin))
      .send({ name: 'short-lived', role: 'viewer' });
    const revoke = await testApp.http
      .delete(`/api/v1/admin/api-keys/${created.body.id}`)
      .set(bearer(tenantA.keys.admin));
    expect(revoke.status).toBe(204);
    const after = await testApp.http.get('/api/v1/auth/me').set(bearer(created.body.key));
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked/);
    const audit = await testApp.http
      .get('/api/v1/admin/audit-events')
      .set(bearer(tenantA.keys.admin));
    const actions = audit.body.data.map(
      (event: { action: string; targetId: string }) => `${event.action}:${event.targetId}`,
    );
    expect(actions).toContain(`api_key.revoked:${created.body.id}`);
    expect(actions).toContain(`api_key.created:${created.body.id}`);
  });

  it('answers 401 for an expired key', async () => {
    const created = await testApp.http
      .post('/api/v1/admin/api-keys')
      .set(bearer(tenantA.keys.admin))
      .send({ name: 'expiring', role: 'viewer', expiresAt: '2026-12-04T11:00:00Z' });
    expect(created.status).toBe(201);
    expect((await testApp.http.get('/api/v1/auth/me').set(bearer(created.body.key))).status).toBe(
      200,
    );
    clock.set(new Date('2026-12-04T11:00:01Z'));
    const expired = await testApp.http.get('/api/v1/auth/me').set(bearer(created.body.key));
    clock.set(new Date('2026-12-04T10:00:00Z'));
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
  });

  it('keeps tenants apart', async () => {
    const ofB = await testApp.http
      .post('/api/v1/admin/api-keys')
      .set(bearer(tenantB.keys.admin))
      .send({ name: 'b-only', role: 'viewer' });
    const revokeFromA = await testApp.http
      .delete(`/api/v1/admin/api-keys/${ofB.body.id}`)
      .set(bearer(tenantA.keys.admin));
    expect(revokeFromA.status).toBe(404);
    expect((await testApp.http.get('/api/v1/auth/me').set(bearer(ofB.body.key))).status).toBe(200);
    const listA = await testApp.http
      .get('/api/v1/admin/api-keys?limit=200')
      .set(bearer(tenantA.keys.admin));
    expect(listA.body.data.map((key: { name: string }) => key.name)).not.toContain('b-only');
    const auditA = await testApp.http
      .get('/api/v1/admin/audit-events?limit=200')
      .set(bearer(tenantA.keys.admin));
    expect(JSON.stringify(auditA.body)).not.toContain(ofB.body.id);
  });

  it('pages keys with a cursor', async () => {
    const first = await testApp.http
      .get('/api/v1/admin/api-keys?limit=2')
      .set(bearer(tenantA.keys.admin));
    expect(first.body.data).toHaveLength(2);
    expect(first.body.page.nextCursor).toEqual(expect.any(String));
    const second = await testApp.http
      .get(`/api/v1/admin/api-keys?limit=2&cursor=${first.body.page.nextCursor}`)
      .set(bearer(tenantA.keys.admin));
    const firstIds = first.body.data.map((key: { id: string }) => key.id);
    for (const key of second.body.data) {
      expect(firstIds).not.toContain(key.id);
    }
    const bad = await testApp.http
      .get('/api/v1/admin/api-keys?cursor=garbage')
      .set(bearer(tenantA.keys.admin));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('cursor');
  });
});
