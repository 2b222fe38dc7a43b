import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { api, type AppProcess, REPOSITORY_ROOT, startApp } from '../support/app-process';
import { BANK_CSV, countByChannel, readBankRows } from '../support/bank-csv';

const run = promisify(execFile);

interface ChannelRow {
  channelKey: string;
  impressions: number;
  conversions: number;
  effectiveness: number | null;
}

/** Segments over the bank customers' fields, each with the same filter written for the CSV rows. */
const SEGMENTS = [
  {
    key: 'students_retired',
    conditions: [{ field: 'job', operator: 'in', value: ['student', 'retired'] }],
    keep: (row: Record<string, string>) => row.job === 'student' || row.job === 'retired',
  },
  {
    key: 'previous_success',
    conditions: [{ field: 'poutcome', operator: '=', value: 'success' }],
    keep: (row: Record<string, string>) => row.poutcome === 'success',
  },
  {
    key: 'over_60',
    conditions: [{ field: 'age', operator: '>', value: 60 }],
    keep: (row: Record<string, string>) => Number(row.age) > 60,
  },
];

describe('bank-marketing import', () => {
  let app: AppProcess;
  const rows = readBankRows();

  async function importCsv(): Promise<string> {
    const { stdout } = await run(
      process.execPath,
      [
        path.join(REPOSITORY_ROOT, 'apps/api/dist/cli/import.js'),
        'bank-marketing',
        BANK_CSV,
        '--url',
        app.baseUrl,
        '--key',
        app.adminKey,
      ],
      { env: { ...process.env, DATA_DIR: app.dataDir } },
    );
    return stdout;
  }

  async function channels(query = ''): Promise<Record<string, ChannelRow>> {
    const response = await api(
      app,
      app.adminKey,
      'GET',
      `/api/v1/dashboard-data?type=channel_effectiveness&days=365${query}`,
    );
    expect(response.status).toBe(200);
    return Object.fromEntries(
      (response.body.data as ChannelRow[]).map((row) => [row.channelKey, row]),
    );
  }

  beforeAll(async () => {
    app = await startApp();
    const output = await importCsv();
    expect(output).toContain(`Imported ${rows.length} rows`);
  }, 180_000);

  afterAll(async () => {
    await app.stop();
  });

  it('shows each channel exactly as the CSV gives it over 365 days', async () => {
    const expected = countByChannel(rows);
    const actual = await channels();
    expect(Object.keys(actual).sort()).toEqual(['cellular', 'telephone']);
    for (const [channel, counts] of Object.entries(expected)) {
      expect(actual[channel].impressions).toBe(counts.impressions);
      expect(actual[channel].conversions).toBe(counts.conversions);
      expect(actual[channel].effectiveness).toBeCloseTo(
        counts.conversions / counts.impressions,
        12,
      );
    }
  });

  it('changes nothing when run a second time', async () => {
    const before = await channels();
    const summaryBefore = await api(
      app,
      app.adminKey,
      'GET',
      '/api/v1/dashboard-data?type=funnel&days=365',
    );
    const output = await importCsv();
    expect(output).toContain(`Imported ${rows.length} rows`);
    expect(await channels()).toEqual(before);
    const summaryAfter = await api(
      app,
      app.adminKey,
      'GET',
      '/api/v1/dashboard-data?type=funnel&days=365',
    );
    expect(summaryAfter.body.data).toEqual(summaryBefore.body.data);
    const customers = await api(app, app.adminKey, 'GET', '/api/v1/schemas?q=bank_customers');
    const schemaId = customers.body.data[0].id as string;
    let loaded = 0;
    let cursor: string | null = null;
    do {
      const page: { body: { data: unknown[]; page: { nextCursor: string | null } } } = await api(
        app,
        app.adminKey,
        'GET',
        `/api/v1/schemas/${schemaId}/rows?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      loaded += page.body.data.length;
      cursor = page.body.page.nextCursor;
    } while (cursor);
    expect(loaded).toBe(rows.length);
  });

  it('gives per-segment and per-channel acceptance equal to the CSV', async () => {
    const schemas = await api(app, app.adminKey, 'GET', '/api/v1/schemas?q=bank_customers');
    const baseSchemaId = schemas.body.data[0].id as string;
    for (const segment of SEGMENTS) {
      const created = await api(app, app.adminKey, 'POST', '/api/v1/segments', {
        key: segment.key,
        name: segment.key,
        baseSchemaId,
        conditions: segment.conditions,
        status: 'active',
      });
      expect(created.status).toBe(201);
      const expected = countByChannel(rows, segment.keep);
      const actual = await channels(`&segmentId=${created.body.id}`);
      for (const [channel, counts] of Object.entries(expected)) {
        expect({ segment: segment.key, channel, ...pick(actual[channel]) }).toEqual({
          segment: segment.key,
          channel,
          impressions: counts.impressions,
          conversions: counts.conversions,
        });
      }
      const acceptance = await api(
        app,
        app.adminKey,
        'GET',
        `/api/v1/dashboard-data?type=acceptance_rate&days=365&segmentId=${created.body.id}`,
      );
      const impressions = Object.values(expected).reduce(
        (sum, counts) => sum + counts.impressions,
        0,
      );
      const conversions = Object.values(expected).reduce(
        (sum, counts) => sum + counts.conversions,
        0,
      );
      const offer = acceptance.body.data[0];
      expect(offer.offerKey).toBe('term_deposit');
      expect(offer.impressions).toBe(impressions);
      expect(offer.positive).toBe(conversions);
      expect(offer.negative).toBe(impressions - conversions);
      expect(offer.acceptRate).toBeCloseTo(conversions / impressions, 12);
    }
  });
});

function pick(row: ChannelRow | undefined): { impressions?: number; conversions?: number } {
  return row ? { impressions: row.impressions, conversions: row.conversions } : {};
}
