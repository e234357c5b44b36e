#!/usr/bin/env -S node --max-semi-space-size=32
// A larger young generation (32 MB semi-spaces, twice V8's default) cuts the scavenges of an analysis
// run by about 40% (the pipeline allocates several hundred MB per MB of text); `npm run bench` runs with
// the same flag.
// Entry point of the `sitrep` command. Runs the compiled build in dist/ (made by `npm run build`, which
// `npm ci` runs through `prepare`) when it is at least as new as every source file; otherwise loads the
// TypeScript sources through tsx, so that an edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'src', 'cli', 'main.js');

function newestSourceMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

let main;
if (existsSync(built) && statSync(built).mtimeMs >= newestSourceMs(join(root, 'src'))) {
  ({ main } = await import(built));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
