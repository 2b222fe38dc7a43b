// `npm test`: every check and test tier in order, with a summary. A step whose
// prerequisite failed is skipped; the exit code is 1 if anything failed.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vmModules = {
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
};

// PGlite loads its WebAssembly through a dynamic import, which jest allows only
// with --experimental-vm-modules; the integration suites open PGlite.
const STEPS = [
  { name: 'format', command: ['npm', 'run', 'format:check'] },
  { name: 'lint', command: ['npm', 'run', 'lint'] },
  { name: 'typecheck', command: ['npm', 'run', 'typecheck'] },
  { name: 'schema drift', command: ['npm', 'run', 'db:check'] },
  { name: 'stale API client', command: ['npm', 'run', 'client:check'] },
  { name: 'API unit tests', command: ['npm', 'run', 'test:unit'] },
  // Date logic must not depend on the server's zone; a second run under another zone proves it.
  {
    name: 'API unit tests, TZ=Asia/Tokyo',
    command: ['npm', 'run', 'test:unit'],
    env: { TZ: 'Asia/Tokyo' },
  },
  { name: 'portal unit tests', command: ['npm', 'run', 'test:web'] },
  { name: 'API integration tests', command: ['npm', 'run', 'test:integration'], env: vmModules },
  { name: 'build', command: ['npm', 'run', 'build'], id: 'build' },
  { name: 'e2e and browser tests', command: ['npm', 'run', 'test:e2e'], needs: 'build' },
];

const results = [];
const failedIds = new Set();
for (const step of STEPS) {
  if (step.needs && failedIds.has(step.needs)) {
    results.push({ name: step.name, status: 'skipped', seconds: 0 });
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const startedAt = Date.now();
  const run = spawnSync(step.command[0], step.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const seconds = Math.round((Date.now() - startedAt) / 100) / 10;
  const passed = run.status === 0;
  if (!passed && step.id) {
    failedIds.add(step.id);
  }
  results.push({ name: step.name, status: passed ? 'passed' : 'FAILED', seconds });
}

console.log('\n=== summary');
for (const result of results) {
  console.log(`${result.status.padEnd(8)} ${String(result.seconds).padStart(6)} s  ${result.name}`);
}
process.exit(results.some((result) => result.status !== 'passed') ? 1 : 0);
