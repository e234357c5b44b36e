// Name recognition in one sentence: knowledge-base matches, tagger spans and a few rules, merged into
// non-overlapping mentions.
//
// - KB matches give the id and type; they win over a tagger span they cover or cross.
// - A tagger span that contains KB matches keeps its own extent when it is a longer name (a person with
//   titles keeps the KB link; "Kirkuk Air Base" is a new facility, not the city).
// - A tagger span that touches no KB match is an unlinked mention; its kind comes from its head noun.
// - A single capitalised common word ("Major", "Victory") is a name only when the KB or the tagger with
//   support says so; a lone KB surname is weak until the document names the person in full.
// - "American forces", "Iranian military": a state acting through its forces is the state itself.
// - Labels that name an entity ("the Zionist entity") are mentions of it (data/lexicons/framing/labels).
import { APOSTROPHE, BAR, CLOSE_PAREN, COLON, OPEN_PAREN, RIGHT_SINGLE_QUOTE, SEMICOLON, SLASH } from '../../core/chars.ts';
import { TokenShape, type Segmentation, type WordType, type Words } from '../../core/document.ts';
import { slotFor, wordSlot } from '../words/index.ts';
import type { EntityType } from '../../core/record.ts';
import { ARTICLE_KEY, tokenKey, type AliasMatch } from '../../kb/index.ts';
import { isHyphen } from '../segment/tokenize.ts';
import { monthNumber } from '../../ingest/dates.ts';
import { classLabels, kbClass } from './gazetteer.ts';
import type { EntityResources, LabelNode } from './resources.ts';
import type { DocumentHistory } from './tagger/features.ts';

export interface Mention {
  /** Token range [first, last], document-wide indices. */
  first: number;
  last: number;
  start: number;
  end: number;
  type: EntityType;
  kbId: string | null;
  source: 'kb' | 'tagger' | 'rule' | 'label' | 'coref';
  sentence: number;
  /** First token of the name itself, after titles ("Brigadier General" in front is not the name). */
  nameFirst: number;
  /** A lone KB surname: kept only when the document confirms the entity. */
  weak: boolean;
  /** Cluster index once linked. */
  entity: number;
  /** A fuller surface form of the entity than the span itself ("American forces" for "American"). */
  alias?: string;
  /** Overrides the clustering key of an unlinked mention (variants of one collective name). */
  key?: string;
  /** Refers to the entity without naming it ("American forces" for the United States): not listed among
   *  the entity's mentions, but attributes speech and events to it. */
  silent?: boolean;
}

export interface SentenceTokens {
  sentence: number;
  first: number; // document token index of words[0]
  words: string[];
  keys: string[];
  lower: string[];
  types: WordType[];
  shapes: Uint8Array;
  /** 1 where the word is capitalised (or an "al-X" name part). */
  cap: Uint8Array;
  /** Where a name can be: capitalised words and numbers (the tagger labels the rest O without scoring). */
  nameStart: Uint8Array;
  /** 1 where the word is a nationality (a KB demonym). */
  demonym: Uint8Array;
  /** Whether the word is a common English word. */
  common: boolean[];
  /** Facts of the word that rules test at every token (WordFact bits), read once per word type. */
  facts: Uint16Array;
  /** The character of a one-character token (punctuation), 0 for longer tokens: read from the text. */
  chars: Uint16Array;
  /** 1 where the token's first character is A-Z or beyond ASCII (a capital is possible), from the text. */
  mayBeCapital: Uint8Array;
}

interface Span {
  first: number; // sentence-local
  last: number;
  cls: string; // PERSON, ORG, PLACE, NORP, ...
}

