// The framing lexicons as one phrase index: hand-written entries (data/lexicons/framing/loaded.jsonl,
// labels.jsonl) and the entries learned from a propaganda-annotated corpus (learned-ptc.json), looked
// up by their first word.
import type { FramingCategory } from '../../core/record.ts';
import type { TokenModel } from './token-model.ts';
import { indexByFirstWord } from '../../core/phrases.ts';

export interface FramingEntry {
  text: string;
  category: FramingCategory;
  /** A neutral wording; "" for a modifier means: the same phrase without it. */
  neutral?: string | null;
  /** KB id of the entity the phrase labels ("the usurping regime" -> israel). */
  refersTo?: string | null;
  /** An adjective or adverb whose span runs on to the word it qualifies ("atrocious onslaught"). */
  modifier?: boolean;
}

export interface LearnedEntry {
  text: string;
  category: FramingCategory;
  /** Share of the phrase's occurrences inside annotated spans of the training split. */
  precision: number;
  support: number;
}

export interface LearnedLexicon {
  about: string;
  threshold: number;
  entries: LearnedEntry[];
}

export interface PhraseEntry extends FramingEntry {
  words: string[];
  /** True for hand-written entries; learned ones carry no neutral wording. */
  curated: boolean;
  weight: number;
}

export interface FramingIndex {
  byFirst: Map<string, PhraseEntry[]>;
  /** The token model, when one is trained (data/models/framing-tokens.json). */
  tokenModel: TokenModel | null;
}

export function buildFramingIndex(curated: FramingEntry[], learned: LearnedLexicon | null, tokenModel: TokenModel | null = null): FramingIndex {
  // A phrase listed twice keeps its first entry (curated before learned).
  const entries = new Map<string, PhraseEntry>();
  const add = (e: PhraseEntry) => {
    const key = e.words.join(' ');
    if (!entries.has(key)) entries.set(key, e);
  };
  for (const e of curated) add({ ...e, words: phraseWords(e.text), curated: true, weight: 1 });
  for (const e of learned?.entries ?? []) {
    if (e.precision < learned!.threshold) continue;
    add({ text: e.text, category: e.category, neutral: null, words: phraseWords(e.text), curated: false, weight: e.precision });
  }
  return { byFirst: indexByFirstWord(entries.values()), tokenModel };
}

export function phraseWords(text: string): string[] {
  return text.toLowerCase().replace(/[’‘]/g, "'").split(/\s+/).filter(Boolean);
}
