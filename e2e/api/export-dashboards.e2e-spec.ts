import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { api, type AppProcess, startApp } from '../support/app-process';

const FORMATS = ['pdf', 'png', 'csv', 'html', 'markdown'] as const;
const EXTENSIONS: Record<(typeof FORMATS)[number], string> = {
  pdf: 'pdf',
  png: 'png',
  csv: 'csv',
  html: 'html',
  markdown: 'md',
};

async function exportFile(app: AppProcess, dashboard: string, format: string, filters: object) {
  const response = await fetch(`${app.baseUrl}/api/v1/reports/export`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.adminKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ dashboard, format, filters, timezone: 'Europe/Berlin' }),
  });
  return {
    status: response.status,
    disposition: response.headers.get('content-disposition') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** Text of a PDF (poppler's pdftotext) and its first page rendered to PNG (pdftoppm). */
function readPdf(pdf: Buffer): { text: string; firstPagePng: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaireon-export-'));
  const file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    '1',
    '-l',
    '1',
    file,
    path.join(dir, 'page'),
  ]);
  const page = fs
    .readdirSync(dir)
    .find((name) => name.startsWith('page') && name.endsWith('.png'))!;
  return { text, firstPagePng: fs.readFileSync(path.join(dir, page)) };
}

describe('export of every built dashboard', () => {
  let app: AppProcess;
  const now = Date.now();

  beforeAll(async () => {
    // Both dashboards export every format in one minute, above the default limit of 10.
    app = await startApp({ env: { EXPORTS_PER_MINUTE: '100' } });
    const runs = Array.from({ length: 37 }, (_, index) => ({
      flowKey: 'next_best_offer',
      status: index < 36 ? 'completed' : 'failed',
      latencyMs: 10 + index,
      occurredAt: new Date(now - (index + 1) * 60_000).toISOString(),
    }));
    expect(
      (await api(app, app.adminKey, 'POST', '/api/v1/decision-runs', runs)).body.accepted,
    ).toBe(37);
    const interactions = Array.from({ length: 23 }, (_, index) => ({
      kind: 'impression',
      customerId: `c-${index}`,
      offerKey: 'offer_export_check',
      channelKey: 'email',
      occurredAt: new Date(now - (index + 1) * 60_000).toISOString(),
    }));
    expect(
      (await api(app, app.adminKey, 'POST', '/api/v1/interactions', interactions)).body.accepted,
    ).toBe(23);
  });

  afterAll(async () => {
    await app.stop();
  });

  it.each([
    ['operations', 'Operations', 'Total runs', '37'],
    ['business', 'Business', 'Impressions', '23'],
  ])(
    'exports %s in every format with its title, filters and figures',
    async (dashboard, title, label, figure) => {
      const filters = { days: 7 };
      const files: Partial<Record<(typeof FORMATS)[number], Buffer>> = {};
      for (const format of FORMATS) {
        const file = await exportFile(app, dashboard, format, filters);
        expect({ format, status: file.status }).toEqual({ format, status: 200 });
        expect(file.disposition).toMatch(
          new RegExp(`attachment; filename="?${dashboard}-.*\\.${EXTENSIONS[format]}"?`),
        );
        expect(file.body.length).toBeGreaterThan(100);
        files[format] = file.body;
      }

      const pdf = readPdf(files.pdf!);
      expect(pdf.text).toContain(title);
      expect(pdf.text).toContain('Europe/Berlin');
      expect(pdf.text).toMatch(/7 (UTC )?days/);
      expect(pdf.text).toMatch(new RegExp(`${label}[\\s\\S]{0,300}\\b${figure}\\b`));
      expect(pdf.firstPagePng.subarray(1, 4).toString('ascii')).toBe('PNG');

      const csv = files.csv!.toString('utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv).toContain('\r\n');
      expect(
        csv
          .split('\r\n')
          .some((line) => line.toLowerCase().startsWith(`${label},${figure}`.toLowerCase())),
      ).toBe(true);

      const markdown = (await exportFile(app, dashboard, 'markdown', filters)).body.toString(
        'utf8',
      );
      expect(markdown).toContain(title);
      expect(markdown).toContain(figure);
    },
  );

  it('matches the API figures for the same filters', async () => {
    const summary = await api(
      app,
      app.adminKey,
      'GET',
      '/api/v1/dashboards/operations/summary?days=7',
    );
    expect(JSON.stringify(summary.body)).toContain('37');
    const data = await api(app, app.adminKey, 'GET', '/api/v1/dashboard-data?type=summary&days=7');
    const impressions = data.body.data.find(
      (row: { metric: string }) => row.metric === 'impressions',
    );
    expect(impressions.current).toBe(23);
  });
});
