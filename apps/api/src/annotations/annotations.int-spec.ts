import { FixedClock } from '../core/clock.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { IngestLineRegistry } from '../write/ingest-line-registry.js';
import { AnnotationsService } from './annotations.service.js';

jest.setTimeout(60_000);

const NOW = '2026-12-04T12:00:00.000Z';

interface AnnotationBody {
  id: string;
  occurredAt: string;
  kind: string;
  title: string;
  source: string;
}

describe('annotations API', () => {
  const clock = new FixedClock(new Date(NOW));
  let testApp: TestApp;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    tenantA = await testApp.createTenant('annotations-a');
    tenantB = await testApp.createTenant('annotations-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  function post(tenant: TestTenant, body: unknown, headers: Record<string, string> = {}) {
    return testApp.http
      .post('/api/v1/annotations')
      .set(bearer(tenant.keys.ingest))
      .set(headers)
      .send(body as object);
  }

  async function list(
    tenant: TestTenant,
    query = '',
  ): Promise<{ data: AnnotationBody[]; page: { total: number; nextCursor: string | null } }> {
    const response = await testApp.http
      .get(`/api/v1/annotations${query}`)
      .set(bearer(tenant.keys.viewer))
      .expect(200);
    return response.body as {
      data: AnnotationBody[];
      page: { total: number; nextCursor: string | null };
    };
  }

  it('records a policy change with defaults and lists it', async () => {
    const response = await post(tenantA, {
      kind: 'policy_change',
      title: 'Frequency cap lowered to 3/day',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'policy_change',
      title: 'Frequency cap lowered to 3/day',
      occurredAt: NOW,
      source: 'api',
      description: null,
      details: null,
    });
    const page = await list(tenantA, '?kind=policy_change');
    expect(page.data.map((row) => row.id)).toContain(response.body.id);
  });

  it('answers 400 naming the field for bad input and unknown fields', async () => {
    const badKind = await post(tenantA, { kind: 'rollout', title: 'x' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.message).toBe(
      'kind must be one of policy_change, catalog_change, deploy, incident, note',
    );
    const longTitle = await post(tenantA, { kind: 'note', title: 'x'.repeat(201) });
    expect(longTitle.body.error.details[0]).toMatchObject({ field: 'title' });
    const noZone = await post(tenantA, {
      kind: 'note',
      title: 'x',
      occurredAt: '2026-12-04T10:00:00',
    });
    expect(noZone.body.error.details[0].field).toBe('occurredAt');
    const unknown = await post(tenantA, { kind: 'note', title: 'x', severity: 'high' });
    expect(unknown.body.error.details[0]).toMatchObject({
      field: 'severity',
      reason: 'is not a known field',
    });
  });

  it('accepts up to one day ahead and rejects later instants', async () => {
    await post(tenantA, {
      kind: 'deploy',
      title: 'Planned',
      occurredAt: '2026-12-05T12:00:00Z',
    }).expect(201);
    const late = await post(tenantA, {
      kind: 'deploy',
      title: 'Too far',
      occurredAt: '2026-12-05T12:00:01Z',
    });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toBe(
      'occurredAt must be at most 1 day in the future (now is 2026-12-04T12:00:00.000Z)',
    );
  });

  it('records a batch, rejecting invalid items, and 400s when all are invalid', async () => {
    const batch = await post(tenantA, [
      {
        kind: 'incident',
        title: 'Outage',
        occurredAt: '2026-12-01T08:00:00Z',
        source: 'pagerduty',
      },
      { kind: 'incident', title: '' },
      { kind: 'incident', title: 'Future', occurredAt: '2026-12-09T00:00:00Z' },
    ]);
    expect(batch.status).toBe(200);
    expect(batch.body.accepted).toBe(1);
    expect(
      (batch.body.rejected as { index: number; field: string }[]).map((row) => [
        row.index,
        row.field,
      ]),
    ).toEqual([
      [1, 'title'],
      [1, 'title'],
      [2, 'occurredAt'],
    ]);
    const none = await post(tenantA, [{ kind: 'x', title: 'a' }, { title: 'b' }]);
    expect(none.status).toBe(400);
  });

  it('records a repeated idempotency key once', async () => {
    const body = { kind: 'deploy', title: 'Release 4.2', occurredAt: '2026-11-30T09:00:00Z' };
    const first = await post(tenantA, body, { 'Idempotency-Key': 'deploy-4.2' });
    expect(first.status).toBe(201);
    const repeat = await post(tenantA, body, { 'Idempotency-Key': 'deploy-4.2' });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual({ accepted: 1, rejected: [] });
    const batch = await post(tenantA, [
      { ...body, idempotencyKey: 'deploy-4.2' },
      { ...body, idempotencyKey: 'deploy-4.3', title: 'Release 4.3' },
      { ...body, idempotencyKey: 'deploy-4.3', title: 'Release 4.3' },
    ]);
    expect(batch.body).toEqual({ accepted: 3, rejected: [] });
    const titles = (await list(tenantA, '?kind=deploy&limit=200')).data.map((row) => row.title);
    expect(titles.filter((title) => title === 'Release 4.2')).toHaveLength(1);
    expect(titles.filter((title) => title === 'Release 4.3')).toHaveLength(1);
    const sameKeyOtherTenant = await post(tenantB, body, { 'Idempotency-Key': 'deploy-4.2' });
    expect(sameKeyOtherTenant.status).toBe(201);
  });

  it('lists default and explicit windows', async () => {
    await post(tenantA, [
      { kind: 'note', title: 'old note', occurredAt: '2026-10-01T00:00:00Z' },
      { kind: 'note', title: 'window start', occurredAt: '2026-11-04T12:00:00Z' },
      { kind: 'note', title: 'recent note', occurredAt: '2026-12-03T00:00:00Z' },
    ]).expect(200);
    const defaults = (await list(tenantA, '?kind=note')).data.map((row) => row.title);
    expect(defaults).toEqual(['window start', 'recent note']);
    const deploys = (await list(tenantA, '?kind=deploy')).data.map((row) => row.title);
    expect(deploys).toContain('Planned');
    const explicit = await list(
      tenantA,
      '?kind=note&from=2026-09-01T00:00:00Z&to=2026-11-04T12:00:00Z',
    );
    expect(explicit.data.map((row) => row.title)).toEqual(['old note']);
    const several = await list(tenantA, '?kind=note,incident&from=2026-09-01T00:00:00Z');
    expect(several.data.map((row) => row.title)).toEqual([
      'old note',
      'window start',
      'Outage',
      'recent note',
    ]);
    const times = several.data.map((row) => row.occurredAt);
    expect([...times].sort()).toEqual(times);
  });

  it('pages with a cursor and rejects bad ranges and kinds', async () => {
    const first = await list(tenantA, '?limit=2');
    expect(first.data).toHaveLength(2);
    const second = await list(tenantA, `?limit=2&cursor=${first.page.nextCursor}`);
    expect(
      second.data.map((row) => row.id).filter((id) => first.data.some((row) => row.id === id)),
    ).toEqual([]);
    expect(
      second.data[0]?.occurredAt.localeCompare(first.data[1]?.occurredAt ?? ''),
    ).toBeGreaterThanOrEqual(0);

    const viewer = bearer(tenantA.keys.viewer);
    const reversed = await testApp.http
      .get('/api/v1/annotations?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z')
      .set(viewer);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details[0].field).toBe('from');
    const badKind = await testApp.http.get('/api/v1/annotations?kind=note,bogus').set(viewer);
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details[0].field).toBe('kind');
  });

  it('deletes an annotation with 204', async () => {
    const created = await post(tenantA, { kind: 'note', title: 'to delete' }).expect(201);
    const editor = bearer(tenantA.keys.editor);
    await testApp.http.delete(`/api/v1/annotations/${created.body.id}`).set(editor).expect(204);
    await testApp.http.delete(`/api/v1/annotations/${created.body.id}`).set(editor).expect(404);
  });

  it('records annotations for other modules in their transaction', async () => {
    const service = testApp.app.get(AnnotationsService);
    const row = await service.record({
      tenantId: tenantA.id,
      kind: 'incident',
      title: 'Breaker opened',
      source: 'internal',
    });
    expect(row).toMatchObject({ kind: 'incident', source: 'internal' });
    expect(row.occurredAt.toISOString()).toBe(NOW);
    await expect(service.record({ tenantId: tenantA.id, kind: 'note', title: '' })).rejects.toThrow(
      /title/,
    );
  });

  it('serves NDJSON lines of type annotation with per-line rejections', async () => {
    const handler = testApp.app.get(IngestLineRegistry).handler('annotation');
    expect(handler).toBeDefined();
    const result = await handler!(tenantA.id, [
      { line: 3, data: { kind: 'deploy', title: 'From NDJSON', idempotencyKey: 'nd-1' } },
      { line: 4, data: { kind: 'deploy' } },
      { line: 5, data: 'not an object' },
      { line: 6, data: { kind: 'deploy', title: 'From NDJSON', idempotencyKey: 'nd-1' } },
    ]);
    expect(result.accepted).toBe(2);
    expect(result.rejected.map((row) => [row.line, row.field])).toEqual([
      [4, 'data.title'],
      [4, 'data.title'],
      [4, 'data.title'],
      [5, 'data'],
    ]);
    const titles = (await list(tenantA, '?kind=deploy&limit=200')).data.map((row) => row.title);
    expect(titles.filter((title) => title === 'From NDJSON')).toHaveLength(1);
  });

  describe('tenant isolation', () => {
    let annotationOfB: string;

    beforeAll(async () => {
      const created = await post(tenantB, { kind: 'note', title: 'secret of B' }).expect(201);
      annotationOfB = created.body.id;
    });

    it('answers 404 to tenant A for tenant B ids', async () => {
      await testApp.http
        .delete(`/api/v1/annotations/${annotationOfB}`)
        .set(bearer(tenantA.keys.editor))
        .expect(404);
      const stillThere = await list(tenantB);
      expect(stillThere.data.map((row) => row.id)).toContain(annotationOfB);
    });

    it('never lists tenant B annotations to tenant A', async () => {
      const page = await list(tenantA, '?limit=200&from=2020-01-01T00:00:00Z');
      expect(page.data.map((row) => row.id)).not.toContain(annotationOfB);
      expect(page.data.map((row) => row.title)).not.toContain('secret of B');
    });
  });
});
