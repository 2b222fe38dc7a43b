import * as fs from 'node:fs';
import * as path from 'node:path';

/** Progress of the demo seed, kept in DATA_DIR so an interrupted seed is redone on the next start. */
export interface DemoState {
  status: 'seeding' | 'done' | 'failed';
  seed: number;
  startedAt: string;
  finishedAt?: string;
  error?: string;
}

export function readDemoState(dataDir: string): DemoState | null {
  const file = path.join(dataDir, 'demo.json');
  if (!fs.existsSync(file)) {
    return null;
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoState;
}

export function writeDemoState(dataDir: string, state: DemoState): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'demo.json'), `${JSON.stringify(state, null, 2)}\n`);
}
