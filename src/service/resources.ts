// Loads everything the analyzer knows from data/ (and user KB files): the knowledge base, lexicons and
// models. The only place that reads them from disk; stages receive them built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCleanResources, type ChromeLexicon, type CleanResources } from '../clean/resources.ts';
import { BUNDLED_KB_DIR, loadKbFiles } from '../kb/load.ts';
import type { KbProblem } from '../kb/parse.ts';
import type { KbEntry } from '../kb/schema.ts';
import { parseAbbreviations, type Abbreviations } from '../pipeline/segment/sentences.ts';
import { KnowledgeBase } from '../kb/index.ts';
import { buildCueIndex, type CueIndex, type ReportingLexicon } from '../pipeline/quotes/cues.ts';
import type { NumberLexicon } from '../pipeline/numbers/index.ts';
import type { FigureLexicon } from '../pipeline/figures/index.ts';
import { TokenModel, type SerializedTokenModel } from '../pipeline/framing/token-model.ts';
import { buildFramingIndex, type FramingEntry, type FramingIndex, type LearnedLexicon } from '../pipeline/framing/lexicon.ts';
import { buildTriggerIndex, type TriggerIndex, type TriggerLexicon } from '../pipeline/events/triggers.ts';
import { buildEntityResources, type CorefLexicon, type EntityResources } from '../pipeline/entities/resources.ts';
import { TaggerModel, type SerializedModel } from '../pipeline/entities/tagger/perceptron.ts';
import { wordClassesFromJSON, type SerializedClusters, type WordClasses } from '../pipeline/entities/tagger/clusters.ts';
import { createHash } from 'node:crypto';

export { DATA_DIR } from '../paths.ts';
import { DATA_DIR } from '../paths.ts';

export interface Resources {
  kb: KbEntry[];
  kbProblems: KbProblem[];
  knowledge: KnowledgeBase;
  clean: CleanResources;
  abbreviations: Abbreviations;
  entities: EntityResources;
  cues: CueIndex;
  numbers: NumberLexicon;
  triggers: TriggerIndex;
  figures: FigureLexicon;
  framing: FramingIndex;
}

export const NER_MODEL = 'models/ner-perceptron.json';
export const WORD_CLASSES = 'models/word-clusters.json';

/** Word classes from a file written by scripts/train-clusters.ts; the digest is of the file's bytes. */
export function readWordClasses(path: string): WordClasses {
  const text = readFileSync(path, 'utf8');
  return wordClassesFromJSON(JSON.parse(text) as SerializedClusters, createHash('sha256').update(text).digest('hex').slice(0, 16));
}

let cachedTagger: { path: string; model: TaggerModel } | null = null;

/** The trained tagger, read once per process (it is the largest file the analyzer loads). */
export function loadTagger(path = NER_MODEL): TaggerModel | null {
  if (cachedTagger?.path === path) return cachedTagger.model;
  let json: SerializedModel;
  try {
    json = JSON.parse(dataFile(path)) as SerializedModel;
  } catch {
    return null;
  }
  const model = TaggerModel.fromJSON(json, json.wordClasses ? readWordClasses(join(DATA_DIR, WORD_CLASSES)) : null);
  cachedTagger = { path, model };
  return model;
}

export interface ResourceOptions {
  /** Extra knowledge-base files or folders (the CLI's --kb). */
  kbPaths?: string[];
  /** Load the trained tagger (default true; its trainer does without). */
  tagger?: boolean;
}

export function dataFile(relative: string): string {
  return readFileSync(join(DATA_DIR, relative), 'utf8');
}

function tokenModelOrNull(json: SerializedTokenModel | null): TokenModel | null {
  return json ? TokenModel.fromJSON(json) : null;
}

/** A data file that a script generates; absent, the analyzer does without it. */
function optionalJson<T>(relative: string): T | null {
  try {
    return JSON.parse(dataFile(relative)) as T;
  } catch {
    return null;
  }
}

export function jsonLines(text: string): unknown[] {
  return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
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
  const knowledge = new KnowledgeBase(entries);
  const heads = JSON.parse(dataFile('lexicons/entity-heads.json')) as { FAC: string[]; LOC: string[]; ORG: string[]; forces: string[] };
  const reporting = JSON.parse(dataFile('lexicons/reporting-verbs.json')) as ReportingLexicon;
  const entities = buildEntityResources({
    speechVerbs: reporting.verbs.filter((v) => !v.belief && v.complements.length).flatMap((v) => v.forms),
    kb: knowledge,
    tagger: options.tagger === false ? null : loadTagger(),
    titles: dataFile('lexicons/person-titles.txt'),
    sentenceOpeners: abbreviations.openers,
    commonWords: dataFile('lexicons/common-words.txt'),
    heads,
    labels: jsonLines(dataFile('lexicons/framing/labels.jsonl')) as { text: string; refersTo?: string | null }[],
    coref: JSON.parse(dataFile('lexicons/coreference.json')) as CorefLexicon,
  });
  const cues = buildCueIndex(reporting);
  const numbers = JSON.parse(dataFile('lexicons/numbers.json')) as NumberLexicon;
  const triggers = buildTriggerIndex(JSON.parse(dataFile('lexicons/event-triggers.json')) as TriggerLexicon);
  const figures = JSON.parse(dataFile('lexicons/figures.json')) as FigureLexicon;
  const framing = buildFramingIndex(
    [...(jsonLines(dataFile('lexicons/framing/labels.jsonl')) as FramingEntry[]), ...(jsonLines(dataFile('lexicons/framing/loaded.jsonl')) as FramingEntry[])],
    optionalJson<LearnedLexicon>('lexicons/framing/learned-ptc.json'),
    tokenModelOrNull(optionalJson<SerializedTokenModel>('models/framing-tokens.json')),
  );
  return { kb: entries, kbProblems: problems, knowledge, clean, abbreviations, entities, cues, numbers, triggers, figures, framing };
}
