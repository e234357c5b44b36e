// Stage "numbers": quantity expressions ("33,634", "2.5 million", "three", "tens of thousands", "at least
// 16", "nearly 2,500") with their value and qualifier, for casualty counts and figures.
// Requires: segments, timex. Provides: the layer "numbers". Years, dates, durations ("four years"),
// times, ordinals, percentages and money are marked by kind so that later stages can tell them from
// counts of people and things.
import { TokenKind, type AnalysisDocument, type Segmentation, type Words } from '../../core/document.ts';
import { computeWords, slotFor, wordsOf } from '../words/index.ts';
import type { Stage } from '../stage.ts';
import { TIMEX, type Timex } from '../dates/index.ts';
import { markCasualties } from './casualty.ts';
import { ShapeFilter } from '../words/shape-filter.ts';

export const NUMBERS = 'numbers';

export interface NumberLexicon {
  units: Record<string, number>;
  scales: Record<string, number>;
  vague: Record<string, number>;
  qualifiers: string[];
}

export interface Quantity {
  /** Offsets of the whole expression, qualifier included. */
  start: number;
  end: number;
  /** Token range of the number itself (without the qualifier). */
  first: number;
  last: number;
  value: number;
  vague: boolean;
  qualifier: string | null;
  kind: 'count' | 'year' | 'date' | 'duration' | 'percent' | 'money' | 'ordinal' | 'time';
  /** A count of the dead or the wounded (casualty.ts). */
  casualty?: 'killed' | 'injured' | null;
  /** Index (in the layer) of the casualty count this one adds to ("two officers … as well as five"). */
  addsTo?: number;
}

/** A vague quantity ("dozens of") or a unit of several words ("a couple of"), as lower-case words. */
interface Phrase {
  words: string[];
  value: number;
  vague: boolean;
}

interface Qualifier {
  text: string;
  words: string[];
}

/** What the index says about one lower-case word (memoised on its word type). */
interface WordNumbers {
  /** The phrases that open with it, longest first; a vague one before a unit of the same length. */
  phrases: Phrase[];
  /** Its value as a number word on its own ("seven", "twenty-five"), else null. */
  value: number | null;
}

interface Index {
  units: Map<string, number>;
  scales: Map<string, number>;
  /** The phrases of the vague quantities and multiword units by their first word. */
  phrasesByFirst: Map<string, Phrase[]>;
  /** The qualifiers of up to three words by their last word, longest first. */
  qualifiersByLast: Map<string, Qualifier[]>;
  /** Rules out, from the text, most tokens that are no number word and open no phrase (null: none can be
   *  ruled out so). */
  numberWords: ShapeFilter | null;
}

/** Longest before shortest, and otherwise in the given order (the sort is stable). */
function longestFirst<T>(list: T[], length: (x: T) => number): T[] {
  return list.sort((a, b) => length(b) - length(a));
}

