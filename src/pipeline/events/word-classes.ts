// The classes of words the events stage tests token by token as it scans a clause (clause breaks,
// prepositions, words of killing, attack words, …). A word's classes are decided once, by the same
// patterns the scans used to run on every token, and memoised on its word type; a document's tokens
// then carry them as bits, so a scan reads one number per token.
import type { Segmentation, WordType } from '../../core/document.ts';
import { INJURY_WORDS, KILL_WORDS } from '../numbers/casualty.ts';
import { slotFor } from '../words/index.ts';
import type { TriggerEntry, TriggerIndex } from './triggers.ts';

const PREPOSITIONS = new Set(['in', 'on', 'at', 'from', 'to', 'with', 'against', 'by', 'of', 'for', 'near', 'over', 'into', 'toward', 'towards', 'about', 'after', 'before', 'between', 'across', 'under', 'around', 'like', 'than', 'since', 'amid', 'despite', 'during', 'outside', 'inside', 'throughout', 'within', 'without', 'along']);
const LOCATIVE = new Set(['in', 'near', 'at', 'on', 'outside', 'inside', 'across', 'along', 'off', 'over', 'around', 'throughout', 'into', 'from']);
const CLAUSE_BREAK = /^(?:[;:]|which|who|while|whereas|but|although|though|because|since|as|after|before|when|until|following)$/i;
const TARGET_HEADS = /^(?:targets?|interests?|positions?|bases?|sites?|ports?|ships?|vessels?|territory|forces|troops|soldiers|military|army|installations?|facilities|embassy|consulate|outposts?|convoys?|assets|airspace|cities|towns|villages)$/;

/** Bits of a word's classes. */
export const W = {
  clauseBreak: 1 << 0,
  preposition: 1 << 1,
  locative: 1 << 2,
  targetHead: 1 << 3,
  /** A verb or noun of killing one person ("assassinated", "killing"). */
  killing: 1 << 4,
  others: 1 << 5,
  /** Opens a phrase of another happening ("following", "after"). */
  tollCut: 1 << 6,
  /** Follows "in" in a phrase of another happening ("in retaliation", "in response"). */
  responseNoun: 1 << 7,
  /** A conjunction that opens a clause of its own ("while", "because"). */
  contrast: 1 << 8,
  /** Ends the search for an object: a place follows ("east of", "near", "in"). */
  placeAhead: 1 << 9,
  /** Ends the search for a preposition's object ("which", "when"). */
  relativeOrTime: 1 << 10,
  possessive: 1 << 11,
  future: 1 << 12,
  negation: 1 << 13,
  /** Ends the search for an agent after "by": a comma, a relative, or a participle that opens a
   *  phrase of its own ("carrying", not "during"). */
  agentStop: 1 << 14,
  /** Ends a word that tells an aim ("plans to", "in order to", "with the intention of"). */
  intentionWord: 1 << 15,
  article: 1 << 16,
  /** A lower-case word or a hyphenated one. */
  plainWord: 1 << 17,
  /** Words between a locative and a place ("the", "northern", "city of"). */
  placeModifier: 1 << 18,
  compass: 1 << 19,
  /** Two or more capitals, as a dateline's place ("BAGHDAD"). */
  upperWord: 1 << 20,
  /** A word that may stand between a speech act or a threat and the act it governs. */
  governedGap: 1 << 21,
  /** Words between "claimed responsibility for" and the attack ("the", "latest", "drone"). */
  claimModifier: 1 << 22,
  /** Ends a noun phrase read leftwards (a verb, a relative, punctuation). */
  phraseStop: 1 << 23,
  /** A word, or a year, that a noun phrase may hold. */
  phraseWord: 1 << 24,
  opensAttack: 1 << 25,
  /** A one-word attack trigger that is not also a word of death or injury ("raid", not "killing"). */
  attackNotToll: 1 << 26,
  /** A mode cue of the trigger lexicon, or the first word of a two-word one. */
  modeCue: 1 << 27,
  /** The first word of a trigger. */
  opensTrigger: 1 << 28,
  /** A participle of a passive that names its victims as subject ("were martyred"). */
  victimVerb: 1 << 29,
  /** Ends with the word "no", as the start of "no intention" must (matched in any case). */
  noWord: 1 << 30,
} as const;

