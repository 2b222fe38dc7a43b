import type { PGlite } from '@electric-sql/pglite';

import { setLogLevel } from '../common/logging/logger.js';
import { connectPglite } from '../database/connect.js';
import type { DatabaseConnection } from '../database/database.types.js';
import { runMigrations } from '../database/migrate.js';
import { BusinessMetricsRepository } from './business-metrics.repository.js';
import { InteractionsQueryRepository } from './interactions-query.repository.js';
import { insertCatalog, insertInteractions, type SqlRunner } from './testing/fixtures.js';
import { ALL_EVENTS, CATALOG } from './testing/golden-fixture.js';

// Each suite boots the app on its own database; a busy machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

/**
 * The same SQL on the embedded PGlite database (PostgreSQL 18, returning some
 * types differently from node-postgres), checked against hand-counted values.
 */
describe('business queries on PGlite', () => {
  const tenantId = '0b6f4a52-3c1d-4e8f-9a7b-2c5d6e7f8a9b';
  let connection: DatabaseConnection;
  let repository: BusinessMetricsRepository;

  beforeAll(async () => {
    setLogLevel(process.env.TEST_LOG_LEVEL ?? 'error');
    connection = await connectPglite(null);
    await runMigrations(connection);
    const client = (connection.db as unknown as { $client: PGlite }).$client;
    const run: SqlRunner = async (text, params) =>
      client.query<Record<string, unknown>>(text, params);
    await run('CREATE TABLE interactions_default PARTITION OF interactions DEFAULT');
    await insertCatalog(run, tenantId, CATALOG);
    await insertInteractions(run, tenantId, ALL_EVENTS);
    repository = new BusinessMetricsRepository(connection.db);
  });

  afterAll(async () => {
    await connection.close();
  });

  const scope = { tenantId, from: '2026-11-28', to: '2026-12-05', segment: null };

  it('sums the current and previous windows', async () => {
    const totals = await repository.periodTotals({ ...scope, from: '2026-11-21' }, '2026-11-28');
    expect(Number(totals.impressions)).toBe(10);
    expect(Number(totals.conversions)).toBe(3);
    expect(Number(totals.revenue)).toBe(150.5);
    expect(Number(totals.previous_impressions)).toBe(3);
    expect(Number(totals.previous_revenue)).toBe(20);
  });

  it('zero-fills the daily totals', async () => {
    const rows = await repository.dailyTotals(scope, await repository.coverageStart(tenantId));
    expect(rows.map((row) => [row.day, Number(row.impressions), Number(row.revenue)])).toEqual([
      ['2026-11-28', 1, 100],
      ['2026-11-29', 0, 0],
      ['2026-11-30', 3, 0],
      ['2026-12-01', 1, 0],
      ['2026-12-02', 3, 50.5],
      ['2026-12-03', 1, 0],
      ['2026-12-04', 1, 0],
    ]);
  });

  it('groups offers by category with catalog names', async () => {
    const rows = await repository.offersByCategory(scope);
    expect(
      rows.map((row) => [
        row.category_key,
        row.category_name,
        row.offer_name,
        Number(row.impressions),
      ]),
    ).toEqual([
      ['cards', 'Cards', 'Gold Card', 3],
      ['loans', 'Loans', 'Travel Loan', 3],
      [null, null, 'unknown-offer', 4],
    ]);
  });

  it('computes channel effectiveness and the funnel', async () => {
    const channels = await repository.channelEffectiveness(scope);
    expect(channels.map((row) => [row.channel_name, Number(row.effectiveness)])).toEqual([
      ['Email', 0.6],
      ['push', 0],
    ]);
    const funnel = await repository.funnelCounts(scope);
    expect(
      [funnel.recommendations, funnel.impressions, funnel.positive, funnel.conversions].map(Number),
    ).toEqual([4, 10, 4, 3]);
  });

  it('pages raw interactions with microsecond keysets', async () => {
    const drill = new InteractionsQueryRepository(connection.db);
    const filter = { ...scope, kind: 'impression' };
    const first = await drill.page(filter, 4, null);
    const last = first[first.length - 1];
    const second = await drill.page(filter, 10, { occurredAt: last.occurredAtText, id: last.id });
    expect(first.length + second.length).toBe(await drill.count(filter));
    expect(first[0].occurredAtText).toBe('2026-12-04T14:00:00.000000Z');
  });
});
