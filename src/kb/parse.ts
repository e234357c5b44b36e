// Parses knowledge-base JSON Lines text into validated entries. Pure: the caller reads the files.
import { kbEntrySchema, type KbEntry } from './schema.ts';

export interface KbProblem {
  file: string;
  line: number;
  reason: string;
}

export interface ParsedKbFile {
  entries: KbEntry[];
  problems: KbProblem[];
}

export function parseKbJsonl(file: string, text: string): ParsedKbFile {
  const entries: KbEntry[] = [];
  const problems: KbProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problems.push({ file, line: i + 1, reason: `not JSON: ${(err as Error).message}` });
      continue;
    }
    const result = kbEntrySchema.safeParse(value);
    if (!result.success) {
      const id = typeof (value as { id?: unknown })?.id === 'string' ? ` (${(value as { id: string }).id})` : '';
      const reason = result.error.issues.map((iss) => `${iss.path.join('.') || 'entry'}: ${iss.message}`).join('; ');
      problems.push({ file, line: i + 1, reason: `invalid entry${id}: ${reason}` });
      continue;
    }
    entries.push(result.data);
  }
  return { entries, problems };
}

// Whole-KB checks that a single line cannot see: duplicate ids and references to missing entries.
export function checkKbConsistency(files: { file: string; entries: KbEntry[] }[]): KbProblem[] {
  const problems: KbProblem[] = [];
  const seen = new Map<string, string>();
  for (const { file, entries } of files) {
    for (const e of entries) {
      const first = seen.get(e.id);
      if (first) problems.push({ file, line: 0, reason: `duplicate id "${e.id}" (first in ${first})` });
      else seen.set(e.id, file);
    }
  }
  for (const { file, entries } of files) {
    for (const e of entries) {
      if (e.parent && !seen.has(e.parent)) problems.push({ file, line: 0, reason: `"${e.id}": parent "${e.parent}" is not in the KB` });
      for (const a of e.affiliations ?? []) {
        if (!seen.has(a.target)) problems.push({ file, line: 0, reason: `"${e.id}": ${a.rel} target "${a.target}" is not in the KB` });
      }
    }
  }
  return problems;
}
