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

interface Index {
  units: Map<string, number>;
  scales: Map<string, number>;
  vague: Map<string, number>;
  qualifiers: Map<string, string>;
  maxWords: number;
  /** First words of the multiword vague quantities and units: only these open a phrase lookup. */
  phraseStarts: Set<string>;
}

export function buildNumberIndex(lex: NumberLexicon): Index {
  const maxWords = Math.max(...[...Object.keys(lex.vague), ...Object.keys(lex.units), ...lex.qualifiers].map((k) => k.split(' ').length));
  return {
    units: new Map(Object.entries(lex.units)),
    scales: new Map(Object.entries(lex.scales)),
    vague: new Map(Object.entries(lex.vague)),
    qualifiers: new Map(lex.qualifiers.map((q) => [q, q])),
    maxWords,
    phraseStarts: new Set([...Object.keys(lex.vague), ...Object.keys(lex.units)].map((k) => k.split(' ')[0]!)),
  };
}

const DURATION_UNITS = /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|nights?)$/;

// The value of a number word on its own ("seven", "dozens" is a phrase, "twenty-five"), null for other
// words; memoised on the word type, one slot per number index.

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

export function findQuantities(text: string, seg: Segmentation, ix: Index, timexIn: readonly Timex[] = [], words: Words = computeWords(text, seg)): Quantity[] {
  const timex = [...timexIn].sort((a, b) => a.start - b.start);
  const out: Quantity[] = [];
  const slot = slotFor(ix);
  const word = (t: number) => (t < seg.tokenCount ? words.text[t]! : '');
  const lower = (t: number) => (t < seg.tokenCount ? words.lower[t]! : '');
  const phrase = (t: number, n: number) => {
    const w: string[] = [];
    for (let k = 0; k < n; k++) w.push(lower(t + k));
    return w.join(' ');
  };
  let tx = 0; // timex sorted by start; the first that may still cover the current token
  for (let t = 0; t < seg.tokenCount; t++) {
    let value: number | null = null;
    let vague = false;
    let last = t;
    // Vague quantities and multiword units, longest first.
    const opens = seg.tokenKind[t] !== TokenKind.Number && ix.phraseStarts.has(lower(t));
    for (let n = opens ? ix.maxWords : 0; n >= 1 && value === null; n--) {
      const p = phrase(t, n);
      const v = ix.vague.get(p);
      if (v !== undefined) {
        value = v;
        vague = true;
        last = t + n - 1;
      } else if (n > 1 && ix.units.has(p)) {
        value = ix.units.get(p)!;
        last = t + n - 1;
      }
    }
    if (value === null) {
      const w = word(t);
      if (seg.tokenKind[t] === TokenKind.Number && /^\d[\d,]*(?:\.\d+)?$/.test(w)) {
        value = Number(w.replace(/,/g, ''));
        last = t;
      } else {
        const memo = words.types[t]!.memo;
        let v = memo[slot] as number | null | undefined;
        if (v === undefined) memo[slot] = v = numberWordValue(words.lower[t]!, ix);
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
    for (let n = 3; n >= 1; n--) {
      if (t - n < 0) continue;
      const q = ix.qualifiers.get(phrase(t - n, n));
      if (q) {
        qualifier = q;
        qStart = seg.tokenStart[t - n]!;
        break;
      }
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
      for (let s = 0; s < seg.sentenceCount; s++) markCasualties(quantities, seg, lower, seg.sentenceTokenStart[s]!, seg.sentenceTokenStart[s + 1]!);
      doc.layers.set(NUMBERS, quantities);
    },
  };
}
