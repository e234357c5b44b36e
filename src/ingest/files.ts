// Walks the inputs a user names (files, folders, "-" for standard input) and yields their documents and
// failures in a stable order. Folders are read recursively; inside them only known input types are taken.
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeFailure } from '../core/errors.ts';
import { readAllStdin } from './stdin.ts';
import { DEFAULT_LIMITS, formatFromPath, isInputFile, parseInput, type IngestEvent, type IngestLimits } from './parse-input.ts';

export interface ReadOptions {
  limits?: IngestLimits;
  readStdin?: () => Promise<Uint8Array>;
}

export async function* readInputs(inputs: string[], options: ReadOptions = {}): AsyncGenerator<IngestEvent> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input === '-') {
      const bytes = await (options.readStdin ?? readAllStdin)();
      yield* parseInput('-', bytes, limits);
      continue;
    }
    let files: string[];
    try {
      files = statSync(input).isDirectory() ? listFolder(input, seen) : [input];
    } catch (err) {
      yield { type: 'failure', ...describeFailure(err, input) };
      continue;
    }
    for (const file of files) yield* readOne(file, limits);
  }
}

function* readOne(file: string, limits: IngestLimits): Generator<IngestEvent> {
  let bytes: Uint8Array;
  try {
    const st = statSync(file);
    if (!st.isFile()) {
      yield { type: 'failure', path: file, reason: 'not a regular file' };
      return;
    }
    // A plain-text file is one document: refuse an oversized one without reading it.
    const oneDoc = (formatFromPath(file) ?? 'text') === 'text' || formatFromPath(file) === 'html';
    const cap = oneDoc ? Math.min(limits.maxFileBytes, limits.maxDocChars * 4) : limits.maxFileBytes;
    if (st.size > cap) {
      const limit = oneDoc && cap < limits.maxFileBytes ? `${mb(limits.maxDocChars)} document limit (--max-doc-mb)` : `${mb(limits.maxFileBytes)} file limit (--max-file-mb)`;
      yield { type: 'failure', path: file, reason: `file is ${mb(st.size)}, above the ${limit}` };
      return;
    }
    bytes = readFileSync(file);
  } catch (err) {
    yield { type: 'failure', ...describeFailure(err, file) };
    return;
  }
  yield* parseInput(file, bytes, limits);
}

function listFolder(dir: string, seen: Set<string>): string[] {
  const real = realpathSync(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      out.push(full); // reported when read
      continue;
    }
    if (st.isDirectory()) out.push(...listFolder(full, seen));
    else if (isInputFile(name)) out.push(full);
  }
  return out;
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
