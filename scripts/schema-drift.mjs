// Fails when the drizzle schema and the committed migrations disagree: it asks
// drizzle-kit to generate a migration into a copy of drizzle/ and fails if one appears.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// drizzle-kit treats its output folder as relative to the working directory, so
// the copy lives inside the repository (node_modules/.cache is ignored by git).
const cacheDir = path.join(root, 'node_modules', '.cache');
fs.mkdirSync(cacheDir, { recursive: true });
const temp = fs.mkdtempSync(path.join(cacheDir, 'kaireon-drift-'));
fs.cpSync(path.join(root, 'drizzle'), temp, { recursive: true });
const before = new Set(fs.readdirSync(temp));

const output = execFileSync(
  'npx',
  ['drizzle-kit', 'generate', '--config', 'drizzle.config.ts', '--name', 'drift'],
  {
    cwd: root,
    env: { ...process.env, DRIZZLE_OUT: path.relative(root, temp) },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  },
);

const added = fs.readdirSync(temp).filter((file) => !before.has(file) && file.endsWith('.sql'));
if (added.length > 0) {
  const sqlText = fs.readFileSync(path.join(temp, added[0]), 'utf8');
  console.error('The drizzle schema has changes without a migration. Run `npm run db:generate`');
  console.error('and commit the new file in drizzle/. The missing migration would be:\n');
  console.error(sqlText);
  fs.rmSync(temp, { recursive: true, force: true });
  process.exit(1);
}
fs.rmSync(temp, { recursive: true, force: true });
// drizzle-kit exits 0 even when it fails, so success is read from its output.
if (!output.includes('No schema changes')) {
  console.error(`drizzle-kit did not confirm the schema is current:\n${output}`);
  process.exit(1);
}
console.log('drizzle schema and migrations agree');
