// Rule: phrases of the framing lexicons, longest first. A modifier ("atrocious", "so-called") runs on
// over coordinated modifiers to the word it qualifies ("brutal and treacherous attacks"); a label takes
// its article ("the usurping regime").
import type { Candidate, FramingContext } from '../context.ts';
import { FUNCTION_WORDS } from '../context.ts';
import type { PhraseEntry } from '../lexicon.ts';
import { firstPhraseAt } from '../../../core/phrases.ts';

export function lexiconPhrases(ctx: FramingContext): Candidate[] {
  const out: Candidate[] = [];
  const n = ctx.seg.tokenCount;
  for (let t = 0; t < n; t++) {
    const entry = matchAt(ctx, t);
    if (!entry) continue;
    let first = t;
    let last = t + entry.words.length - 1;
    let neutral = entry.neutral ?? null;
    if (entry.modifier) {
      const head = modifiedHead(ctx, last);
      if (head.last > last) {
        const headEntry = matchAt(ctx, head.headFirst);
        const rest = ctx.text.slice(ctx.seg.tokenStart[head.headFirst]!, ctx.seg.tokenEnd[head.last]!);
        neutral = headEntry && !headEntry.modifier && headEntry.neutral ? headEntry.neutral : entry.neutral === '' ? rest : neutral;
        last = head.last;
      } else if (entry.neutral === '') {
        // A predicate adjective ("the attack was brutal") has no neutral word of its own.
        neutral = null;
      }
    }
    if (entry.category === 'name-calling' && ctx.lower[t - 1] === 'the' && entry.words[0] !== 'the') first = t - 1;
    out.push({ first, last, category: entry.category, neutral: neutral === '' ? null : neutral, refersTo: entry.refersTo ?? null, curated: entry.curated, weight: entry.weight, rule: 'lexicon' });
    t = Math.max(t, last);
  }
  return out;
}

/** The longest lexicon phrase at token t, or null. This rule and the token model's lexicon cover both ask
 *  at every token: the phrases are matched once per document. */
export function matchAt(ctx: FramingContext, t: number): PhraseEntry | null {
  if (t < 0 || t >= ctx.seg.tokenCount) return null;
  return (ctx.longestPhrases ??= longestPhrases(ctx))[t]!;
}

function longestPhrases(ctx: FramingContext): (PhraseEntry | null)[] {
  const n = ctx.seg.tokenCount;
  const out = new Array<PhraseEntry | null>(n).fill(null);
  const word = (k: number) => ctx.lower[k]!;
  for (let t = 0; t < n; t++) {
    const list = ctx.phrasesFrom[t];
    if (list) out[t] = firstPhraseAt(list, word, t, n);
  }
  return out;
}

// The words a modifier qualifies: more modifiers joined by "and" or commas, then a noun.
function modifiedHead(ctx: FramingContext, modifierLast: number): { headFirst: number; last: number } {
  let k = modifierLast + 1;
  for (;;) {
    const w = ctx.lower[k];
    if (w === undefined) return { headFirst: k, last: modifierLast };
    if ((w === 'and' || w === ',') && isModifier(ctx, k + 1)) {
      k += 2;
      continue;
    }
    if (isModifier(ctx, k)) {
      k++;
      continue;
    }
    break;
  }
  const headFirst = k;
  const w = ctx.lower[k] ?? '';
  if (!/^[\p{L}][\p{L}'-]*$/u.test(w) || FUNCTION_WORDS.has(w) || /(?:ly)$/.test(w)) return { headFirst, last: modifierLast };
  // A compound noun runs on while its words are singular nouns ("so-called peace plan", "terrorist
  // attack"): it ends at a plural, a verb form or a function word ("Israeli crimes in Gaza").
  let last = k;
  while (last < k + 2 && !/s$/.test(ctx.lower[last]!) && isCompoundPart(ctx.lower[last + 1])) last++;
  return { headFirst, last };
}

function isCompoundPart(w: string | undefined): boolean {
  return w !== undefined && /^[a-z][a-z-]*$/.test(w) && !FUNCTION_WORDS.has(w) && !/(?:ed|ing|ly)$/.test(w) && !/^(?:is|are|was|were|continue|continues|remain|remains|has|have|will|would|can|could|must|may|should|said|says|against|during|since|through|until|while|where|when)$/.test(w);
}

function isModifier(ctx: FramingContext, t: number): boolean {
  const e = matchAt(ctx, t);
  return e !== null && e.modifier === true && e.words.length === 1;
}
