// Features of the named-entity tagger, shared by training (scripts/train-ner.ts) and tagging, so that
// both see exactly the same strings. Word features depend on the word alone and are cached per word type
// at tagging time; context features look at the neighbours; history features at the tags already chosen.
import type { WordType } from '../../../core/document.ts';

/** Compressed word shape: Kabul -> Xx, IRGC -> X, 33,634 -> d,d, al-Muhandis -> x-Xx, U.S. -> X.X. */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length && out.length < 8; i++) {
    const ch = word[i]!;
    let c: string;
    if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch.toUpperCase()) c = ch === ch.toUpperCase() ? 'X' : 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

export function lowerWord(word: string): string {
  return word.toLowerCase().replace(/\d/g, '0').replace(/[’‘`´]/g, "'");
}

/** Features of the word itself; `cluster` is its word class (clusters.ts, -1 for a rare word), left
 *  out when the model uses no classes. */
export function wordFeatures(word: string, cluster?: number): string[] {
  const lw = lowerWord(word);
  const f = [`w=${lw}`, `sh=${wordShape(word)}`];
  if (cluster !== undefined) f.push(`c=${cluster}`);
  if (/^\p{Lu}/u.test(word)) f.push(`wc=${word}`);
  const n = lw.length;
  if (n > 2) f.push(`p3=${lw.slice(0, 3)}`, `s3=${lw.slice(-3)}`);
  if (n > 3) f.push(`s4=${lw.slice(-4)}`, `p4=${lw.slice(0, 4)}`);
  f.push(`s2=${lw.slice(-2)}`);
  if (/^(?:al|el|Al|El)-/.test(word)) f.push('arabic-article');
  if (/^(?:Abu|Abou|Umm|Bin|bin|Ibn|ibn)$/.test(word)) f.push('arabic-kunya');
  if (word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word)) f.push('allcaps');
  return f;
}

export interface SentenceView {
  words: readonly string[];
  /** The words as shared word types, when known: the tagger memoises what it looks up on them. */
  types?: readonly WordType[];
  /** Knowledge-base gazetteer label per token ('' when none): B-PLACE, I-ORG, ... */
  gaz: readonly string[];
  /** Whether token i opens its sentence (its capital letter then says less). */
  initial?: readonly boolean[];
  /** Whether token i is a common English word in lower case (then a capital says less). */
  common?: readonly boolean[];
  /** When given, 1 where a name can start (a capitalised word or a number): tokens away from these
   *  are decoded as O without being scored (tokenMode() in perceptron.ts). */
  cap?: Uint8Array;
  /** Word class per token (-1 when none); absent when the model uses no classes. */
  classes?: readonly number[];
  /** When given, 1 where the word's first character may be a capital (A-Z or beyond ASCII), read from the
   *  text: the document history is given only those words, without reading every word's string. */
  mayBeCapital?: Uint8Array;
}

/** Features that look at the neighbours (independent of tags). */
export function contextFeatures(s: SentenceView, i: number): string[] {
  const w = s.words;
  const lw = (k: number) => (k < 0 ? '<s>' : k >= w.length ? '</s>' : lowerWord(w[k]!));
  const sh = (k: number) => (k < 0 ? '<s>' : k >= w.length ? '</s>' : wordShape(w[k]!));
  const f = [
    `w-1=${lw(i - 1)}`, `w+1=${lw(i + 1)}`, `w-2=${lw(i - 2)}`, `w+2=${lw(i + 2)}`,
    `sh-1=${sh(i - 1)}|${sh(i)}`, `sh+1=${sh(i)}|${sh(i + 1)}`,
    `w-1w=${lw(i - 1)}|${lw(i)}`, `ww+1=${lw(i)}|${lw(i + 1)}`,
    `sh3=${sh(i - 1)}|${sh(i)}|${sh(i + 1)}`, `w+1w+2=${lw(i + 1)}|${lw(i + 2)}`, `w-2w-1=${lw(i - 2)}|${lw(i - 1)}`,
  ];
  if (s.classes) {
    const c = (k: number) => (k < 0 ? '<s>' : k >= w.length ? '</s>' : String(s.classes![k]!));
    f.push(`c-1=${c(i - 1)}`, `c+1=${c(i + 1)}`, `cc+1=${c(i)}|${c(i + 1)}`, `c-2=${c(i - 2)}`, `c+2=${c(i + 2)}`, `c-1c=${c(i - 1)}|${c(i)}`);
  }
  if (i === 0 || s.initial?.[i]) f.push(`initial|${sh(i)}`);
  if (s.common?.[i]) f.push(`common|${sh(i)}`);
  const g = s.gaz[i] ?? '';
  if (g) f.push(`g=${g}`);
  if (i > 0 && s.gaz[i - 1]) f.push(`g-1=${s.gaz[i - 1]}`);
  if (i + 1 < s.gaz.length && s.gaz[i + 1]) f.push(`g+1=${s.gaz[i + 1]}`);
  return f;
}

/** Features of the tag history. */
export function historyFeatures(prev: string, lowerCurrent: string, lowerNext = ''): string[] {
  return [`t-1=${prev}`, `t-1w=${prev}|${lowerCurrent}`, `t-1w+1=${prev}|${lowerNext}`];
}

// A label's class ("B-PERSON" -> "PERSON") and a class's history feature ("dh=PERSON"), kept per string:
// the history records every capitalised word, and labels and classes are few.
const labelClasses = new Map<string, string>();
const dhFeatures = new Map<string, string>();

function classOfLabel(label: string): string {
  let cls = labelClasses.get(label);
  if (cls === undefined) labelClasses.set(label, (cls = label === 'O' ? 'O' : label.slice(2)));
  return cls;
}

function historyFeatureOf(cls: string): string {
  let f = dhFeatures.get(cls);
  if (f === undefined) dhFeatures.set(cls, (f = `dh=${cls}`));
  return f;
}

/** Labels the tagger gave a capitalised word earlier in the same document (a non-local feature). */
export class DocumentHistory {
  private readonly counts = new Map<string, HistoryEntry>();

  /** The entity class most often given to this word before ("dh=PLACE", "dh=O"), if it was seen. */
  feature(word: string): string | null {
    return this.counts.get(word)?.feature ?? null;
  }

  record(word: string, label: string): void {
    const c0 = word.charCodeAt(0);
    // Only capitalised words: a cheap test first, the Unicode one for non-ASCII letters.
    if (!((c0 >= 65 && c0 <= 90) || (c0 > 127 && /^\p{Lu}/u.test(word)))) return;
    const cls = classOfLabel(label);
    let e = this.counts.get(word);
    if (!e) {
      e = { classes: [], counts: [], feature: '', top: 0 };
      this.counts.set(word, e);
    }
    // A word is given few classes: a scan of two short arrays, in the order the classes were first seen.
    let at = e.classes.indexOf(cls);
    if (at < 0) {
      at = e.classes.length;
      e.classes.push(cls);
      e.counts.push(0);
    }
    const k = ++e.counts[at]!;
    // The majority class, ties to the class seen first; only a count reaching the top can change it.
    if (k >= e.top) {
      e.top = k;
      let best = 0;
      for (let c = 1; c < e.counts.length; c++) if (e.counts[c]! > e.counts[best]!) best = c;
      e.feature = historyFeatureOf(e.classes[best]!);
    }
  }
}

interface HistoryEntry {
  /** The classes the word was given, in the order first seen, and how often each. */
  classes: string[];
  counts: number[];
  /** historyFeatureOf() the majority class, and that class's count. */
  feature: string;
  top: number;
}
