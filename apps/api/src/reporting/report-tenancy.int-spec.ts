import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';

// Chromium renders and app start-ups take seconds; the jest default of 5 s is too short.
jest.setTimeout(120_000);

const MISSING_ID = '00000000-0000-4000-8000-00000000abcd';

/** Every reporting route, called by tenant B on tenant A's ids, must return the 404 of a missing id. */
describe('reporting tenant isolation', () => {
  let testApp: TestApp;
  let a: TestTenant;
  let b: TestTenant;
  let templateId: string;
  let scheduleId: string;
  let runId: string;
  let ownTemplateId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    a = await testApp.createTenant('tenancy-a');
    b = await testApp.createTenant('tenancy-b');
    const template = await testApp.http
      .post('/api/v1/reports/templates')
      .set(bearer(a.keys.editor))
      .send({ name: 'A report', dashboard: 'business', formats: ['markdown'] });
    templateId = template.body.id as string;
    const schedule = await testApp.http
      .post('/api/v1/reports/schedules')
      .set(bearer(a.keys.editor))
      .send({ templateId, cron: '0 8 * * *', destinations: [{ type: 'directory', path: 'a' }] });
    scheduleId = schedule.body.id as string;
    const run = await testApp.http
      .post(`/api/v1/reports/templates/${templateId}/run-now`)
      .set(bearer(a.keys.editor))
      .send({});
    runId = run.body.runId as string;
    const own = await testApp.http
      .post('/api/v1/reports/templates')
      .set(bearer(b.keys.editor))
      .send({ name: 'B report', dashboard: 'business', formats: ['csv'] });
    ownTemplateId = own.body.id as string;
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** Calls a route with B's key on A's id and on an unused id, and expects the same 404 for both. */
  async function expectNotFound(
    call: (id: string) => Promise<{ status: number; body: { error?: { message: string } } }>,
    id: string,
    entity: string,
  ): Promise<void> {
    const foreign = await call(id);
    const missing = await call(MISSING_ID);
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(foreign.body.error?.message).toBe(`${entity} ${id} was not found`);
    expect(missing.body.error?.message).toBe(`${entity} ${MISSING_ID} was not found`);
  }

  it('hides templates of other tenants on every template route', async () => {
    const editor = bearer(b.keys.editor);
    const entity = 'Report template';
    await expectNotFound(
      (id) => testApp.http.get(`/api/v1/reports/templates/${id}`).set(editor),
      templateId,
      entity,
    );
    await expectNotFound(
      (id) =>
        testApp.http.patch(`/api/v1/reports/templates/${id}`).set(editor).send({ name: 'taken' }),
      templateId,
      entity,
    );
    await expectNotFound(
      (id) => testApp.http.delete(`/api/v1/reports/templates/${id}`).set(editor),
      templateId,
      entity,
    );
    await expectNotFound(
      (id) => testApp.http.get(`/api/v1/reports/templates/${id}/preview`).set(editor),
      templateId,
      entity,
    );
    await expectNotFound(
      (id) => testApp.http.post(`/api/v1/reports/templates/${id}/run-now`).set(editor).send({}),
      templateId,
      entity,
    );
    await expectNotFound(
      (id) =>
        testApp.http
          .post('/api/v1/reports/schedules')
          .set(editor)
          .send({ templateId: id, cron: '0 8 * * *' }),
      templateId,
      entity,
    );

    const still = await testApp.http
      .get(`/api/v1/reports/templates/${templateId}`)
      .set(bearer(a.keys.viewer));
    expect(still.status).toBe(200);
    expect(still.body.name).toBe('A report');
  });

  it('hides schedules of other tenants on every schedule route', async () => {
    const editor = bearer(b.keys.editor);
    const entity = 'Report schedule';
    await expectNotFound(
      (id) => testApp.http.get(`/api/v1/reports/schedules/${id}`).set(editor),
      scheduleId,
      entity,
    );
    await expectNotFound(
      (id) =>
        testApp.http.patch(`/api/v1/reports/schedules/${id}`).set(editor).send({ enabled: false }),
      scheduleId,
      entity,
    );
    await expectNotFound(
      (id) => testApp.http.delete(`/api/v1/reports/schedules/${id}`).set(editor),
      scheduleId,
      entity,
    );
    const still = await testApp.http
      .get(`/api/v1/reports/schedules/${scheduleId}`)
      .set(bearer(a.keys.viewer));
    expect(still.body.enabled).toBe(true);
  });

  it('refuses another tenant schedule in Run Now like an unknown one', async () => {
    const editor = bearer(b.keys.editor);
    const foreign = await testApp.http
      .post(`/api/v1/reports/templates/${ownTemplateId}/run-now`)
      .set(editor)
      .send({ scheduleId });
    const missing = await testApp.http
      .post(`/api/v1/reports/templates/${ownTemplateId}/run-now`)
      .set(editor)
      .send({ scheduleId: MISSING_ID });
    expect(foreign.status).toBe(400);
    expect(missing.status).toBe(400);
    expect(foreign.body.error.details[0].reason).toBe(missing.body.error.details[0].reason);
  });

  it('hides runs of other tenants', async () => {
    await expectNotFound(
      (id) => testApp.http.get(`/api/v1/reports/runs/${id}`).set(bearer(b.keys.viewer)),
      runId,
      'Report run',
    );
  });

  it('lists only the caller tenant rows', async () => {
    const viewer = bearer(b.keys.viewer);
    const templates = await testApp.http.get('/api/v1/reports/templates').set(viewer);
    expect((templates.body.data as { id: string }[]).map((row) => row.id)).toEqual([ownTemplateId]);
    expect(templates.body.page.total).toBe(1);

    for (const list of ['schedules', 'runs']) {
      const all = await testApp.http.get(`/api/v1/reports/${list}`).set(viewer);
      expect(all.status).toBe(200);
      expect(all.body.page.total).toBe(0);
      const filtered = await testApp.http
        .get(`/api/v1/reports/${list}?templateId=${templateId}`)
        .set(viewer);
      expect(filtered.body.data).toEqual([]);
      expect(filtered.body.page.total).toBe(0);
    }
    const ownersView = await testApp.http
      .get('/api/v1/reports/schedules')
      .set(bearer(a.keys.viewer));
    expect((ownersView.body.data as { id: string }[]).map((row) => row.id)).toEqual([scheduleId]);
  });
});
