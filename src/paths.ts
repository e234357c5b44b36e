// Where the project's own files are: the folder with its package.json, found from this module's place
// so that the sources run through tsx (src/service/) and the compiled build (dist/src/service/) agree.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'sitrep') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`sitrep: no package.json of the project above ${from}`);
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const DATA_DIR = join(PROJECT_ROOT, 'data');
