import * as fs from 'node:fs';
import { Readable } from 'node:stream';

import { loadConfig } from '../config/load-config.js';
import { ApiCallError, CliApiClient, readStoredAdminKey } from './api-client.js';
import { parseCliArguments } from './cli-arguments.js';
import { importBankMarketing } from './importers/bank-marketing.importer.js';
import { ImportProgress } from './importers/import-progress.js';

const USAGE = `Usage: npm run import -- <kind> <file> [--url http://127.0.0.1:3000] [--key krn_...]

Kinds:
  bank-marketing   the UCI bank-marketing CSV (data/bank-marketing/bank-additional.csv)
  ndjson           typed events, one {"type": ..., "data": {...}} per line, streamed to /api/v1/ingest

Posts to the running app over HTTP, so it works beside the embedded database.
--url defaults to http://127.0.0.1:$PORT; --key defaults to the key in $DATA_DIR/admin-key.
Safe to run twice: rows upsert and events carry idempotency keys.`;

async function main(argv: string[]): Promise<number> {
  const { command: kind, positional, options } = parseCliArguments(argv);
  const file = positional[0];
  if (!kind || !file || options.help) {
    process.stdout.write(`${USAGE}\n`);
    return kind && file ? 0 : 2;
  }
  if (!fs.existsSync(file)) {
    process.stderr.write(`File not found: ${file}\n`);
    return 2;
  }
  const config = loadConfig();
  const key = options.key ?? readStoredAdminKey(config.dataDir);
  if (!key) {
    process.stderr.write(
      `No API key: pass --key or start the app once so ${config.dataDir}/admin-key exists\n`,
    );
    return 2;
  }
  const client = new CliApiClient(options.url ?? `http://127.0.0.1:${config.port}`, key);
  switch (kind) {
    case 'bank-marketing':
      return runBankMarketing(client, file);
    case 'ndjson':
      return runNdjson(client, file);
    default:
      process.stderr.write(`Unknown kind "${kind}"\n\n${USAGE}\n`);
      return 2;
  }
}

async function runBankMarketing(client: CliApiClient, file: string): Promise<number> {
  const summary = await importBankMarketing({
    client,
    file,
    today: new Date(),
    progress: new ImportProgress(),
  });
  process.stdout.write(
    `Imported ${summary.rows} rows: ${summary.customersAccepted} customer rows and ` +
      `${summary.interactionsAccepted} interactions accepted, ${summary.rejected.length} rejected.\n`,
  );
  for (const line of summary.rejected.slice(0, 50)) {
    process.stdout.write(`  rejected ${line}\n`);
  }
  return summary.rejected.length > 0 ? 1 : 0;
}

async function runNdjson(client: CliApiClient, file: string): Promise<number> {
  const size = fs.statSync(file).size;
  const progress = new ImportProgress();
  progress.start('bytes sent', size);
  const source = fs.createReadStream(file);
  source.on('data', (chunk) => progress.advance(chunk.length));
  const answer = await client.stream<{
    accepted: number;
    rejected: { line: number; field: string; reason: string }[];
  }>(
    '/api/v1/ingest',
    'application/x-ndjson',
    Readable.toWeb(source) as ReadableStream<Uint8Array>,
  );
  progress.finish();
  process.stdout.write(`Accepted ${answer.accepted} lines, rejected ${answer.rejected.length}.\n`);
  for (const rejection of answer.rejected.slice(0, 50)) {
    process.stdout.write(`  line ${rejection.line}: ${rejection.field} ${rejection.reason}\n`);
  }
  return answer.rejected.length > 0 ? 1 : 0;
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const message =
      error instanceof ApiCallError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`Import failed: ${message}\n`);
    process.exit(1);
  });