export function buildNumberIndex(lex: NumberLexicon): Index {
  // Tokens never hold a space, so a phrase of n tokens matches a lexicon entry of n words, word by word.
  const phrasesByFirst = new Map<string, Phrase[]>();
  const addPhrase = (key: string, value: number, vague: boolean) => {
    const words = key.split(' ');
    const list = phrasesByFirst.get(words[0]!) ?? [];
    list.push({ words, value, vague });
    phrasesByFirst.set(words[0]!, list);
  };
  for (const [k, v] of Object.entries(lex.vague)) addPhrase(k, v, true);
  for (const [k, v] of Object.entries(lex.units)) if (k.split(' ').length > 1) addPhrase(k, v, false);
  for (const list of phrasesByFirst.values()) longestFirst(list, (p) => p.words.length);
  const qualifiersByLast = new Map<string, Qualifier[]>();
  for (const text of lex.qualifiers) {
    const words = text.split(' ');
    if (!text || words.length > 3) continue; // an empty one qualifies nothing; at most three words are read
    const list = qualifiersByLast.get(words[words.length - 1]!) ?? [];
    list.push({ text, words });
    qualifiersByLast.set(words[words.length - 1]!, list);
  }
  for (const list of qualifiersByLast.values()) longestFirst(list, (q) => q.words.length);
  const ix: Index = {
    units: new Map(Object.entries(lex.units)),
    scales: new Map(Object.entries(lex.scales)),
    phrasesByFirst,
    qualifiersByLast,
    numberWords: null,
  };
  // Every word that numberWordValue() gives a value: the units and the compounds of a tens and a ones word.
  const plain = [...ix.units].filter(([w]) => /^[a-z]+$/.test(w));
  const compounds = plain.filter(([, tens]) => tens >= 20).flatMap(([tens]) => plain.filter(([, ones]) => ones < 10).map(([ones]) => `${tens}-${ones}`));
  const candidates = [...phrasesByFirst.keys(), ...ix.units.keys(), ...compounds];
  ix.numberWords = ShapeFilter.of(candidates.filter((w) => {
    const info = wordNumbers(w, ix);
    return info.phrases.length > 0 || info.value !== null;
  }));
  return ix;
}

const DURATION_UNITS = /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|nights?)$/;

// The value of a number word on its own ("seven", "dozens" is a phrase, "twenty-five"), null for other
// words.
function numberWordValue(lower: string, ix: Index): number | null {
  const unit = ix.units.get(lower);
  if (unit !== undefined) return lower === 'a' || lower === 'an' || lower === 'one' ? null : unit;
  // "twenty-five" is one token: compose hyphenated tens and units.
  if (/^[a-z]+-[a-z]+$/.test(lower)) {
    const [a, b] = lower.split('-');
    const tens = ix.units.get(a!);
    const ones = ix.units.get(b!);
    if (tens !== undefined && ones !== undefined && tens >= 20 && ones < 10) return tens + ones;
  }
  return null;
}

const NO_PHRASES: Phrase[] = [];

function wordNumbers(lower: string, ix: Index): WordNumbers {
  return { phrases: ix.phrasesByFirst.get(lower) ?? NO_PHRASES, value: numberWordValue(lower, ix) };
}

/** Whether the tokens from `t` on are `words` (lower-case; none past the end). */
function wordsAt(lower: (t: number) => string, t: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (lower(t + k) !== words[k]) return false;
  return true;
}

