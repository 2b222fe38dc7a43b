import * as fs from 'node:fs/promises';
import * as path from 'node:path';

import type { ResolvedDestination } from './destination.types.js';
import type { DeliveryPackage } from './delivery-package.js';

type DirectoryDestination = Extract<ResolvedDestination, { type: 'directory' }>;

/**
 * Writes the files to `<directory>/<run id>/`. For a folder under DATA_DIR/reports, the real
 * path is checked after the folders are created, so a symbolic link cannot lead the write
 * outside that root.
 */
export async function writeToDirectory(params: {
  destination: DirectoryDestination;
  delivery: DeliveryPackage;
  reportsRoot: string;
}): Promise<void> {
  const { destination, delivery } = params;
  const runDirectory = path.join(destination.directory, delivery.run.id);
  await fs.mkdir(runDirectory, { recursive: true });
  if (!path.isAbsolute(destination.path)) {
    await assertInside(params.reportsRoot, runDirectory);
  }
  for (const file of delivery.files) {
    await fs.writeFile(path.join(runDirectory, path.basename(file.filename)), file.content, {
      flag: 'w',
      mode: 0o640,
    });
  }
}

async function assertInside(root: string, target: string): Promise<void> {
  await fs.mkdir(root, { recursive: true });
  const [realRoot, realTarget] = await Promise.all([fs.realpath(root), fs.realpath(target)]);
  const relative = path.relative(realRoot, realTarget);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`directory ${target} resolves outside ${root}`);
  }
}
