import { execFileSync } from 'node:child_process';

import { api, type AppProcess, startApp } from '../support/app-process';

describe('probes, docs and metrics of the running app', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('answers health and readiness without a key', async () => {
    const health = await fetch(`${app.baseUrl}/api/health`);
    const ready = await fetch(`${app.baseUrl}/api/ready`);
    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { info: Record<string, { status: string }> };
    expect(body.info.database?.status).toBe('up');
    expect(body.info.startup?.status).toBe('up');
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const document = (await (await fetch(`${app.baseUrl}/api/docs-json`)).json()) as {
      paths: object;
    };
    expect(Object.keys(document.paths)).toContain('/api/v1/auth/me');
    const ui = await fetch(`${app.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('passes promtool check metrics on live output', async () => {
    // Traffic first, so the request histogram has series to lint.
    await api(app, app.adminKey, 'GET', '/api/v1/auth/me');
    await api(app, 'krn_invalid', 'GET', '/api/v1/auth/me');
    const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(text).toContain('kaireon_http_request_duration_seconds_bucket');
    expect(text).toContain('kaireon_process_cpu_user_seconds_total');
    expect(text).not.toContain('_active_handles_total');
    const result = execFileSync('promtool', ['check', 'metrics'], {
      input: text,
      encoding: 'utf8',
    });
    expect(result).toBe('');
  });

  it('labels requests by route pattern, not raw path', async () => {
    await api(
      app,
      app.adminKey,
      'DELETE',
      '/api/v1/admin/api-keys/00000000-0000-4000-8000-000000000001',
    );
    const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(text).toContain('route="/api/v1/admin/api-keys/:id"');
    expect(text).not.toContain('00000000-0000-4000-8000-000000000001');
  });

  it('answers unknown API routes with the error body', async () => {
    const response = await api(app, app.adminKey, 'GET', '/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
    expect(response.body.error.requestId).toEqual(expect.any(String));
  });
});
