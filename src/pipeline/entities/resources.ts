// What the entity stage knows: the knowledge base, the tagger model and the lexicons, built from data.
import { nameKeys, type KnowledgeBase } from '../../kb/index.ts';
import type { TaggerModel } from './tagger/perceptron.ts';
import { ShapeFilter } from '../words/shape-filter.ts';

export interface RoleConstraint {
  offices?: string[];
  kinds?: string[];
  inName?: boolean;
}

export interface RoleDefinition {
  nouns: string[];
  type: string;
  require?: RoleConstraint;
  prefer?: RoleConstraint;
}

export interface CorefLexicon {
  pronouns: Record<string, string[]>;
  roles: RoleDefinition[];
  modifiers: string[];
}

/** Which parts of recognition run (all by default); the NER ablation switches them off one by one. */
export interface RecognitionParts {
  kb: boolean;
  tagger: boolean;
  rules: boolean;
}

export interface EntityResources {
  parts: RecognitionParts;
  kb: KnowledgeBase;
  tagger: TaggerModel | null;
  /** Person titles as token-key sequences ("brigadier general"), longest first. */
  titles: PhraseSet;
  /** Every word of the titles, lower case ("brigadier", "general", "gen"). */
  titleWords: Set<string>;
  /** Words that open sentences and never a name there ("The", "However"): the tagger leaves them unscored. */
  sentenceOpeners: Set<string>;
  /** First words of the nationalities of more than one word ("Sri" of "Sri Lankan"). */
  demonymStarts: Set<string>;
  commonWords: Set<string>;
  /** One-word forms of reporting verbs ("said", "told"): a capitalised word next to one is a speaker. */
  speechVerbs: Set<string>;
  heads: { FAC: PhraseSet; LOC: PhraseSet; ORG: PhraseSet };
  /** Nouns with which a nationality names its state's forces ("American forces"). */
  forceNouns: PhraseSet;
  /** Labels that name an entity ("zionist entity" -> israel), keyed by lower-case token keys. */
  labels: LabelIndex;
  coref: {
    pronouns: Map<string, string[]>;
    /** Role noun (lower-case token keys joined by spaces) -> its definition. */
    roles: Map<string, RoleDefinition>;
    roleSet: PhraseSet;
    modifiers: Set<string>;
    /** Rules out, from a token's letters in the text, the words that open no reference (neither a
     *  pronoun nor "the"); null when a pronoun is not plain lower-case ASCII and the test cannot apply. */
    openers: ShapeFilter | null;
    /** Rules out, likewise, the words that are not modifiers; null when the test cannot apply. */
    modifierShapes: ShapeFilter | null;
  };
}

export interface LabelNode {
  next: Map<string, LabelNode>;
  /** The entity a label ending here names. */
  refersTo: string | null;
}

export class LabelIndex {
  /** The labels as a trie over lower-case token keys, walked word by word from a position. */
  readonly root: LabelNode = { next: new Map(), refersTo: null };
  /** First words of the labels, to skip positions where none can start. */
  readonly firstWords = new Set<string>();
  /** Distinct labels. */
  size = 0;

  constructor(entries: { text: string; refersTo?: string | null }[]) {
    for (const e of entries) {
      if (!e.refersTo) continue;
      const keys = nameKeys(e.text).map((k) => k.toLowerCase());
      if (!keys.length) continue;
      let node = this.root;
      for (const k of keys) {
        let next = node.next.get(k);
        if (!next) node.next.set(k, (next = { next: new Map(), refersTo: null }));
        node = next;
      }
      if (!node.refersTo) this.size++;
      node.refersTo = e.refersTo;
      this.firstWords.add(keys[0]!);
    }
  }
}

/** A set of phrases as sequences of token keys, for matching at a token position (longest first). Two
 *  tries, one over the words in order and one over them backwards, find the longest phrase starting or
 *  ending at a position in one walk, without joining candidate keys into strings. */
