// Generates the portal's API client from the API's OpenAPI document, or checks
// that the committed client is current (`check`), which CI runs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = path.join(root, 'libs', 'api-client');
const mode = process.argv[2];

function run(command, args, options = {}) {
  execFileSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

function generate(targetDir) {
  run('npx', ['tsc', '-p', 'apps/api/tsconfig.build.json']);
  const specFile = path.join(targetDir, 'openapi.json');
  run('node', ['apps/api/dist/cli/openapi.js', specFile]);
  run('npx', [
    'ng-openapi-gen',
    '--config',
    path.join(clientDir, 'ng-openapi-gen.json'),
    '--input',
    specFile,
    '--output',
    path.join(targetDir, 'src'),
  ]);
}

function listFiles(dir, base = dir) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

function compare(expectedDir) {
  const stale = [];
  const expected = [
    'openapi.json',
    ...listFiles(path.join(expectedDir, 'src')).map((f) => `src/${f}`),
  ];
  const actual = ['openapi.json', ...listFiles(path.join(clientDir, 'src')).map((f) => `src/${f}`)];
  for (const file of new Set([...expected, ...actual])) {
    const want = path.join(expectedDir, file);
    const have = path.join(clientDir, file);
    if (!fs.existsSync(want) || !fs.existsSync(have)) {
      stale.push(`${file} ${fs.existsSync(want) ? 'is missing' : 'is no longer generated'}`);
    } else if (fs.readFileSync(want, 'utf8') !== fs.readFileSync(have, 'utf8')) {
      stale.push(`${file} differs`);
    }
  }
  return stale;
}

if (mode === 'generate') {
  generate(clientDir);
  console.log('API client generated in libs/api-client');
} else if (mode === 'check') {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'kaireon-client-'));
  generate(temp);
  const stale = compare(temp);
  fs.rmSync(temp, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error('The generated API client is stale; run `npm run client:generate` and commit:');
    for (const line of stale) {
      console.error(`  ${line}`);
    }
    process.exit(1);
  }
  console.log('API client is current');
} else {
  console.error('Usage: node scripts/client.mjs generate|check');
  process.exit(2);
}
