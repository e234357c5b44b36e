// Event triggers: the words and phrases of data/lexicons/event-triggers.json found in a sentence, with
// a guess of their part of speech (a strike can be a noun, "a US drone strike", or a verb, "they strike").
import type { PloverType } from '../../core/record.ts';
import type { WordType } from '../../core/document.ts';
import { triggersOpenedBy, W } from './word-classes.ts';

export interface TriggerDefinition {
  type: PloverType;
  verbs?: string[];
  nouns?: string[];
  phrases?: string[];
  objects?: string[];
  light?: boolean;
  complements?: string[];
  mode?: string;
  needsNumber?: boolean;
  'objects-for'?: Record<string, string[]>;
}

export interface TriggerLexicon {
  triggers: TriggerDefinition[];
  modes: Record<string, string>;
}

export interface TriggerEntry {
  def: TriggerDefinition;
  pos: 'verb' | 'noun' | 'phrase';
  words: string[];
  /** For light verbs and restricted verbs: the nouns they must govern. */
  objects: Set<string> | null;
  /** A verb with a noun of its type, first word and length, or a noun with such a verb ("strike"):
   *  which of the two a token is depends on its context. */
  twin: boolean;
}

export interface TriggerIndex {
  byFirst: Map<string, TriggerEntry[]>;
  modes: Map<string, string>;
  /** First words of the two-word mode cues ("would be"): only after one is a two-word key built. */
  modePairStarts: Set<string>;
  nounWords: Set<string>;
}

export function buildTriggerIndex(lex: TriggerLexicon): TriggerIndex {
  const byFirst = new Map<string, TriggerEntry[]>();
  const nounWords = new Set<string>();
  const add = (e: TriggerEntry) => {
    const list = byFirst.get(e.words[0]!) ?? [];
    list.push(e);
    byFirst.set(e.words[0]!, list);
  };
  for (const def of lex.triggers) {
    for (const v of def.verbs ?? []) {
      const stem = Object.keys(def['objects-for'] ?? {}).find((k) => v.startsWith(k));
      const objects = def.objects ? new Set(def.objects) : stem ? new Set(def['objects-for']![stem]) : null;
      add({ def, pos: 'verb', words: v.split(' '), objects, twin: false });
    }
    for (const n of def.nouns ?? []) {
      add({ def, pos: 'noun', words: n.split(' '), objects: null, twin: false });
      nounWords.add(n.split(' ').pop()!);
    }
    for (const p of def.phrases ?? []) add({ def, pos: 'phrase', words: p.split(' '), objects: null, twin: false });
  }
  for (const list of byFirst.values()) {
    list.sort((a, b) => b.words.length - a.words.length);
    const other = { verb: 'noun', noun: 'verb', phrase: null } as const;
    for (const e of list) e.twin = list.some((c) => c.pos === other[e.pos] && c.words.length === e.words.length && c.def.type === e.def.type);
  }
  const modes = new Map(Object.entries(lex.modes));
  const modePairStarts = new Set([...modes.keys()].filter((k) => k.includes(' ')).map((k) => k.slice(0, k.indexOf(' '))));
  return { byFirst, modes, modePairStarts, nounWords };
}

export interface TriggerHit {
  first: number;
  last: number;
  entry: TriggerEntry;
}

const DETERMINERS = /^(?:a|an|the|its|his|her|their|our|this|that|these|those|any|every|each|no|another|such|recent|further|new|more|fresh|repeated|multiple|several|dozens|hundreds|many|deadly|first|second|latest|last|major|massive|large-scale|retaliatory|joint|alleged|suspected|surprise|brutal|atrocious|relentless|intensified|historic)$/i;

/**
 * Triggers among tokens [from, to): `types` are the tokens' words, `lowerWords` their lower-case forms
 * and `classes` their word classes (word-classes.ts), `blocked(t)` excludes names, `named(t)` tells a
 * token of a name or nationality ("the US strike", "an Israeli raid").
 */
export function findTriggers(types: readonly WordType[], lowerWords: readonly string[], classes: Uint32Array, from: number, to: number, index: TriggerIndex, blocked: (t: number) => boolean, named: (t: number) => boolean = () => false): TriggerHit[] {
  const out: TriggerHit[] = [];
  for (let t = from; t < to; t++) {
    if (!(classes[t]! & W.opensTrigger)) continue;
    const candidates = triggersOpenedBy(types[t]!, index);
    if (!candidates || blocked(t)) continue;
    let hit: TriggerHit | null = null;
    // Found when a word that is both a verb and a noun first needs it.
    let nounContext: boolean | undefined;
    for (const entry of candidates) {
      const n = entry.words.length;
      if (t + n > to) continue;
      let ok = true;
      for (let k = 1; k < n; k++) if (lowerWords[t + k] !== entry.words[k]) ok = false;
      if (!ok) continue;
      if (entry.twin) {
        const prev = t > from ? lowerWords[t - 1]! : '';
        nounContext ??= isNounContext(lowerWords, from, t, named);
        if (entry.pos === 'verb' && nounContext) continue;
        if (entry.pos === 'noun' && !nounContext && !/^(?:of|in|and|or|for|by|with|on)$/.test(prev) && prev !== '') continue;
      }
      hit = { first: t, last: t + n - 1, entry };
      break;
    }
    if (hit) {
      out.push(hit);
      t = hit.last;
    }
  }
  return out;
}

// A word that is both a verb and a noun is a noun after a determiner, a number, a possessive or a
// compound word; also after adjectives that follow one ("Washington's unconditional support", "the
// relentless Israeli offensives").
function isNounContext(lowerWords: readonly string[], from: number, t: number, named: (t: number) => boolean): boolean {
  const prev = t > from ? lowerWords[t - 1]! : '';
  if (DETERMINERS.test(prev) || /^\d/.test(prev) || /['’]s$/.test(prev) || prev === 'drone' || prev === 'missile' || prev === 'air') return true;
  // A name between a determiner and the word: "the US strike", "a Hezbollah attack".
  if (t > from && named(t - 1)) {
    let k = t - 1;
    while (k > from && named(k - 1)) k--;
    if (k > from && (DETERMINERS.test(lowerWords[k - 1]!) || /^(?:of|in|after|by|for|with|on|and)$/.test(lowerWords[k - 1]!))) return true;
  }
  for (let k = t - 2; k >= Math.max(from, t - 4); k--) {
    const w = lowerWords[k]!;
    if (DETERMINERS.test(w) || /^['’]s$/.test(w)) {
      if (/^[a-z-]+$/.test(lowerWords[k + 1]!) && /(?:al|ous|ive|ful|ent|ant|ic|ed|less|ing|ish|an|ern|i)$/.test(prev)) return true;
    } else if (!/^[a-z-]+$/.test(w)) break;
  }
  return false;
}
