import { FixedClock } from '../core/clock.js';
import { bearer, createTestApp, type TestApp, type TestTenant } from '../test-support/test-app.js';
import { CatalogLookupService, LOOKUP_TTL_MS } from './catalog-lookup.service.js';
import { SettingsRepository } from './settings/settings.repository.js';

jest.setTimeout(60_000);

describe('CatalogLookupService', () => {
  const clock = new FixedClock(new Date('2026-12-04T10:00:00Z'));
  let testApp: TestApp;
  let lookup: CatalogLookupService;
  let tenantA: TestTenant;
  let tenantB: TestTenant;

  beforeAll(async () => {
    testApp = await createTestApp({ clock });
    lookup = testApp.app.get(CatalogLookupService);
    tenantA = await testApp.createTenant('lookup-a');
    tenantB = await testApp.createTenant('lookup-b');
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('maps outcome keys to classification and category', async () => {
    const types = await lookup.outcomeTypes(tenantA.id);
    expect(types.size).toBe(10);
    expect(types.get('opt_out')).toMatchObject({
      classification: 'negative',
      category: 'response',
      system: true,
    });
    expect(types.get('impression')).toMatchObject({
      classification: 'neutral',
      category: 'impression',
    });
  });

  it('sees a type created through the API at once', async () => {
    await lookup.outcomeTypes(tenantA.id);
    await testApp.http
      .post('/api/v1/outcome-types')
      .set(bearer(tenantA.keys.editor))
      .send({ key: 'trial', name: 'Trial', classification: 'positive', category: 'response' })
      .expect(201);
    const types = await lookup.outcomeTypes(tenantA.id);
    expect(types.get('trial')).toMatchObject({ classification: 'positive', system: false });
    expect((await lookup.outcomeTypes(tenantB.id)).has('trial')).toBe(false);
  });

  it('returns the conversion keys and follows a settings change', async () => {
    expect(await lookup.conversionOutcomeKeys(tenantA.id)).toEqual(['conversion']);
    await testApp.http
      .put('/api/v1/settings')
      .set(bearer(tenantA.keys.admin))
      .send({ conversionOutcomeKeys: ['trial'] })
      .expect(200);
    expect(await lookup.conversionOutcomeKeys(tenantA.id)).toEqual(['trial']);
    expect(await lookup.conversionOutcomeKeys(tenantB.id)).toEqual(['conversion']);
  });

  it('reuses cached values until the TTL passes when another process changes the data', async () => {
    const settings = testApp.app.get(SettingsRepository);
    expect(await lookup.conversionOutcomeKeys(tenantB.id)).toEqual(['conversion']);
    await settings.upsert(tenantB.id, { conversionOutcomeKeys: ['click'] }, clock.now());
    expect(await lookup.conversionOutcomeKeys(tenantB.id)).toEqual(['conversion']);
    clock.advanceMs(LOOKUP_TTL_MS + 1);
    expect(await lookup.conversionOutcomeKeys(tenantB.id)).toEqual(['click']);
  });

  it('maps offers and channels by key', async () => {
    const editor = bearer(tenantA.keys.editor);
    await testApp.http
      .post('/api/v1/offers')
      .set(editor)
      .send({ key: 'gold', name: 'Gold card' })
      .expect(201);
    await testApp.http
      .post('/api/v1/channels')
      .set(editor)
      .send({ key: 'web', name: 'Web', type: 'web' })
      .expect(201);
    expect((await lookup.offers(tenantA.id)).get('gold')).toMatchObject({
      name: 'Gold card',
      status: 'active',
    });
    expect((await lookup.channels(tenantA.id)).get('web')).toMatchObject({
      type: 'web',
      impressionMode: 'explicit',
    });
    expect((await lookup.offers(tenantB.id)).size).toBe(0);
  });

  it('describes a schema table for segments, and null for another tenant', async () => {
    const created = await testApp.http
      .post('/api/v1/schemas')
      .set(bearer(tenantA.keys.editor))
      .send({
        key: 'customers',
        name: 'Customers',
        entityType: 'customer',
        fields: [
          { name: 'customer_id', type: 'text' },
          { name: 'Select', type: 'integer' },
        ],
        primaryKeyField: 'customer_id',
      })
      .expect(201);
    const info = await lookup.schemaForSegments(tenantA.id, created.body.id);
    const schemaName = `tenant_${tenantA.id.replaceAll('-', '').slice(0, 12)}`;
    expect(info).toEqual({
      id: created.body.id,
      key: 'customers',
      name: 'Customers',
      entityType: 'customer',
      tableName: `"${schemaName}"."ds_customers"`,
      schemaName,
      table: 'ds_customers',
      fields: [
        { name: 'customer_id', type: 'text', nullable: false },
        { name: 'select', type: 'integer', nullable: true },
      ],
      primaryKeyField: 'customer_id',
    });
    expect(await lookup.schemaForSegments(tenantB.id, created.body.id)).toBeNull();
  });
});