export class PhraseSet {
  private readonly phrases = new Set<string>();
  private readonly forward: PhraseNode = newPhraseNode();
  private readonly backward: PhraseNode = newPhraseNode();
  readonly maxLength: number;

  constructor(phrases: Iterable<string>) {
    let max = 1;
    for (const p of phrases) {
      const keys = nameKeys(p).map((k) => k.toLowerCase());
      if (!keys.length) continue;
      this.phrases.add(keys.join(' '));
      insertPhrase(this.forward, keys);
      insertPhrase(this.backward, [...keys].reverse());
      max = Math.max(max, keys.length);
    }
    this.maxLength = max;
  }

  has(keys: readonly string[]): boolean {
    return this.phrases.has(keys.join(' '));
  }

  /** Length of the longest phrase that ends at keys[end] (looking left), 0 when none. */
  longestEndingAt(keys: readonly string[], end: number): number {
    let node: PhraseNode | undefined = this.backward;
    let best = 0;
    for (let k = end; k >= 0 && (node = node.next.get(keys[k]!)); k--) if (node.ends) best = end - k + 1;
    return best;
  }

  /** Length of the longest phrase that starts at keys[start], 0 when none. */
  longestStartingAt(keys: readonly string[], start: number): number {
    let node: PhraseNode | undefined = this.forward;
    let best = 0;
    for (let k = start; k < keys.length && (node = node.next.get(keys[k]!)); k++) if (node.ends) best = k - start + 1;
    return best;
  }
}

interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** A phrase ends here. */
  ends: boolean;
}

function newPhraseNode(): PhraseNode {
  return { next: new Map(), ends: false };
}

function insertPhrase(root: PhraseNode, keys: readonly string[]): void {
  let node = root;
  for (const k of keys) {
    let next = node.next.get(k);
    if (!next) node.next.set(k, (next = newPhraseNode()));
    node = next;
  }
  node.ends = true;
}

export function buildEntityResources(input: {
  kb: KnowledgeBase;
  tagger: TaggerModel | null;
  titles: string;
  commonWords: string;
  speechVerbs?: string[];
  heads: { FAC: string[]; LOC: string[]; ORG: string[]; forces: string[] };
  labels: { text: string; refersTo?: string | null }[];
  coref: CorefLexicon;
  sentenceOpeners?: Set<string>;
}): EntityResources {
  const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const roles = new Map<string, RoleDefinition>();
  for (const def of input.coref.roles) {
    for (const n of def.nouns) roles.set(nameKeys(n).map((k) => k.toLowerCase()).join(' '), def);
  }
  return {
    parts: { kb: true, tagger: true, rules: true },
    kb: input.kb,
    tagger: input.tagger,
    titles: new PhraseSet(lines(input.titles)),
    titleWords: new Set(lines(input.titles).flatMap((t) => nameKeys(t).map((k) => k.toLowerCase()))),
    commonWords: new Set(lines(input.commonWords)),
    sentenceOpeners: input.sentenceOpeners ?? new Set(),
    demonymStarts: new Set([...input.kb.demonyms.keys()].filter((k) => k.includes(' ')).map((k) => k.slice(0, k.indexOf(' ')))),
    speechVerbs: new Set((input.speechVerbs ?? []).filter((v) => !v.includes(' '))),
    heads: { FAC: new PhraseSet(input.heads.FAC), LOC: new PhraseSet(input.heads.LOC), ORG: new PhraseSet(input.heads.ORG) },
    forceNouns: new PhraseSet(input.heads.forces),
    labels: new LabelIndex(input.labels),
    coref: {
      pronouns: new Map(Object.entries(input.coref.pronouns)),
      openers: ShapeFilter.of([...Object.keys(input.coref.pronouns), 'the']),
      roles,
      roleSet: new PhraseSet(input.coref.roles.flatMap((r) => r.nouns)),
      modifiers: new Set(input.coref.modifiers.map((m) => m.toLowerCase())),
      modifierShapes: ShapeFilter.of(input.coref.modifiers.map((m) => m.toLowerCase())),
    },
  };
}
