import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import pg from 'pg';

import { bearer, type TestApp, type TestTenant } from '../../test-support/test-app.js';

/**
 * Offers whose names need Cyrillic, Greek, Arabic and CJK glyphs. The Arabic name avoids the
 * lam-alef ligature, which pdftotext writes back as two separate letters.
 */
export const OFFERS = [
  { key: 'card_plus', name: 'Карта Плюс', impressions: 13, conversions: 2, value: 120.5 },
  { key: 'gold_card', name: 'Χρυσή κάρτα', impressions: 17, conversions: 3, value: 310.25 },
  { key: 'arabic_card', name: 'بطاقة ذهبية', impressions: 19, conversions: 1, value: 80 },
  { key: 'cjk_card', name: '黄金信用卡', impressions: 23, conversions: 4, value: 723.81 },
] as const;

/**
 * Writes a channel, the offers above and their impressions and conversions through the API,
 * all on `day` (a UTC day inside the window under test).
 */
export async function seedBusinessData(
  testApp: TestApp,
  tenant: TestTenant,
  day: string,
): Promise<void> {
  await createCatalog(testApp, tenant);
  const items: Record<string, unknown>[] = [];
  for (const [index, offer] of OFFERS.entries()) {
    for (let i = 0; i < offer.impressions; i++) {
      items.push({
        kind: 'impression',
        customerId: `cust-${index}-${i}`,
        offerKey: offer.key,
        channelKey: 'email',
        occurredAt: `${day}T09:${String(i).padStart(2, '0')}:00Z`,
      });
    }
    for (let i = 0; i < offer.conversions; i++) {
      items.push({
        kind: 'response',
        outcome: 'conversion',
        customerId: `cust-${index}-${i}`,
        offerKey: offer.key,
        channelKey: 'email',
        conversionValue: offer.value,
        occurredAt: `${day}T10:${String(i).padStart(2, '0')}:00Z`,
      });
    }
  }
  const response = await testApp.http
    .post('/api/v1/interactions')
    .set(bearer(tenant.keys.ingest))
    .send(items);
  const accepted = (response.body as { accepted?: number }).accepted;
  if (response.status !== 200 || accepted !== items.length) {
    throw new Error(
      `seeding interactions failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
}

/**
 * Creates the channel and offers through the catalog API. While the catalog routes are not
 * registered (404 "No route matches"), the rows are inserted with SQL instead.
 */
async function createCatalog(testApp: TestApp, tenant: TestTenant): Promise<void> {
  const editor = bearer(tenant.keys.editor);
  const probe = await testApp.http
    .post('/api/v1/channels')
    .set(editor)
    .send({ key: 'email', name: 'Email', type: 'email' });
  if (probe.status === 404) {
    await insertCatalogRows(testApp.databaseUrl, tenant.id);
    return;
  }
  if (probe.status !== 201) {
    throw new Error(`creating the channel failed: ${probe.status} ${JSON.stringify(probe.body)}`);
  }
  for (const offer of OFFERS) {
    await expectStatus(
      testApp.http.post('/api/v1/offers').set(editor).send({ key: offer.key, name: offer.name }),
      201,
    );
  }
}

async function insertCatalogRows(databaseUrl: string, tenantId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO channels (tenant_id, key, name, type) VALUES ($1, 'email', 'Email', 'email')`,
      [tenantId],
    );
    for (const offer of OFFERS) {
      await client.query('INSERT INTO offers (tenant_id, key, name) VALUES ($1, $2, $3)', [
        tenantId,
        offer.key,
        offer.name,
      ]);
    }
  } finally {
    await client.end();
  }
}

async function expectStatus(
  request: PromiseLike<{ status: number; body: unknown }>,
  status: number,
): Promise<void> {
  const response = await request;
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

/** Converts a PDF to text with poppler's pdftotext (layout kept, so a table row stays on one line). */
export function pdfToText(pdf: Buffer): string {
  return withTempFile(pdf, 'pdf', (file) =>
    execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  );
}

/** Converts each PDF page to a PNG with pdftoppm; returns the PNG files' contents. */
export function pdfToPngs(pdf: Buffer): Buffer[] {
  return withTempFile(pdf, 'pdf', (file) => {
    const prefix = path.join(path.dirname(file), 'page');
    execFileSync('pdftoppm', ['-r', '40', '-png', file, prefix]);
    return fs
      .readdirSync(path.dirname(file))
      .filter((name) => name.startsWith('page') && name.endsWith('.png'))
      .sort()
      .map((name) => fs.readFileSync(path.join(path.dirname(file), name)));
  });
}

function withTempFile<T>(content: Buffer, extension: string, work: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaireon-report-'));
  const file = path.join(dir, `report.${extension}`);
  fs.writeFileSync(file, content);
  try {
    return work(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads a binary supertest response into a Buffer (superagent hands the parser the raw stream). */
export function binaryParser(
  raw: unknown,
  callback: (error: Error | null, body: Buffer) => void,
): void {
  const response = raw as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
  response.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}
