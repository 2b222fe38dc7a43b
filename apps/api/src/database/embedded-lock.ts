import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A pid file that keeps a second process from opening the embedded database,
 * which PGlite does not guard against and which would corrupt it.
 */
export class EmbeddedLock {
  static acquire(dataDir: string): void {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'pglite.lock');
    const holder = readHolder(file);
    if (holder !== null && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The embedded database in ${dataDir} is open in process ${holder}. ` +
          'Stop that process first, or set DATABASE_URL to use a PostgreSQL server.',
      );
    }
    fs.writeFileSync(file, `${process.pid}\n`);
  }

  static release(dataDir: string): void {
    const file = path.join(dataDir, 'pglite.lock');
    if (readHolder(file) === process.pid) {
      fs.rmSync(file, { force: true });
    }
  }
}

function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
