/**
 * Runs the Business queries in a process of its own, so the test can start it
 * with another TZ (jest cannot change the zone of its own worker). It opens
 * the database the way the app does, then moves its one session to Tokyo.
 * Reads PROBE_DATABASE_URL, PROBE_TENANT_ID and PROBE_NOW; prints one JSON object.
 */
import type pg from 'pg';

import { FixedClock } from '../../core/clock.js';
import { connectPostgres } from '../../database/connect.js';
import type { SegmentsService } from '../../segments/index.js';
import { BusinessDataService } from '../business-data.service.js';
import { BusinessMetricsRepository } from '../business-metrics.repository.js';
import { DashboardDataService } from '../dashboard-data.service.js';

/** These checks run without segments; a segment id would resolve as unknown. */
const NO_SEGMENTS = {
  resolve: () => Promise.resolve({ status: 'unknown' }),
  listMaterialized: () => Promise.resolve([]),
} as unknown as SegmentsService;

async function main(): Promise<void> {
  const connection = connectPostgres(process.env.PROBE_DATABASE_URL ?? '', 1);
  const pool = (connection.db as unknown as { $client: pg.Pool }).$client;
  try {
    await pool.query("SET TIME ZONE 'Asia/Tokyo'");
    const db = connection.db;
    const metrics = new BusinessMetricsRepository(db);
    const business = new BusinessDataService(metrics, NO_SEGMENTS);
    const service = new DashboardDataService(
      business,
      new FixedClock(new Date(process.env.PROBE_NOW ?? '')),
    );
    const tenantId = process.env.PROBE_TENANT_ID ?? '';
    const session = await pool.query<{ TimeZone: string }>('SHOW TimeZone');
    const trend = await service.load(tenantId, { type: 'daily_trend', days: 7 });
    const summary = await service.load(tenantId, { type: 'summary', days: 7 });
    process.stdout.write(
      JSON.stringify({
        offsetMinutes: new Date(2026, 0, 1).getTimezoneOffset(),
        sessionTimeZone: session.rows[0]?.TimeZone,
        trend,
        summary,
      }),
    );
  } finally {
    await connection.close();
  }
}

void main();