const PATTERNS: [number, RegExp][] = [
  [W.clauseBreak, CLAUSE_BREAK],
  [W.targetHead, TARGET_HEADS],
  [W.killing, /^(?:killed|assassinated|martyred|assassination|killing)$/],
  [W.others, /^(?:other|others|also)$/],
  [W.tollCut, /^(?:following|after|before|amid)$/],
  [W.responseNoun, /^(?:retaliation|response|revenge)$/],
  [W.contrast, /^(?:while|whereas|but|although|though|because)$/],
  [W.placeAhead, /^(?:east|west|north|south|northeast|northwest|southeast|southwest|near|outside|inside|in|at)$/],
  [W.relativeOrTime, /^(?:which|who|while|but|because|after|before|when)$/],
  [W.possessive, /^['’]s$/],
  [W.future, /^(?:will|would|shall|'ll)$/],
  [W.negation, /^(?:not|never|n't|no)$/],
  [W.agentStop, /^(?:[,;]|which|who|that)$/],
  // Every match of INTENTION (index.ts) has one of these words before a space, so at the end of a token.
  [W.intentionWord, /(?:intention|order|aim|aims|aimed|plan|plans)$/],
  [W.article, /^(?:a|an|the|this|that|these)$/],
  [W.plainWord, /^[a-z-]+$/],
  [W.placeModifier, /^(?:the|a|northern|southern|eastern|western|central|north|south|east|west|of|capital|syrian|iraqi|iranian|city|town|province)$/],
  [W.compass, /^(?:east|west|north|south|northeast|northwest|southeast|southwest)$/],
  [W.governedGap, /^(?:the|a|an|its|his|their|this|that|such|us|u\.s\.|american|israeli|iranian|iraqi|targeted|deadly|recent|any|all|further|more|to|keep|up|continue|carry|out|in|of|on|for|“|”|"|,|and|foreign|occupation|complete|[a-z]+(?:ous|ive|ful|ic|less|ant|ent|ible|able))$/],
  [W.claimModifier, /^(?:the|that|this|these|its|their|a|an|latest|deadly|recent|drone|missile|rocket|suicide|car)$/],
  [W.phraseStop, /^(?:[,;:"“”(]|that|which|who|is|are|was|were|has|have|had|will|would)$/],
  [W.phraseWord, /^(?:[\p{L}'’-]+|(?:19|20)\d\d)$/u],
  [W.victimVerb, /^(?:killed|martyred|assassinated|wounded|injured|targeted|hit)$/],
];

function classesOf(word: WordType, index: TriggerIndex): number {
  const lower = word.lower;
  let c = 0;
  for (const [bit, pattern] of PATTERNS) if (pattern.test(lower)) c |= bit;
  // Tested on the word as written: case matters to the first, and the second mirrors a case-blind
  // pattern's word boundary, which lower-casing could move ("\u212A" becomes "k").
  if (/^\p{Lu}{2,}$/u.test(word.text)) c |= W.upperWord;
  if (/(?:^|[^A-Za-z0-9_])no$/i.test(word.text)) c |= W.noWord;
  if (PREPOSITIONS.has(lower)) c |= W.preposition;
  if (LOCATIVE.has(lower)) c |= W.locative;
  if (/[a-z]{3,}ing$/.test(lower) && !/^(?:during|including)$/.test(lower)) c |= W.agentStop;
  const entries = index.byFirst.get(lower);
  if (entries) c |= W.opensTrigger;
  if (entries?.some((e) => e.def.type === 'ASSAULT')) c |= W.opensAttack;
  const tollWord = KILL_WORDS.test(lower) || INJURY_WORDS.test(lower);
  if (!tollWord && entries?.some((e) => e.def.type === 'ASSAULT' && e.words.length === 1)) c |= W.attackNotToll;
  if (index.modes.has(lower) || index.modePairStarts.has(lower)) c |= W.modeCue;
  return c;
}

/** The character of each one-character token, 0 for a longer one: punctuation is told apart by number,
 *  without reading the token's string. */
export function tokenMarks(text: string, seg: Segmentation): Uint16Array {
  const out = new Uint16Array(seg.tokenCount);
  for (let t = 0; t < seg.tokenCount; t++) if (seg.tokenEnd[t]! - seg.tokenStart[t]! === 1) out[t] = text.charCodeAt(seg.tokenStart[t]!);
  return out;
}

/** Each token's classes (W bits) under the trigger lexicon `index`. */
export function tokenClasses(types: readonly WordType[], index: TriggerIndex): Uint32Array {
  const slot = slotFor(index);
  const out = new Uint32Array(types.length);
  for (let t = 0; t < types.length; t++) out[t] = wordClasses(types[t]!, index, slot);
  return out;
}

/** A word's classes under `index`, memoised on the word in `slot`, which must be slotFor(index). */
export function wordClasses(word: WordType, index: TriggerIndex, slot: number): number {
  const memo = word.memo;
  let c = memo[slot] as number | undefined;
  if (c === undefined) memo[slot] = c = classesOf(word, index);
  return c;
}

/** The trigger entries that a word opens (the index's byFirst list), memoised on its word type: read
 *  from the memo that tokenClasses() has just read, not by hashing the word's string again. */
export function triggersOpenedBy(word: WordType, index: TriggerIndex): TriggerEntry[] | undefined {
  const slot = slotFor(index.byFirst);
  const memo = word.memo;
  let entries = memo[slot] as TriggerEntry[] | null | undefined;
  if (entries === undefined) memo[slot] = entries = index.byFirst.get(word.lower) ?? null;
  return entries ?? undefined;
}
