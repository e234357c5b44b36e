// Reporting cues ("said", "pointed out", "vowed", "according to") found in the tokens of the text, with
// what the cue's lexicon entry allows: the complements it takes and whether it is a speech act by itself.
import { ShapeFilter } from '../words/shape-filter.ts';
import { firstIndexNotBefore } from '../../core/search.ts';
import { firstPhraseAt, indexByFirstWord } from '../../core/phrases.ts';

export interface CueDefinition {
  forms: string[];
  complements: ('clause' | 'inf' | 'obj')[];
  addressee?: boolean;
  speech?: boolean;
  belief?: boolean;
  quoteOnly?: boolean;
  /** The clause must open with "that" ("found that …", "showed that …"): without it the verb takes an
   *  object ("found a rocket"). */
  thatOnly?: boolean;
  channel?: string;
}

export interface ReportingLexicon {
  verbs: CueDefinition[];
  according: string[];
  channels: { pattern: string; channel: string }[];
}

/** A form of a reporting verb, or an "according" phrase, as its lower-case words. */
export interface CueForm {
  words: string[];
  /** The verb's definition; null for an "according" phrase. */
  def: CueDefinition | null;
}

export interface CueIndex {
  /** Lower-case word sequence -> definition; longest first when matching. */
  forms: Map<string, CueDefinition>;
  /** First words of the forms and of the "according" phrases. */
  firstWords: Set<string>;
  /** The forms and "according" phrases by their first word, longest first and, of one length, a form
   *  before a phrase: the first that matches at a token is the cue there. */
  byFirstWord: Map<string, CueForm[]>;
  /** The second words of the two-word "according" phrases, by their first word. */
  accordingSecond: Map<string, Set<string>>;
  /** Rules most other tokens out as first words from the text alone (null: it cannot for these words). */
  firstWordShapes: ShapeFilter | null;
  maxWords: number;
  according: Set<string>;
  channels: { re: RegExp; channel: string }[];
  /** Matches where any of the channels' patterns matches: one search rules them all out (null when the
   *  patterns cannot be joined without changing what they match). */
  anyChannel: RegExp | null;
}

// Joined in one alternation, a pattern's back-references would count the groups of the patterns before it,
// and two named groups of the same name clash.
const GROUP_REFERENCES = /\\[1-9]|\\k<|\(\?<(?![=!])/;

export function buildCueIndex(lex: ReportingLexicon): CueIndex {
  const forms = new Map<string, CueDefinition>();
  let maxWords = 1;
  for (const v of lex.verbs) {
    for (const f of v.forms) {
      forms.set(f, v);
      maxWords = Math.max(maxWords, f.split(' ').length);
    }
  }
  for (const a of lex.according) maxWords = Math.max(maxWords, a.split(' ').length);
  const firstWords = new Set([...forms.keys(), ...lex.according].map((f) => f.split(' ')[0]!));
  // Tokens hold no space, so a cue of n words is n tokens that are its words one by one.
  // Of one length, the forms (listed first) stay before the phrases.
  const cueForms: CueForm[] = [...forms].map(([f, def]) => ({ words: f.split(' '), def }));
  for (const a of new Set(lex.according)) if (!forms.has(a)) cueForms.push({ words: a.split(' '), def: null });
  const byFirstWord = indexByFirstWord(cueForms);
  const accordingSecond = new Map<string, Set<string>>();
  for (const a of lex.according) {
    const words = a.split(' ');
    if (words.length !== 2) continue;
    const set = accordingSecond.get(words[0]!) ?? new Set<string>();
    set.add(words[1]!);
    accordingSecond.set(words[0]!, set);
  }
  return {
    forms,
    firstWords,
    byFirstWord,
    accordingSecond,
    firstWordShapes: ShapeFilter.of(firstWords),
    maxWords,
    according: new Set(lex.according),
    channels: lex.channels.map((c) => ({ re: new RegExp(c.pattern, 'i'), channel: c.channel })),
    anyChannel: lex.channels.length && !lex.channels.some((c) => GROUP_REFERENCES.test(c.pattern)) ? new RegExp(lex.channels.map((c) => `(?:${c.pattern})`).join('|'), 'i') : null,
  };
}

export interface Cue {
  /** Token range of the cue words. */
  first: number;
  last: number;
  text: string;
  def: CueDefinition | null;
  /** "according to X": the speaker follows the cue. */
  according: boolean;
  sentence: number;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'these', 'those', 'this', 'that', 'such', 'no', 'any', 'whose']);

/** Cues in tokens [from, to) given their lower-case words; skips tokens inside `blocked` (quotations,
 *  names: "Secretary of State" holds no verb) and nouns ("its demands", "the statement").
 *  `mayOpen(t)` is a quick test that may rule a token out as a cue's first word (see firstWordShapes). */
export function findCues(lower: (t: number) => string, from: number, to: number, index: CueIndex, blocked: (t: number) => boolean, sentence: number, text: (a: number, b: number) => string, mayOpen: (t: number) => boolean = () => true): Cue[] {
  const out: Cue[] = [];
  for (let t = from; t < to; t++) {
    if (!mayOpen(t)) continue;
    const candidates = index.byFirstWord.get(lower(t));
    if (candidates === undefined || blocked(t)) continue;
    if (t > from && DETERMINERS.has(lower(t - 1)) && !index.accordingSecond.get(lower(t))?.has(lower(t + 1))) continue;
    const matched = firstPhraseAt(candidates, lower, t, to);
    if (matched === null) continue;
    const last = t + matched.words.length - 1;
    out.push({ first: t, last, text: text(t, last), def: matched.def, according: matched.def === null, sentence });
    t = last;
  }
  return out;
}

/** The index of the first cue whose first token is at or after `token`, in cues in text order
 *  (cues.length when there is none). */
export function firstCueFrom(cues: readonly Cue[], token: number): number {
  return firstIndexNotBefore(cues.length, (i) => cues[i]!.first < token);
}