export function findQuantities(text: string, seg: Segmentation, ix: Index, timexIn: readonly Timex[] = [], words: Words = computeWords(text, seg)): Quantity[] {
  const timex = [...timexIn].sort((a, b) => a.start - b.start);
  const out: Quantity[] = [];
  const slot = slotFor(ix);
  const word = (t: number) => (t < seg.tokenCount ? words.text[t]! : '');
  const lower = (t: number) => (t < seg.tokenCount ? words.lower[t]! : '');
  // Memoised on the word type, one slot per number index.
  const numbersOf = (t: number): WordNumbers => {
    const memo = words.types[t]!.memo;
    let info = memo[slot] as WordNumbers | undefined;
    if (info === undefined) memo[slot] = info = wordNumbers(words.lower[t]!, ix);
    return info;
  };
  let tx = 0; // timex sorted by start; the first that may still cover the current token
  for (let t = 0; t < seg.tokenCount; t++) {
    let value: number | null = null;
    let vague = false;
    let last = t;
    const isNumber = seg.tokenKind[t] === TokenKind.Number;
    const mayBeNumberWord = ix.numberWords === null || ix.numberWords.mayBe(text, seg.tokenStart[t]!, seg.tokenEnd[t]!);
    if (!isNumber && mayBeNumberWord) {
      // Vague quantities and multiword units, longest first.
      for (const p of numbersOf(t).phrases) {
        if (!wordsAt(lower, t, p.words)) continue;
        value = p.value;
        vague = p.vague;
        last = t + p.words.length - 1;
        break;
      }
    }
    if (value === null) {
      const w = word(t);
      if (isNumber && /^\d[\d,]*(?:\.\d+)?$/.test(w)) {
        value = Number(w.replace(/,/g, ''));
        last = t;
      } else if (mayBeNumberWord) {
        const v = numbersOf(t).value;
        if (v !== null) {
          value = v;
          last = t;
        }
      }
      // Scales: "2.5 million", "three hundred", "1,000 thousand".
      while (value !== null && ix.scales.has(lower(last + 1))) {
        value *= ix.scales.get(lower(last + 1))!;
        last++;
      }
    }
    if (value === null) continue;
    // A qualifier just before: "at least 16", "nearly 2,500".
    let qualifier: string | null = null;
    let qStart = seg.tokenStart[t]!;
    for (const q of (t > 0 ? ix.qualifiersByLast.get(lower(t - 1)) : undefined) ?? []) {
      const from = t - q.words.length;
      if (from < 0 || !wordsAt(lower, from, q.words)) continue;
      qualifier = q.text;
      qStart = seg.tokenStart[from]!;
      break;
    }
    const after = lower(last + 1);
    const before = lower(t - 1);
    let kind: Quantity['kind'] = 'count';
    const w = word(t);
    if (!vague && /^(?:1[5-9]|20)\d{2}$/.test(w) && !/,/.test(w) && value >= 1500 && value <= 2100 && !ix.scales.has(after)) kind = 'year';
    if (after === '%' || after === 'percent' || after === 'per') kind = 'percent';
    if (/^[$€£]$/.test(before) || /^(?:dollars?|euros?|pounds?|riyals?|dinars?|rials?)$/.test(after)) kind = 'money';
    if (/^\d+(?:st|nd|rd|th)$/i.test(w)) kind = 'ordinal';
    if (/^[:.]$/.test(word(last + 1)) && /^\d/.test(word(last + 2)) && seg.tokenStart[last + 1] === seg.tokenEnd[last]) kind = 'time';
    if (kind === 'count' && (DURATION_UNITS.test(after) || (after === '-' && DURATION_UNITS.test(lower(last + 2))) || /^[a-z]+-(?:years?|months?|weeks?|days?|hours?)(?:-old|-long)?$/.test(lower(last)))) kind = 'duration';
    // The day of "October 7" or the year of "January 3, 2020" is part of a date.
    const at = seg.tokenStart[t]!;
    while (tx < timex.length && timex[tx]!.end <= at) tx++;
    for (let k = tx; k < timex.length && timex[k]!.start <= at; k++) {
      if (at < timex[k]!.end && timex[k]!.kind !== 'relative') kind = kind === 'year' ? 'year' : 'date';
    }
    out.push({ start: qStart, end: seg.tokenEnd[last]!, first: t, last, value, vague, qualifier, kind });
    t = last;
  }
  return out;
}

export function numbersStage(lex: NumberLexicon): Stage {
  const ix = buildNumberIndex(lex);
  return {
    name: 'numbers',
    requires: ['segments', 'words', TIMEX],
    provides: [NUMBERS],
    run(doc: AnalysisDocument) {
      const seg = doc.segments!;
      const words = wordsOf(doc);
      const quantities = findQuantities(doc.text, seg, ix, (doc.layers.get(TIMEX) as Timex[] | undefined) ?? [], words);
      const lower = (t: number) => words.lower[t] ?? '';
      // Quantities are in text order: each sentence's are the run that starts in it, found by walking on.
      let from = 0;
      for (let s = 0; s < seg.sentenceCount; s++) {
        const a = seg.sentenceTokenStart[s]!;
        const b = seg.sentenceTokenStart[s + 1]!;
        while (from < quantities.length && quantities[from]!.first < a) from++;
        let to = from;
        while (to < quantities.length && quantities[to]!.first < b) to++;
        if (to > from) markCasualties(quantities, seg, lower, a, b, from, to);
        from = to;
      }
      doc.layers.set(NUMBERS, quantities);
    },
  };
}
