// Sentence boundaries over the tokens of one paragraph. A boundary follows . ! ? … (with any closing
// quotes or brackets after it) when the next token opens a sentence (capital, digit, opening quote or
// bracket). Titles (Gen., Lt.), initials (F.) and inner abbreviations never end a sentence; months do
// not before a number (Jan. 3); terminal abbreviations (U.S., Inc.) only before a typical opener.

export interface Abbreviations {
  title: Set<string>;
  month: Set<string>;
  inner: Set<string>;
  terminal: Set<string>;
  openers: Set<string>;
}

export function parseAbbreviations(abbreviations: string, openers: string): Abbreviations {
  const out: Abbreviations = { title: new Set(), month: new Set(), inner: new Set(), terminal: new Set(), openers: new Set() };
  for (const line of abbreviations.split('\n')) {
    const m = /^(title|month|inner|terminal):\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    for (const w of m[2]!.split(/\s+/).filter(Boolean)) out[m[1] as 'title'].add(w);
  }
  for (const line of openers.split('\n')) {
    if (line.startsWith('#')) continue;
    for (const w of line.split(/\s+/).filter(Boolean)) out.openers.add(w);
  }
  return out;
}

const CLOSERS = new Set([0x22, 0x27, 0x201d, 0x2019, 0xbb, 0x29, 0x5d, 0x203a]);
const OPENERS_PUNCT = new Set([0x22, 0x27, 0x201c, 0x2018, 0xab, 0x28, 0x5b, 0x2039, 0x2014, 0x2013]);

interface Tokens {
  start: Uint32Array;
  end: Uint32Array;
  count: number;
}

/** Pushes sentence [start, end) offsets for paragraph tokens [from, to) and returns sentence token starts. */
export function splitSentences(
  text: string,
  tok: Tokens,
  from: number,
  to: number,
  abbr: Abbreviations,
  out: (firstToken: number, lastToken: number) => void,
): void {
  if (from >= to) return;
  let sentenceFirst = from;
  for (let i = from; i < to; i++) {
    const s = tok.start[i]!;
    const e = tok.end[i]!;
    const c = text.charCodeAt(e - 1);
    const isTerminalPunct = (e - s >= 1 && (c === 46 || c === 33 || c === 63 || c === 0x2026)) && isPunctOnly(text, s, e);
    const wordWithPeriod = !isTerminalPunct && c === 46 && e - s > 1; // an initialism such as U.S.
    if (!isTerminalPunct && !wordWithPeriod) continue;
    // Extend over closing quotes/brackets and further terminal marks ("?!", '."', ".)").
    let last = i;
    while (last + 1 < to) {
      const ns = tok.start[last + 1]!;
      if (ns !== tok.end[last]!) break;
      const nc = text.charCodeAt(ns);
      if (CLOSERS.has(nc) || nc === 46 || nc === 33 || nc === 63 || nc === 0x2026) last++;
      else break;
    }
    const next = last + 1;
    if (next >= to) break;
    const ns = tok.start[next]!;
    if (ns === tok.end[last]!) continue; // no space: "3.5", "U.S.-led"
    if (!opensSentence(text, ns)) continue;
    if (c === 46 && !isBoundaryAfterPeriod(text, tok, i, next, wordWithPeriod, abbr)) continue;
    out(sentenceFirst, last);
    sentenceFirst = next;
    i = last;
  }
  out(sentenceFirst, to - 1);
}

function isPunctOnly(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) return false;
  }
  return true;
}

function opensSentence(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 65 && c <= 90) return true;
  if (c >= 48 && c <= 57) return true;
  if (OPENERS_PUNCT.has(c)) return true;
  if (c >= 128) return /[\p{Lu}\p{Lo}]/u.test(text[at]!);
  return false;
}

function isBoundaryAfterPeriod(text: string, tok: Tokens, i: number, next: number, wordWithPeriod: boolean, abbr: Abbreviations): boolean {
  // The word the period belongs to: the token itself (U.S.) or the one right before it (Gen .).
  let word: string;
  if (wordWithPeriod) {
    word = text.slice(tok.start[i]!, tok.end[i]! - 1);
  } else {
    if (i === 0 || tok.end[i - 1]! !== tok.start[i]!) return true;
    word = text.slice(tok.start[i - 1]!, tok.end[i - 1]!);
    if (tok.end[i]! - tok.start[i]! > 1) return true; // "..." after a word: an ellipsis, treat as end
  }
  if (abbr.title.has(word) || abbr.inner.has(word)) return false;
  const nextWord = text.slice(tok.start[next]!, tok.end[next]!);
  if (abbr.month.has(word)) return !/^\d/.test(nextWord);
  // A single capital letter is an initial (John F. Kennedy), not an end.
  if (word.length === 1 && word >= 'A' && word <= 'Z') return false;
  if (abbr.terminal.has(word) || wordWithPeriod) return abbr.openers.has(nextWord);
  return true;
}
