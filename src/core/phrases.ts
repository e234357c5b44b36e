// Phrases as lists of lower-case words, indexed by their first word. The stages that look for the longest
// phrase starting at a token (the framing lexicons, the reporting cues) share this index and its matching.

export interface WordPhrase {
  readonly words: readonly string[];
}

/** Phrases by their first word, each list longest first; phrases of one length keep the order given. */
export function indexByFirstWord<T extends WordPhrase>(phrases: Iterable<T>): Map<string, T[]> {
  const byFirst = new Map<string, T[]>();
  for (const p of phrases) {
    const list = byFirst.get(p.words[0]!);
    if (list) list.push(p);
    else byFirst.set(p.words[0]!, [p]);
  }
  // Array sort is stable: equal lengths stay in the order given.
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
}

/** The first of `candidates` (the list of the word at `at`, from indexByFirstWord()) whose further words
 *  are the words after `at`, all before `end`; `word(k)` is the word at position k. */
export function firstPhraseAt<T extends WordPhrase>(candidates: readonly T[], word: (k: number) => string, at: number, end: number): T | null {
  for (const c of candidates) {
    const n = c.words.length;
    if (at + n > end) continue;
    let k = 1;
    while (k < n && word(at + k) === c.words[k]) k++;
    if (k === n) return c;
  }
  return null;
}