const QUOTE_OR_APOSTROPHE = /^["'“”‘’«»`´]+$/;
const NOT_NAMES = new Set(['nobody', 'everyone', 'everybody', 'someone', 'somebody', 'anyone', 'anybody', 'none', 'all', 'both', 'each', 'many', 'most', 'some', 'several', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'who', 'why', 'how', 'where', 'when', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow']);

/** A word's knowledge-base token key (kb/tokenKey) and that key in lower case, memoised on the word in two
 *  slots of its memo (strings held there directly: no object to reach for them). */
const KEY_SLOT = wordSlot();
const KEY_LOWER_SLOT = wordSlot();

/** A word's KB token key, memoised on the word. */
export function wordKey(type: WordType): string {
  const memo = type.memo;
  let key = memo[KEY_SLOT] as string | undefined;
  if (key === undefined) {
    key = tokenKey(type.text);
    memo[KEY_LOWER_SLOT] = key.toLowerCase();
    memo[KEY_SLOT] = key;
  }
  return key;
}

/** A word's KB token key in lower case, memoised on the word. */
export function wordKeyLower(type: WordType): string {
  wordKey(type);
  return type.memo[KEY_LOWER_SLOT] as string;
}

/** Whether a word is a nationality and whether it is a common English word, memoised on the word as bits
 *  of a small integer (one slot per set of resources: the answers depend on the knowledge base and the
 *  word list). */
const enum WordFact {
  Known = 1,
  Demonym = 2,
  Common = 4,
  /** The first word of a label that names an entity ("the" of "the Zionist entity"). */
  LabelStart = 8,
  /** A one-word reporting verb ("said"). */
  SpeechVerb = 16,
  /** The first word of a nationality of two words ("Sri" of "Sri Lankan"). */
  DemonymStart = 32,
  /** A nationality or a country's name: a state can stand here ("American forces", "Iran's military"). */
  StateName = 64,
  /** Neither a letter nor a digit in the word: punctuation, never the edge of a name. */
  NoLetterOrDigit = 128,
  /** A kunya or nasab word ("Abu", "Umm", "bin"): an Arabic name may be built around it. */
  Kunya = 256,
  /** A key with which a knowledge-base name can begin (KnowledgeBase.mayStartMatch). */
  AliasStart = 512,
  /** The name or an alias of a place (KnowledgeBase.namesPlace). */
  PlaceName = 1024,
}

const NO_LETTER_OR_DIGIT = /^[^\p{L}\p{N}]+$/u;
const KUNYA_WORD = /^(?:Abu|Abou|Umm|Bin|Ibn|bin|ibn)$/;


/** Every token's KB key and facts, computed in one pass over the document's words: sentences then take
 *  slices of these arrays instead of building a dozen arrays of their own. */
export interface DocumentTokens {
  keys: string[];
  lower: string[];
  common: boolean[];
  /** Whether the token opens its sentence. */
  initial: boolean[];
  cap: Uint8Array;
  nameStart: Uint8Array;
  demonym: Uint8Array;
  facts: Uint16Array;
  chars: Uint16Array;
  mayBeCapital: Uint8Array;
}

// The document's token arrays, reused from document to document: the stage's sentences copy their parts
// out, and the document's arrays are no longer read once its sentences are tagged and recognised.
let scratch: DocumentTokens | null = null;

function scratchTokens(n: number): DocumentTokens {
  if (!scratch || scratch.cap.length < n) {
    const size = Math.max(n, (scratch?.cap.length ?? 0) * 2, 1024);
    scratch = {
      keys: scratch?.keys ?? [],
      lower: scratch?.lower ?? [],
      common: scratch?.common ?? [],
      initial: scratch?.initial ?? [],
      cap: new Uint8Array(size),
      nameStart: new Uint8Array(size),
      demonym: new Uint8Array(size),
      facts: new Uint16Array(size),
      chars: new Uint16Array(size),
      mayBeCapital: new Uint8Array(size),
    };
  }
  // Grown by push, so that the arrays stay packed (and so do their slices).
  const { keys, lower, common, initial } = scratch;
  while (keys.length < n) {
    keys.push('');
    lower.push('');
    common.push(false);
    initial.push(false);
  }
  return scratch;
}

/** Every token's KB key and facts (the arrays are reused by the next document: valid until then). */
export function documentTokens(text: string, seg: Segmentation, docWords: Words, res: EntityResources): DocumentTokens {
  const n = seg.tokenCount;
  const doc = scratchTokens(n);
  const { keys, lower, common, initial, cap, nameStart, demonym, facts, chars, mayBeCapital } = doc;
  const slot = slotFor(res);
  const { tokenStart, tokenEnd, tokenShape } = seg;
  // The first token of the current sentence: an apostrophe opening a sentence is not glued to a name.
  let a = 0;
  for (let t = 0, s = 0; t < n; t++) {
    while (s < seg.sentenceCount && seg.sentenceTokenStart[s]! <= t) a = seg.sentenceTokenStart[s++]!;
    const type = docWords.types[t]!;
    const sh = tokenShape[t]!;
    initial[t] = (sh & TokenShape.SentenceStart) !== 0;
    const isCap = sh & (TokenShape.Upper | TokenShape.AllCaps) || ((sh & TokenShape.HasHyphen) && /^(?:al|el)-\p{Lu}/u.test(type.text)) ? 1 : 0;
    cap[t] = isCap;
    nameStart[t] = isCap || (sh & TokenShape.HasDigit) ? 1 : 0;
    const c0 = text.charCodeAt(tokenStart[t]!);
    mayBeCapital[t] = (c0 >= 65 && c0 <= 90) || c0 > 127 ? 1 : 0;
    // An apostrophe glued to a name part ("Shia’ al-Sudani") and parentheses inside a name ("Axis (of
    // Resistance)") are skipped inside a match; no lexicon holds their key. Told from the text, so that
    // the word's string is not read for every token.
    const oneChar = tokenEnd[t]! - tokenStart[t]! === 1;
    chars[t] = oneChar ? c0 : 0;
    if (oneChar && (c0 === OPEN_PAREN || c0 === CLOSE_PAREN || ((c0 === APOSTROPHE || c0 === RIGHT_SINGLE_QUOTE) && t > a && tokenStart[t] === tokenEnd[t - 1]))) {
      keys[t] = ARTICLE_KEY;
      lower[t] = ARTICLE_KEY;
      common[t] = false;
      demonym[t] = 0;
      facts[t] = WordFact.NoLetterOrDigit;
      continue;
    }
    const key = wordKey(type);
    const memo = type.memo;
    const keyLower = memo[KEY_LOWER_SLOT] as string;
    keys[t] = key;
    lower[t] = keyLower;
    let f = memo[slot] as number | undefined;
    if (f === undefined) {
      f = WordFact.Known | (res.kb.demonyms.has(key) ? WordFact.Demonym : 0) | (res.commonWords.has(keyLower) ? WordFact.Common : 0) |
        (res.labels.firstWords.has(keyLower) ? WordFact.LabelStart : 0) | (res.speechVerbs.has(keyLower) ? WordFact.SpeechVerb : 0) |
        (res.demonymStarts.has(key) ? WordFact.DemonymStart : 0) |
        (res.kb.demonyms.has(key) || res.kb.countryNamed(key) !== undefined ? WordFact.StateName : 0) |
        (NO_LETTER_OR_DIGIT.test(type.text) ? WordFact.NoLetterOrDigit : 0) | (KUNYA_WORD.test(type.text) ? WordFact.Kunya : 0) |
        (res.kb.mayStartMatch(key) ? WordFact.AliasStart : 0) | (res.kb.namesPlace(key) ? WordFact.PlaceName : 0);
      memo[slot] = f;
    }
    demonym[t] = f & WordFact.Demonym ? 1 : 0;
    common[t] = (f & WordFact.Common) !== 0;
    facts[t] = f;
  }
  return doc;
}

// Stand-ins until tagSentence() sets a sentence's matches and labels: the object is made with every
// field it will have.
const NOT_YET_MATCHED: AliasMatch[] = [];
const NOT_YET_TAGGED: string[] = [];

/** A sentence's words, their KB keys and facts: slices of the document's. */
function sentenceTokens(seg: Segmentation, docWords: Words, doc: DocumentTokens, sentence: number): TaggedSentence {
  const a = seg.sentenceTokenStart[sentence]!;
  const b = seg.sentenceTokenStart[sentence + 1]!;
  return {
    sentence,
    first: a,
    words: docWords.text.slice(a, b),
    types: docWords.types.slice(a, b),
    keys: doc.keys.slice(a, b),
    lower: doc.lower.slice(a, b),
    shapes: seg.tokenShape.subarray(a, b),
    cap: doc.cap.subarray(a, b),
    nameStart: doc.nameStart.subarray(a, b),
    demonym: doc.demonym.subarray(a, b),
    common: doc.common.slice(a, b),
    facts: doc.facts.subarray(a, b),
    chars: doc.chars.subarray(a, b),
    mayBeCapital: doc.mayBeCapital.subarray(a, b),
    matches: NOT_YET_MATCHED,
    tags: NOT_YET_TAGGED,
    initial: doc.initial.slice(a, b),
  };
}

function capitalised(st: SentenceTokens, i: number): boolean {
  return st.cap[i] === 1;
}

/** A sentence's tokens with its knowledge-base matches and the tagger's labels. */
export interface TaggedSentence extends SentenceTokens {
  matches: AliasMatch[];
  tags: string[];
  /** Whether each token opens its sentence. */
  initial: boolean[];
}

export function tagSentence(seg: Segmentation, docWords: Words, doc: DocumentTokens, sentence: number, res: EntityResources, history?: DocumentHistory): TaggedSentence {
  const st = sentenceTokens(seg, docWords, doc, sentence);
  const { kb } = res;
  const n = st.words.length;
  const { demonym, common } = st;
  const { cap, facts } = st;
  const matches = kb.matchKeys(st.keys, (i) => cap[i] === 1 && (facts[i]! & WordFact.AliasStart) !== 0);
  // Gazetteer labels for the tagger: the KB matches over the demonyms.
  const gaz: string[] = [];
  for (let i = 0; i < n; i++) gaz.push(demonym[i] ? 'B-NORP' : '');
  for (const m of matches) {
    const cls = kbClass(kb.get(m.ids[0]!)!.type);
    const [begin, inside] = classLabels(cls);
    for (let k = m.first; k <= m.last; k++) gaz[k] = k === m.first ? begin : inside;
  }
  st.matches = matches;
  st.tags = res.tagger && res.parts.tagger ? res.tagger.tag({ words: st.words, types: st.types, gaz, initial: st.initial, common, cap: tagStarts(st, res), mayBeCapital: st.mayBeCapital }, history) : new Array<string>(n).fill('O');
  return st;
}

export function recognizeSentence(text: string, seg: Segmentation, st: TaggedSentence, res: EntityResources): Mention[] {
  const { kb } = res;
  const n = st.words.length;
  const { demonym, matches, tags, initial } = st;
  const tagged = mergeKunya(splitAtSeparators(spansOf(tags), st), st);
  // Tagger span index + 1 per token, 0 outside spans.
  const spanAt = scratchSpans(n);
  tagged.forEach((t, k) => {
    for (let i = t.first; i <= t.last; i++) spanAt[i] = k + 1;
  });
  const taggedAt = (i: number) => (spanAt[i]! > 0 ? tagged[spanAt[i]! - 1] : undefined);

  const used = scratchFlags(0, n);
  const mention = (first: number, last: number, type: EntityType, kbId: string | null, source: Mention['source'], weak = false): Mention => {
    // A parenthesis opened inside the name closes inside it too: "Axis (of Resistance)".
    if (last + 1 < n && st.chars[last + 1] === CLOSE_PAREN && st.words.slice(first, last + 1).includes('(')) last++;
    return {
      first: st.first + first,
      last: st.first + last,
      start: seg.tokenStart[st.first + first]!,
      end: seg.tokenEnd[st.first + last]!,
      type,
      kbId,
      source,
      sentence: st.sentence,
      nameFirst: st.first + first,
      weak,
      entity: -1,
      // Set later on some mentions: present from the start, every mention has one shape.
      alias: undefined,
      key: undefined,
      silent: undefined,
    };
  };
  const out: Mention[] = [];
  const claim = (m: Mention) => {
    out.push(m);
    for (let k = m.first; k <= m.last; k++) used[k - st.first] = 1;
  };

  // 0. Names of military operations (events, not entities), labels that name an entity, a state acting
  // through its forces (the span is the state's name, the phrase an alias), collective names.
  const rules = res.parts.rules;
  for (let i = 0; rules && i + 1 < n; i++) {
    // The capital first: most words are rejected without reading their text.
    if (!capitalised(st, i) || !capitalised(st, i + 1) || st.words[i] !== 'Operation') continue;
    let j = i + 1;
    while (j + 1 < n && capitalised(st, j + 1)) j++;
    for (let k = i; k <= j; k++) used[k] = 1;
  }
  // A wire dateline's agency: "TEHRAN, March 4 (Pars Dispatch) -" names a news organisation.
  for (let i = 0; rules && i + 2 < n && i < 12; i++) {
    if (st.chars[i] !== OPEN_PAREN || used[i]) continue;
    let j = i + 1;
    while (j < n && j < i + 6 && st.words[j] !== ')' && capitalised(st, j)) j++;
    if (j === i + 1 || st.words[j] !== ')' || !/^[-—–]$/.test(st.words[j + 1] ?? '')) continue;
    const agency = mention(i + 1, j - 1, 'ORG', null, 'rule');
    agency.key = `ORG:${st.lower.slice(i + 1, j).join(' ')}`;
    claim(agency);
  }
  for (const m of rules ? matchLabels(st, res) : []) claim(mention(m.first, m.last, kb.get(m.id)?.type as EntityType ?? 'GPE', m.id, 'label'));
  for (const m of rules ? stateForces(st, res, used) : []) {
    // Weak: "Yemeni forces" makes Yemen an entity only when the document names Yemen too. With a
    // nationality ("American forces") the words name the state without its name: the mention is silent
    // (kept for attributing speech and events, not listed as a span of the state's name).
    const country = mention(m.first, m.first, 'GPE', m.id, 'rule', true);
    country.alias = text.slice(country.start, seg.tokenEnd[st.first + m.last]!);
    if (res.kb.demonyms.has(st.keys[m.first]!)) {
      country.silent = true;
      country.last = st.first + m.last;
      country.end = seg.tokenEnd[country.last]!;
    }
    claim(country);
    for (let k = m.first; k <= m.last; k++) used[k] = 1;
  }

  const free = (first: number, last: number) => {
    for (let k = first; k <= last; k++) if (used[k]) return false;
    return true;
  };

  // 1. KB matches, filtered. Nationalities and creeds (NORP) are modifiers, never entities here.
  const kbMentions: Mention[] = [];
  const norp = scratchFlags(1, n);
  for (let i = 0; i < n; i++) {
    if (demonym[i]) norp[i] = 1;
    // Nationalities of two words ("Sri Lankan", "Saudi Arabian").
    if (i + 1 < n && (st.facts[i]! & WordFact.DemonymStart) && capitalised(st, i) && kb.demonyms.has(`${st.keys[i]} ${st.keys[i + 1]}`)) norp[i] = norp[i + 1] = 1;
  }
  for (const m of res.parts.kb ? matches : []) {
    if (!free(m.first, m.last)) continue;
    const t = taggedAt(m.first);
    const tagCls = t ? t.cls : 'O';
    const id = m.ids.length === 1 ? m.ids[0]! : (m.ids.find((x) => kbClass(kb.get(x)!.type) === tagCls) ?? m.ids[0]!);
    const e = kb.get(id)!;
    if (e.type === 'NORP') {
      for (let k = m.first; k <= m.last; k++) norp[k] = 1;
      continue;
    }
    if (m.first === m.last) {
      // A word that is both the place's short name and its nationality ("Saudi") is the nationality
      // when a word follows it ("Saudi officials", "Saudi Foreign Minister").
      if ((st.facts[m.first]! & WordFact.Demonym) && kb.demonyms.get(st.keys[m.first]!) === id && m.first + 1 < n && /^\p{L}/u.test(st.words[m.first + 1]!)) {
        norp[m.first] = 1;
        continue;
      }
      const common = st.common[m.first]! && !(st.shapes[m.first]! & TokenShape.AllCaps);
      if (common && (!t || initial[m.first])) continue;
      // A single word that the tagger joins to the next capitalised word is part of a longer name.
      if (t && t.last > m.last && t.first <= m.first && kbClass(e.type) !== t.cls && !kb.demonyms.has(st.keys[m.last + 1] ?? '')) continue;
    }
    // Names are the capitalised part: "Xinhua news agency" -> Xinhua; a nationality and a lower-case
    // institution ("Iraqi government", "US-led coalition") -> the institution noun, the phrase an alias.
    let first = m.first;
    let last = m.last;
    const lowerTail = (k: number) => !capitalised(st, k) && (st.shapes[k]! & TokenShape.Lower) !== 0;
    // The modifier is a nationality, a place name or a name-derived adjective, possibly possessive
    // ("Iraq's parliament", "Gaza civil defence agency", "US-led coalition").
    // A possessive or a hyphenated participle the tokenizer split off ("U.S.-led") belongs to the modifier.
    const attachedHyphen = last > first + 2 && st.words[first + 1] === '-' && seg.tokenEnd[st.first + first] === seg.tokenStart[st.first + first + 1];
    const possessive = last > first + 1 && /^['’]s$/.test(st.words[first + 1]!) ? 1 : attachedHyphen ? 2 : 0;
    let allLowerAfterFirst = last > first + possessive;
    for (let k = first + 1 + possessive; k <= last; k++) if (!lowerTail(k)) allLowerAfterFirst = false;
    // So does a person's name: "the Obama administration" is the government, "Obama" the person.
    const personModifier = m.first < m.last && taggedAt(first)?.cls === 'PERSON' && taggedAt(first)!.last === first;
    const modifier = (st.facts[first]! & (WordFact.Demonym | WordFact.PlaceName)) !== 0 || (st.shapes[first]! & TokenShape.HasHyphen) !== 0 || attachedHyphen || personModifier;
    const descriptive = e.type !== 'FAC' && allLowerAfterFirst && modifier;
    if (descriptive) first += 1 + possessive;
    else if (e.type === 'ORG') while (last > first && lowerTail(last)) last--;
    // The state's name in front of its institution belongs to the name: "U.S. State Department".
    // So does a nationality in front of an organisation of that country or of none ("American Red Cross").
    if (!descriptive && e.type === 'ORG' && first > 0 && !used[first - 1] && capitalised(st, first - 1)) {
      const demonym = kb.demonyms.get(st.keys[first - 1]!);
      const before = demonym ?? countryId(res, st.keys[first - 1]!);
      if (before && (kb.get(before)?.country === e.country || (demonym && !e.country))) first--;
    }
    const km = mention(first, last, e.type as EntityType, id, 'kb', first === last && e.type === 'PERSON');
    if (first !== m.first || last !== m.last) km.alias = text.slice(seg.tokenStart[st.first + m.first]!, seg.tokenEnd[st.first + m.last]!);
    kbMentions.push(km);
  }

  // 1b. Collective names ("Iraqi resistance groups") where no KB name stands.
  for (const k of kbMentions) for (let t = k.first; t <= k.last; t++) used[t - st.first] = 1;
  for (const m of rules ? collectives(st, res, used) : []) {
    const c = mention(m.first, m.last, 'ORG', null, 'rule');
    c.key = m.key;
    claim(c);
  }
  for (const m of rules ? arabicNames(st, used) : []) claim(mention(m.first, m.last, 'PERSON', null, 'rule'));
  for (const k of kbMentions) for (let t = k.first; t <= k.last; t++) used[t - st.first] = 0;
  for (const m of out) for (let t = m.first; t <= m.last; t++) used[t - st.first] = 1;

  // 1c. Speaker slots: capitalised words between a closing quotation mark and a reporting verb
  // ("…,” McCain said), after a reporting verb that follows a quotation ("…,” said Varmus), or opening a
  // transcript turn ("WALLACE: …") name a person.
  for (const m of rules ? speakerSlots(st, res, used) : []) claim(mention(m.first, m.last, 'PERSON', null, 'rule'));
  for (const k of kbMentions) for (let t = k.first; t <= k.last; t++) used[t - st.first] = 0;
  for (const m of out) for (let t = m.first; t <= m.last; t++) used[t - st.first] = 1;

  // 2. Tagger spans against KB matches.
  // The KB mentions that a tagger span replaced; the others stand.
  let dropped = null as Set<Mention> | null;
  const drop = (k: Mention) => (dropped ??= new Set()).add(k);
  for (const t of tagged) {
    if (t.cls !== 'PERSON' && t.cls !== 'ORG' && t.cls !== 'PLACE') continue;
    // Punctuation at the edges is not part of a name; nationality or creed words modify it ("Wahhabi
    // Daesh", "Daesh Takfiri").
    const edge = (k: number) => (st.facts[k]! & WordFact.NoLetterOrDigit) !== 0 || (res.parts.kb && norp[k] === 1) || (k === t.first && (st.words[k] === 'The' || st.words[k] === 'the'));
    while (t.first < t.last && edge(t.first)) t.first++;
    while (t.last > t.first && edge(t.last)) t.last--;
    if (edge(t.first)) continue;
    if (!free(t.first, t.last)) continue;
    if (t.last > t.first && st.words[t.first]!.length === 9 && /^operation$/i.test(st.words[t.first]!)) continue; // a military operation: an event
    const inside: Mention[] = [];
    const crossing: Mention[] = [];
    for (const k of kbMentions) {
      const kFirst = k.first - st.first;
      const kLast = k.last - st.first;
      if (kFirst >= t.first && kLast <= t.last) inside.push(k);
      else if (kFirst <= t.last && kLast >= t.first) crossing.push(k);
    }
    // KB boundaries win, except over a longer name that a KB name's leading article runs into: "The
    // National" (a newspaper) in "The National Assembly".
    const articleOnly = (k: Mention) => k.first - st.first === t.first - 1 && k.last - st.first < t.last && st.lower[t.first - 1] === 'the';
    if (crossing.length && crossing.every(articleOnly) && plausibleName(st, t, res)) {
      for (const k of crossing) drop(k);
      out.push(mention(t.first, t.last, typeOf(t, st, res), null, 'tagger'));
      continue;
    }
    if (crossing.length) continue;
    if (!inside.length) {
      if (plausibleName(st, t, res)) out.push(mention(t.first, t.last, typeOf(t, st, res), null, 'tagger'));
      continue;
    }
    const covered = inside.reduce((s, k) => s + (k.last - k.first + 1), 0);
    const span = t.last - t.first + 1;
    if (covered === span && inside.length === 1) {
      if (inside[0]!.weak && t.cls === 'PERSON') inside[0]!.weak = false; // the tagger confirms the surname
      continue;
    }
    // Capitalised words in front of a KB organisation's name make another organisation ("Liberal
    // Democratic Party"); a nationality or a place there only says whose it is.
    const only = inside.length === 1 ? inside[0]! : null;
    if (rules && t.cls === 'ORG' && only?.type === 'ORG' && only.last - st.first === t.last && only.first - st.first > t.first) {
      let distinct = true;
      let whose = true;
      for (let k = t.first; k < only.first - st.first; k++) {
        const owner = (st.facts[k]! & (WordFact.Demonym | WordFact.PlaceName)) !== 0;
        if (!capitalised(st, k) || owner) distinct = false;
        if (!owner && !/^['’]s$/.test(st.words[k]!)) whose = false;
      }
      if (distinct && plausibleName(st, t, res)) {
        drop(only);
        out.push(mention(t.first, t.last, 'ORG', null, 'tagger'));
        continue;
      }
      if (whose) continue; // "Yemen’s Houthi movement": the KB name stands, the place is its owner
    }
    const person = inside.find((k) => k.type === 'PERSON');
    // Only titles before a KB person ("Grand Ayatollah Ali al-Sistani") make the span the person's,
    // whatever class the tagger gave it.
    const titled = person && person.last - st.first === t.last && st.lower.slice(t.first, person.first - st.first).every((w) => res.titleWords.has(w.replace(/\.$/, '')));
    if ((t.cls === 'PERSON' || titled) && person) {
      // Titles in front of a KB person: the mention takes the tagger's extent, the KB's link.
      if (t.last === person.last - st.first) {
        for (const k of inside) drop(k);
        const m = mention(t.first, t.last, 'PERSON', person.kbId, 'kb');
        m.nameFirst = person.first;
        out.push(m);
      }
      continue;
    }
    // Lower-case words before a KB place ("western Iraq", as GMB-style taggers mark it): the mention takes
    // the tagger's extent and keeps the place's link.
    const place = only && (only.type === 'GPE' || only.type === 'LOC') && only.last - st.first === t.last ? only : null;
    if (rules && place && t.cls === 'PLACE' && st.lower.slice(t.first, place.first - st.first).every((_, k) => !capitalised(st, t.first + k) && (st.shapes[t.first + k]! & TokenShape.Lower) !== 0)) {
      drop(place);
      const m = mention(t.first, t.last, place.type, place.kbId, 'kb');
      m.nameFirst = place.first;
      m.alias = text.slice(place.start, place.end);
      out.push(m);
      continue;
    }
    // A head noun after the KB name makes a new, longer name; one inside it ("Popular Mobilization Units")
    // does not.
    const kbEnd = Math.max(...inside.map((k) => k.last - st.first));
    const head = kbEnd < t.last ? headType(st, t.first, t.last, res) : null;
    if (head || covered * 2 <= span) {
      // A longer name that contains a KB name ("Kirkuk Air Base", "Iraqi Resistance Coordination Committee").
      for (const k of inside) drop(k);
      if (plausibleName(st, t, res)) out.push(mention(t.first, t.last, head ?? typeOf(t, st, res), null, 'tagger'));
    }
  }
  for (const k of kbMentions) if (!dropped?.has(k)) out.push(k);
  for (const m of out) for (let k = m.first; k <= m.last; k++) used[k - st.first] = 1;

  // 3. A place name followed by a facility noun is the facility ("Haifa airport").
  for (const m of rules ? [...out] : []) {
    if ((m.type !== 'GPE' && m.type !== 'LOC') || m.source === 'rule' || m.source === 'label') continue;
    const after = m.last - st.first + 1;
    if (after >= n || used[after]) continue;
    const len = res.heads.FAC.longestStartingAt(st.lower, after);
    if (!len || !(st.shapes[after]! & (TokenShape.Lower | TokenShape.Upper))) continue;
    if (after + len < n && capitalised(st, after + len)) continue;
    // The place keeps its name; the facility is named by the phrase, its span the facility noun.
    const fac = mention(after, after + len - 1, 'FAC', null, 'rule');
    fac.alias = text.slice(m.start, fac.end);
    fac.key = `FAC:${fac.alias.toLowerCase()}`;
    fac.nameFirst = m.first;
    out.push(fac);
    for (let k = after; k < after + len; k++) used[k] = 1;
  }

  // 4. Places inside hyphenated compounds: "Syria-Jordan border", "Iran-backed", "US-led".
  const compounds = rules ? compoundSlot(res) : -1;
  for (let i = 0; rules && i < n; i++) {
    if (used[i] || !(st.shapes[i]! & TokenShape.HasHyphen)) continue;
    const tokenStart = seg.tokenStart[st.first + i]!;
    for (const part of compoundPlaces(st.types[i]!, res, compounds)) {
      const pm = mention(i, i, part.type, part.id, 'rule');
      pm.start = tokenStart + part.offset;
      pm.end = pm.start + part.length;
      out.push(pm);
    }
  }
  // A name joined by a hyphen to the next or previous word ("Iran-backed", "Syria-Jordan", "U.S.-led" as
  // the tokenizer splits it) is a modifier inside a compound: the mention still links the entity (for
  // events and attribution) but is not listed as one of its name spans.
  for (const m of out) {
    const after = text.charCodeAt(m.end);
    const before = m.start > 0 ? text.charCodeAt(m.start - 1) : 0;
    if ((isHyphen(after) && /\p{L}/u.test(text[m.end + 1] ?? '')) || (isHyphen(before) && /[\p{L}.]/u.test(text[m.start - 2] ?? ''))) m.silent = true;
  }
  // An article matched with an alias ("the White House") is not part of the name, unless the name itself
  // begins with it ("The Hague", "The New York Times"). Trimmed last: the whole match took part in
  // settling boundaries with the tagger.
  for (const m of out) {
    if (m.source !== 'kb' || m.last <= m.first || st.lower[m.first - st.first] !== 'the') continue;
    if (m.kbId && /^the\s/i.test(kb.get(m.kbId)?.name ?? '')) continue;
    if (m.nameFirst === m.first) m.nameFirst++;
    m.first++;
    m.start = seg.tokenStart[m.first]!;
  }
  // Mostly in order already; the sort is stable, so skipping it then changes nothing.
  for (let k = 1; k < out.length; k++) if (out[k - 1]!.first > out[k]!.first) return out.sort((a, b) => a.first - b.first);
  return out;
}

/** A place (or armed group) named inside a hyphenated word: "Syria" and "Jordan" in "Syria-Jordan". */
interface CompoundPart {
  offset: number;
  length: number;
  id: string;
  type: EntityType;
}

const NO_PARTS: CompoundPart[] = [];
const compoundOwners = new WeakMap<EntityResources, object>();

/** The memo slot of compoundPlaces() for a set of resources (the answers depend on its knowledge base). */
function compoundSlot(res: EntityResources): number {
  let owner = compoundOwners.get(res);
  if (!owner) compoundOwners.set(res, (owner = {}));
  return slotFor(owner);
}

/** The places inside a hyphenated word, found once per word: its parts are looked up in the KB. */
function compoundPlaces(type: WordType, res: EntityResources, slot: number): CompoundPart[] {
  const memo = type.memo;
  let parts = memo[slot] as CompoundPart[] | undefined;
  if (parts) return parts;
  parts = NO_PARTS;
  const { kb } = res;
  // Arabic name particles joined by a hyphen ("al-Sadr", "Abu-Bakr") are a name, not a compound.
  if (!/^(?:al|el|Al|El|Abu|Bin|Ibn)-/.test(type.text)) {
    let at = 0;
    for (const part of type.text.split(/[-‐‑]/)) {
      const offset = at;
      at += part.length + 1;
      if (part.length < 2 || !/^\p{Lu}/u.test(part)) continue;
      const id = kb.lookup(part).find((x) => kb.get(x)!.type === 'GPE' || kb.get(x)!.type === 'LOC' || kb.get(x)!.kind === 'armed-group');
      if (!id) continue;
      if (parts === NO_PARTS) parts = [];
      parts.push({ offset, length: part.length, id, type: kb.get(id)!.type as EntityType });
    }
  }
  memo[slot] = parts;
  return parts;
}

// One sentence's span indices, in a buffer reused from sentence to sentence: a new Int32Array of more
// than 16 entries lies outside the JavaScript heap and costs more to make than the sentence's rules.
let spanBuffer = new Int32Array(256);

// Per-token flags of one sentence (claimed tokens, nationality words), in buffers reused likewise. Read
// only at the sentence's own tokens: the buffer may be longer than the sentence.
const flagBuffers = [new Uint8Array(256), new Uint8Array(256)];
function scratchFlags(which: 0 | 1, n: number): Uint8Array {
  let buffer = flagBuffers[which]!;
  if (buffer.length < n) flagBuffers[which] = buffer = new Uint8Array(n * 2);
  buffer.fill(0, 0, n);
  return buffer;
}
function scratchSpans(n: number): Int32Array {
  if (spanBuffer.length < n) spanBuffer = new Int32Array(n * 2);
  for (let i = 0; i < n; i++) spanBuffer[i] = 0;
  return spanBuffer;
}

// Where the tagger scores names: capitalised words and numbers, but not a sentence's opening word when
// it is one that opens sentences rather than names ("The", "However").
function tagStarts(st: SentenceTokens, res: EntityResources): Uint8Array {
  if (!st.nameStart.length || !(st.shapes[0]! & TokenShape.SentenceStart) || !res.sentenceOpeners.has(st.words[0]!)) return st.nameStart;
  const out = st.nameStart.slice();
  out[0] = 0;
  return out;
}

// A slash, bar or semicolon separates names the tagger ran together: "Reuters/Samir Jabbar".
function splitAtSeparators(spans: Span[], st: SentenceTokens): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    let from = s.first;
    for (let k = s.first; k <= s.last; k++) {
      // A separator is a one-character token: told from the text.
      const c = st.chars[k];
      if (c !== SLASH && c !== BAR && c !== SEMICOLON) continue;
      if (k > from) out.push({ ...s, first: from, last: k - 1 });
      from = k + 1;
    }
    if (from <= s.last) out.push({ ...s, first: from, last: s.last });
  }
  return out;
}

// Words that only ever stand before a person's name, and ranks and offices that also name other things
// ("General Motors", "Prime Minister's Office").
const HONORIFIC = /^(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Sheikh|Ayatollah|Sayyed)$/;
const RANK = /^(?:Gen|Lt|Col|President|Minister|Prime|General)$/;

// "Abu" + "Baqer al-Saadi" or "Mr." + "Olmert" tagged apart: a kunya, nasab or title joins the name after it.
// The spans are the caller's own (made by spansOf and splitAtSeparators): merged in place.
function mergeKunya(spans: Span[], st: SentenceTokens): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.last + 1 === s.first) {
      // After an honorific ("Mr. Olmert") the next name is a person's, whatever the tagger called it.
      if (s.cls !== 'PERSON' && capitalised(st, s.first) && onlyTitles(st, prev, false)) s.cls = 'PERSON';
      const kunyaLast = KUNYA.test(st.words[prev.last]!);
      if (s.cls === 'PERSON' && ((prev.cls === 'PERSON' && onlyTitles(st, prev, true)) || (kunyaLast && (prev.first === prev.last || prev.cls === 'PERSON')))) {
        prev.cls = 'PERSON';
        prev.last = s.last;
        continue;
      }
    }
    out.push(s);
  }
  return out;
}

const KUNYA = /^(?:Abu|Abou|Umm|Bin|Ibn|bin|ibn)$/;

// Whether a span is only honorifics (and ranks, with `ranks`) and their periods: "Mr.", "Lt. Gen.".
function onlyTitles(st: SentenceTokens, span: Span, ranks: boolean): boolean {
  for (let k = span.first; k <= span.last; k++) {
    const w = st.words[k]!;
    if (w !== '.' && !HONORIFIC.test(w) && !(ranks && RANK.test(w))) return false;
  }
  return true;
}

// The tagger's span is a name: it has a capitalised word that is not a determiner, and a single word is
// not a common English word or a bare title.
function plausibleName(st: SentenceTokens, t: Span, res: EntityResources): boolean {
  let capital = false;
  for (let k = t.first; k <= t.last; k++) {
    if (capitalised(st, k) && !/^(?:The|A|An|In|On|At|Of|And|But|For|To)$/.test(st.words[k]!)) capital = true;
  }
  if (!capital) return false;
  const words = st.lower.slice(t.first, t.last + 1).filter((w) => w !== '.');
  // Months, weekdays and pronoun-like words are not names; nor is a string of titles ("Brig. Gen.").
  if (words.length === 1 && (NOT_NAMES.has(words[0]!) || monthNumber(words[0]!) !== undefined)) return false;
  if (words.every((w) => res.titleWords.has(w))) return false;
  // "US-run", "Iran-backed": an adjective made from a name, not a name.
  if (t.first === t.last && /^[\p{Lu}.]+[-‐]\p{Ll}+$/u.test(st.words[t.first]!)) return false;
  if (words.length === 1) {
    if (st.shapes[t.first]! & TokenShape.AllCaps) return true;
    // A capitalised common word is a name in mid-sentence ("Rice said"), not at the start of one.
    if (res.commonWords.has(words[0]!) && opensSentence(st, t.first)) return false;
  }
  return !res.titles.has(words) && !(words.length === 1 && /^(?:prime|vice|deputy|acting|former|foreign|defense|defence|interior)$/.test(words[0]!));
}

function opensSentence(st: SentenceTokens, i: number): boolean {
  if (i === 0 || (st.shapes[i]! & TokenShape.SentenceStart)) return true;
  return /^["“‘'(\[«—–-]$/.test(st.words[i - 1]!) || st.words[i - 1] === ':';
}

// The class and the inside label of each begin label ("B-ORG" -> "ORG", "I-ORG"), made once.
const BEGIN_LABELS = new Map<string, { cls: string; inside: string }>();

function spansOf(tags: string[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (t === 'O' || !t.startsWith('B-')) continue;
    let label = BEGIN_LABELS.get(t);
    if (!label) BEGIN_LABELS.set(t, (label = { cls: t.slice(2), inside: `I-${t.slice(2)}` }));
    const { cls, inside } = label;
    let j = i;
    while (j + 1 < tags.length && tags[j + 1] === inside) j++;
    out.push({ first: i, last: j, cls });
    i = j;
  }
  return out;
}

function headType(st: SentenceTokens, first: number, last: number, res: EntityResources): EntityType | null {
  const keys = st.lower.slice(first, last + 1);
  for (const [type, set] of [['FAC', res.heads.FAC], ['ORG', res.heads.ORG], ['LOC', res.heads.LOC]] as const) {
    if (set.longestEndingAt(keys, keys.length - 1)) return type;
  }
  return null;
}

function typeOf(t: Span, st: SentenceTokens, res: EntityResources): EntityType {
  if (t.cls === 'PERSON') return 'PERSON';
  const head = headType(st, t.first, t.last, res);
  // A title and at least two more names, with no institution noun at the end, is a person: "General
  // Mohammad Hadi Rahimi" (the tagger may read "General ..." as the start of an organisation).
  if (!head && t.last - t.first >= 2 && res.titleWords.has(st.lower[t.first]!) && !res.titleWords.has(st.lower[t.last]!)) return 'PERSON';
  if (t.cls === 'ORG') return head === 'FAC' ? 'FAC' : 'ORG';
  return head === 'FAC' ? 'FAC' : head === 'LOC' ? 'LOC' : 'GPE';
}

// Labels from the framing lexicon that name an entity: "the Zionist entity", "the usurping regime",
// "the apartheid “Israeli” entity" (quotation marks inside are skipped).
function matchLabels(st: SentenceTokens, res: EntityResources): { first: number; last: number; id: string }[] {
  const out: { first: number; last: number; id: string }[] = [];
  const labels = res.labels;
  if (!labels.size) return out;
  for (let i = 0; i < st.words.length; i++) {
    if (!(st.facts[i]! & WordFact.LabelStart)) continue;
    let best: { last: number; id: string } | null = null;
    let node: LabelNode | undefined = labels.root;
    for (let j = i; j < st.words.length; j++) {
      if (QUOTE_OR_APOSTROPHE.test(st.words[j]!)) continue;
      node = node.next.get(st.lower[j]!);
      if (!node) break;
      if (node.refersTo && res.kb.get(node.refersTo)) best = { last: j, id: node.refersTo };
    }
    if (best) {
      out.push({ first: i, last: best.last, id: best.id });
      i = best.last;
    }
  }
  return out;
}

// "American forces", "US troops", "Iran's military", "Iraqi armed forces": the state. Only when the force
// noun is in lower case: "US Army" and "Iraqi Army" are the services themselves.
function stateForces(st: SentenceTokens, res: EntityResources, used: Uint8Array): { first: number; last: number; id: string }[] {
  const out: { first: number; last: number; id: string }[] = [];
  for (let i = 0; i < st.words.length - 1; i++) {
    if (!(st.facts[i]! & WordFact.StateName) || used[i] || !capitalised(st, i)) continue;
    const key = st.keys[i]!;
    const country = res.kb.demonyms.get(key) ?? countryId(res, key);
    if (!country) continue;
    let j = i + 1;
    if (/^['’]s$/.test(st.words[j] ?? '')) j++;
    const len = res.forceNouns.longestStartingAt(st.lower, j);
    if (!len || !(st.shapes[j]! & TokenShape.Lower)) continue;
    out.push({ first: i, last: j + len - 1, id: country });
    i = j + len - 1;
  }
  return out;
}

function countryId(res: EntityResources, key: string): string | undefined {
  return res.kb.countryNamed(key);
}

// Collective names: "Iraqi resistance (groups|forces|factions)", "Iraq's resistance forces". Variants of one
// collective share a key so that they make one entity (linked later to a named coalition if there is one).
function collectives(st: SentenceTokens, res: EntityResources, used: Uint8Array): { first: number; last: number; key: string }[] {
  const out: { first: number; last: number; key: string }[] = [];
  for (let i = 0; i + 1 < st.words.length; i++) {
    if (!(st.facts[i]! & WordFact.StateName) || used[i] || !capitalised(st, i)) continue;
    const country = res.kb.demonyms.get(st.keys[i]!) ?? countryId(res, st.keys[i]!);
    if (!country) continue;
    let j = i + 1;
    if (/^['’]s$/.test(st.words[j] ?? '')) j++;
    if (st.lower[j] !== 'resistance' || used[j]) continue;
    let last = j;
    if (/^(?:groups?|forces|factions?|fighters|movements?|front|organizations?|organisations?)$/.test(st.lower[j + 1] ?? '')) last = j + 1;
    if (last + 1 < st.words.length && capitalised(st, last + 1)) continue;
    out.push({ first: i, last, key: `collective:resistance:${country}` });
    i = last;
  }
  return out;
}

// Arabic names built on a kunya or a nasab: "Abu Baqer al-Saadi", "Umm Ahmed", "Mohammed bin Salman",
// "Azahari bin Husin". Where the KB knows the name (Abu Dhabi, Abu Ghraib) the KB has already claimed it.
function arabicNames(st: SentenceTokens, used: Uint8Array): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  const nameWord = (k: number) => k < st.words.length && !used[k] && st.cap[k] === 1 && /^(?:(?:al|el|Al|El)-)?\p{Lu}\p{Ll}+(?:[’']\p{Ll}+)?$/u.test(st.words[k]!);
  for (let i = 0; i < st.words.length; i++) {
    // A kunya here or a nasab next: neither, and no name starts here.
    if (used[i] || !st.cap[i] || !((st.facts[i]! | (st.facts[i + 1] ?? 0)) & WordFact.Kunya)) continue;
    const w = st.words[i]!;
    let first = -1;
    let j = i;
    if (/^(?:Abu|Abou|Umm)$/.test(w) && nameWord(i + 1)) {
      first = i;
      j = i + 1;
    } else if (nameWord(i) && /^(?:bin|ibn|Bin|Ibn)$/.test(st.words[i + 1] ?? '') && nameWord(i + 2)) {
      first = i;
      j = i + 2;
    }
    if (first < 0) continue;
    while (nameWord(j + 1) || (/^(?:bin|ibn)$/.test(st.words[j + 1] ?? '') && nameWord(j + 2))) j += /^(?:bin|ibn)$/.test(st.words[j + 1] ?? '') ? 2 : 1;
    out.push({ first, last: j });
    i = j;
  }
  return out;
}

function speakerSlots(st: SentenceTokens, res: EntityResources, used: Uint8Array): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  const n = st.words.length;
  const nameRun = (from: number, step: 1 | -1): number => {
    let k = from;
    while (k >= 0 && k < n && !used[k] && st.cap[k] && !res.titleWords.has(st.lower[k]!) && Math.abs(k - from) < 3) k += step;
    return k - step;
  };
  for (let i = 0; i < n; i++) {
    if (!(st.facts[i]! & WordFact.SpeechVerb) && !(st.chars[i + 1] === COLON && /^(?:continued|added|stated|wrote|said|explained|noted|declared|replied|responded|tweeted|asked)$/i.test(st.words[i]!))) continue;
    // "…,” McCain said
    const last = i - 1;
    if (last >= 1 && st.cap[last] && !used[last]) {
      const first = nameRun(last, -1);
      if (first <= last && /^[”"’']$/.test(st.words[first - 1] ?? '') && /^[,!?'’]$/.test(st.words[first - 2] ?? '')) out.push({ first, last });
    }
    // "Cruz continued: “…”", "Stone stated:"
    if (last >= 0 && st.cap[last] && !used[last] && st.words[i + 1] === ':') {
      const first = nameRun(last, -1);
      if (first <= last && (first === 0 || /^[.,;"”]$/.test(st.words[first - 1]!))) out.push({ first, last });
    }
    // "…,” said Varmus.
    const next = i + 1;
    if (next < n && st.cap[next] && !used[next] && /^[”"’']$/.test(st.words[i - 1] ?? '')) {
      const end = nameRun(next, 1);
      if (end >= next && (end + 1 >= n || /^[.,;]$/.test(st.words[end + 1]!))) out.push({ first: next, last: end });
    }
  }
  // A transcript turn: "WALLACE:" or "Pence:" opening the paragraph.
  if ((st.shapes[0]! & TokenShape.ParagraphStart) && n > 2 && st.cap[0] && !used[0] && st.words[1] === ':' && !/^(?:Note|Update|Editor|Photo|Correction|Source|Read|Watch|Related|Q|A|Question|Answer|Transcript|Video|Listen|Warning|Breaking|Exclusive|Analysis|Opinion|Sources|Caption)$/i.test(st.words[0]!)) {
    out.push({ first: 0, last: 0 });
  }
  return out;
}
