// `npm start`: builds whatever is missing or older than its sources (API, portal),
// then serves the portal and API on PORT (default 3000).
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(target) {
  if (!fs.existsSync(target)) {
    return 0;
  }
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return fs
    .readdirSync(target, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules' && entry.name !== 'dist')
    .reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry.name))), 0);
}

function isStale(output, sources) {
  const builtAt = newestMtime(path.join(root, output));
  return builtAt === 0 || sources.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

function build(label, args) {
  console.log(`Building the ${label}...`);
  execFileSync('npm', ['run', ...args], { cwd: root, stdio: 'inherit' });
}

if (isStale('apps/api/dist/main.js', ['apps/api/src', 'apps/api/tsconfig.json'])) {
  build('API', ['build:api']);
}
if (
  isStale('apps/web/dist/browser/index.html', [
    'apps/web/src',
    'libs/api-client/src',
    'angular.json',
  ])
) {
  build('portal', ['build:web']);
}

const server = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
