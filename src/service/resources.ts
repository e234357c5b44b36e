// Loads everything the analyzer knows from data/ (and user KB files): the knowledge base, lexicons and
// models. The only place that reads them from disk; stages receive them built.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCleanResources, type ChromeLexicon, type CleanResources } from '../clean/resources.ts';
import { BUNDLED_KB_DIR, loadKbFiles } from '../kb/load.ts';
import type { KbProblem } from '../kb/parse.ts';
import type { KbEntry } from '../kb/schema.ts';
import { parseAbbreviations, type Abbreviations } from '../pipeline/segment/sentences.ts';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export interface Resources {
  kb: KbEntry[];
  kbProblems: KbProblem[];
  clean: CleanResources;
  abbreviations: Abbreviations;
}

export interface ResourceOptions {
  /** Extra knowledge-base files or folders (the CLI's --kb). */
  kbPaths?: string[];
}

export function dataFile(relative: string): string {
  return readFileSync(new URL(relative, `file://${DATA_DIR}`), 'utf8');
}

export function loadResources(options: ResourceOptions = {}): Resources {
  const { entries, problems } = loadKbFiles([BUNDLED_KB_DIR, ...(options.kbPaths ?? [])]);
  const placeNames: string[] = [];
  const outlets = [];
  for (const e of entries) {
    if (e.type === 'GPE' || e.type === 'LOC') placeNames.push(e.name, ...e.aliases);
    if (e.kind === 'media') outlets.push({ name: e.name, aliases: e.aliases, domains: e.domains ?? [] });
  }
  const clean = buildCleanResources({
    chrome: JSON.parse(dataFile('lexicons/chrome.json')) as ChromeLexicon,
    sectionLabels: dataFile('lexicons/section-labels.txt'),
    placeNames,
    outlets,
  });
  const abbreviations = parseAbbreviations(dataFile('lexicons/abbreviations.txt'), dataFile('lexicons/sentence-openers.txt'));
  return { kb: entries, kbProblems: problems, clean, abbreviations };
}
