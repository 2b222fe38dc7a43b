import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';

import { FixedClock } from '../core/clock.js';
import type { Database } from '../database/database.types.js';
import * as schema from '../database/schema/index.js';
import type { SegmentsService } from '../segments/index.js';
import {
  createTestDatabase,
  dropTestDatabase,
  TEST_SERVER_URL,
} from '../test-support/test-database.js';
import { BusinessDataService } from './business-data.service.js';
import { BusinessMetricsRepository } from './business-metrics.repository.js';
import { DashboardDataService } from './dashboard-data.service.js';
import { InteractionsQueryRepository } from './interactions-query.repository.js';
import { insertInteractions, openTestPool } from './testing/fixtures.js';
import { ALL_EVENTS, NOW } from './testing/golden-fixture.js';

/** These checks run without segments; a segment id would resolve as unknown. */
const NO_SEGMENTS = {
  resolve: () => Promise.resolve({ status: 'unknown' }),
  listMaterialized: () => Promise.resolve([]),
} as unknown as SegmentsService;

// Each suite boots the app on its own database; a busy machine can take longer than jest's 5 s default.
jest.setTimeout(60_000);

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * Runs the Business queries with every database session in Tokyo (the
 * database's default TimeZone). One test also runs them in a child process
 * whose Node zone is Los Angeles. A query or date computation that relied on
 * either zone would move events across UTC day boundaries.
 */
describe('business queries outside UTC', () => {
  const tenantId = randomUUID();
  let database: { name: string; url: string };
  let pool: pg.Pool;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    const server = new pg.Client({ connectionString: TEST_SERVER_URL });
    await server.connect();
    await server.query(`ALTER DATABASE ${database.name} SET timezone TO 'Asia/Tokyo'`);
    await server.end();
    pool = openTestPool(database.url);
    db = drizzle(pool, { schema });
    await pool.query(
      'CREATE TABLE IF NOT EXISTS interactions_default PARTITION OF interactions DEFAULT',
    );
    await insertInteractions((text, params) => pool.query(text, params), tenantId, ALL_EVENTS);
  });

  afterAll(async () => {
    await pool.end();
    await dropTestDatabase(database.name);
  });

  it('runs the sessions in Tokyo', async () => {
    const setting = await pool.query('SHOW TimeZone');
    expect(setting.rows[0]!.TimeZone).toBe('Asia/Tokyo');
  });

  it('answers UTC days from a Node process in Los Angeles', async () => {
    const { stdout } = await promisify(execFile)(
      path.join(REPOSITORY_ROOT, 'node_modules', '.bin', 'tsx'),
      [
        '--tsconfig',
        path.join(REPOSITORY_ROOT, 'apps', 'api', 'tsconfig.json'),
        path.join(__dirname, 'testing', 'timezone-probe.ts'),
      ],
      {
        cwd: REPOSITORY_ROOT,
        env: {
          ...process.env,
          TZ: 'America/Los_Angeles',
          PROBE_DATABASE_URL: database.url,
          PROBE_TENANT_ID: tenantId,
          // 23:30 UTC: already the next day in Tokyo, still the afternoon in Los Angeles.
          PROBE_NOW: '2026-12-04T23:30:00Z',
          LOG_LEVEL: 'error',
        },
      },
    );
    const probe = JSON.parse(stdout);
    // Los Angeles is UTC-8 in January, so the offset is 480 minutes.
    expect(probe.offsetMinutes).toBe(480);
    expect(probe.sessionTimeZone).toBe('Asia/Tokyo');
    expect(probe.trend.window).toEqual({ from: '2026-11-28', to: '2026-12-05', days: 7 });
    expect(probe.trend.coverageFrom).toBe('2026-11-25');
    expect(probe.trend.data).toEqual([
      { day: '2026-11-28', impressions: 1, conversions: 1 },
      { day: '2026-11-29', impressions: 0, conversions: 0 },
      { day: '2026-11-30', impressions: 3, conversions: 1 },
      { day: '2026-12-01', impressions: 1, conversions: 0 },
      { day: '2026-12-02', impressions: 3, conversions: 1 },
      { day: '2026-12-03', impressions: 1, conversions: 0 },
      { day: '2026-12-04', impressions: 1, conversions: 0 },
    ]);
    expect(probe.summary.data[0]).toEqual({
      metric: 'impressions',
      current: 10,
      previous: 3,
      change: expect.closeTo(7 / 3, 10),
    });
  });

  it('buckets the daily trend by UTC day', async () => {
    const repository = new BusinessMetricsRepository(db);
    const rows = await repository.dailyTotals(
      { tenantId, from: '2026-11-28', to: '2026-12-05', segment: null },
      '2026-11-25',
    );
    expect(
      rows.map((row) => [
        row.day,
        Number(row.impressions),
        Number(row.conversions),
        Number(row.revenue),
      ]),
    ).toEqual([
      ['2026-11-28', 1, 1, 100],
      ['2026-11-29', 0, 0, 0],
      ['2026-11-30', 3, 1, 0],
      ['2026-12-01', 1, 0, 0],
      ['2026-12-02', 3, 1, 50.5],
      ['2026-12-03', 1, 0, 0],
      ['2026-12-04', 1, 0, 0],
    ]);
  });

  it('finds the first UTC day of coverage', async () => {
    expect(await new BusinessMetricsRepository(db).coverageStart(tenantId)).toBe('2026-11-25');
  });

  it('splits current and previous windows at UTC midnight', async () => {
    const totals = await new BusinessMetricsRepository(db).periodTotals(
      { tenantId, from: '2026-11-21', to: '2026-12-05', segment: null },
      '2026-11-28',
    );
    expect(Number(totals.impressions)).toBe(10);
    expect(Number(totals.previous_impressions)).toBe(3);
  });

  it('resolves the default window in UTC through the service', async () => {
    const business = new BusinessDataService(new BusinessMetricsRepository(db), NO_SEGMENTS);
    // 2026-12-04T15:00Z is still 2026-12-04 in UTC but 07:00 on the same day in Los Angeles; 23:30Z would be the next day in Tokyo.
    const service = new DashboardDataService(
      business,
      new FixedClock(new Date('2026-12-04T23:30:00Z')),
    );
    const body = await service.load(tenantId, { type: 'funnel', days: 7 });
    expect(body.window).toEqual({ from: '2026-11-28', to: '2026-12-05', days: 7 });
    expect(body.data.map((row) => ('count' in row ? row.count : null))).toEqual([4, 10, 4, 3]);
    expect(NOW.toISOString().slice(0, 10)).toBe('2026-12-04');
  });

  it('reports drill-down times in UTC', async () => {
    const rows = await new InteractionsQueryRepository(db).page(
      { tenantId, from: '2026-12-01', to: '2026-12-02', segment: null },
      10,
      null,
    );
    expect(rows.map((row) => row.occurredAtText)).toEqual([
      '2026-12-01T23:40:00.000000Z',
      '2026-12-01T23:30:00.000000Z',
    ]);
  });
});
