import { loadConfig } from '../config/load-config.js';
import { ApiCallError, CliApiClient, readStoredAdminKey } from './api-client.js';
import { parseCliArguments } from './cli-arguments.js';

const USAGE = `Usage: npm run demo -- [--seed 42] [--url http://127.0.0.1:3000] [--key krn_...]

Asks the running app to seed the demo workload (30 days of a realistic platform)
into the tenant of the key, and follows its progress. The same seed gives the
same data; running it again adds nothing twice.`;

interface DemoStatus {
  running: boolean;
  progress: { step: string; done: number; total: number } | null;
  lastError: string | null;
  finishedAt: string | null;
}

async function main(argv: string[]): Promise<number> {
  const { options } = parseCliArguments(['demo', ...argv]);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig();
  const key = options.key ?? readStoredAdminKey(config.dataDir);
  if (!key) {
    process.stderr.write(
      `No API key: pass --key or start the app once so ${config.dataDir}/admin-key exists\n`,
    );
    return 2;
  }
  const seed = options.seed === undefined ? config.demoSeed : Number(options.seed);
  if (!Number.isInteger(seed) || seed < 0) {
    process.stderr.write(`--seed "${options.seed}" is invalid; expected a non-negative integer\n`);
    return 2;
  }
  const client = new CliApiClient(options.url ?? `http://127.0.0.1:${config.port}`, key);
  await client.request('POST', '/api/v1/admin/demo', { seed });
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const status = (await client.request<DemoStatus>('GET', '/api/v1/admin/demo')).body;
    if (status.progress) {
      process.stderr.write(
        `${status.progress.step}: ${status.progress.done}/${status.progress.total}\n`,
      );
    }
    if (!status.running) {
      if (status.lastError) {
        process.stderr.write(`Demo seed failed: ${status.lastError}\n`);
        return 1;
      }
      process.stdout.write(`Demo seeded (seed ${seed}) at ${status.finishedAt}\n`);
      return 0;
    }
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof ApiCallError ? error.message : String(error)}\n`);
    process.exit(1);
  });
