// Reads knowledge-base files from disk: every *.jsonl under the given files or folders.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DATA_DIR } from '../paths.ts';
import { checkKbConsistency, parseKbJsonl, type KbProblem } from './parse.ts';
import type { KbEntry } from './schema.ts';

export const BUNDLED_KB_DIR = join(DATA_DIR, 'kb');

export interface LoadedKb {
  entries: KbEntry[];
  problems: KbProblem[];
}

export function listKbFiles(path: string): string[] {
  const st = statSync(path);
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const full = join(path, name);
    const s = statSync(full);
    if (s.isDirectory()) out.push(...listKbFiles(full));
    else if (name.endsWith('.jsonl')) out.push(full);
  }
  return out;
}

// Each path is a layer: the bundled KB first, then user files. Within a layer an id must be unique;
// a later layer's entry replaces an earlier one with the same id (user files win).
export function loadKbFiles(paths: string[]): LoadedKb {
  const problems: KbProblem[] = [];
  const byId = new Map<string, KbEntry>();
  for (const root of paths) {
    let files: string[];
    try {
      files = listKbFiles(root);
    } catch (err) {
      problems.push({ file: root, line: 0, reason: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const layer: { file: string; entries: KbEntry[] }[] = [];
    for (const file of files) {
      const name = relative(process.cwd(), file) || file;
      const r = parseKbJsonl(name, readFileSync(file, 'utf8'));
      layer.push({ file: name, entries: r.entries });
      problems.push(...r.problems);
    }
    problems.push(...checkKbConsistency(layer).filter((p) => p.reason.startsWith('duplicate')));
    for (const { entries } of layer) for (const e of entries) byId.set(e.id, e);
  }
  const entries = [...byId.values()];
  problems.push(...checkKbConsistency([{ file: '(kb)', entries }]));
  return { entries, problems };
}
