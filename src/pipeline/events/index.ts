// Stage "events": PLOVER events with actor, target, date, place, casualties and status.
// Requires: segments, entities, entity-mentions, quotes, timex, numbers. Provides: events.
// A trigger (triggers.ts) opens an event; its roles come from the clause: the subject acts and the object
// is acted upon (active), or the other way round (passive, "was assassinated by"); a nominal trigger takes
// its actor from a premodifier or possessive ("a US drone strike", "Washington's assassination of") and
// its target after "on", "against", "at", "of". Status: threats are threatened or conditional (an "if",
// "any …"); negated events are denied; events a party reports in its own speech are claimed; future
// attacks announced by a speaker are that speaker's threats. Dates, places and tolls come from the
// clause. One happening mentioned several times is one event.
import type { AnalysisDocument, Segmentation, WordType } from '../../core/document.ts';
import { wordsOf } from '../words/index.ts';
import type { AnalysisEvent, Entity, EventStatus, PloverType, Quote } from '../../core/record.ts';
import type { KnowledgeBase } from '../../kb/index.ts';
import { tokenKey } from '../../kb/index.ts';
import { slotFor, wordSlot } from '../words/index.ts';
import { TIMEX, type Timex } from '../dates/index.ts';
import { ENTITY_MENTIONS, type EntityLayer } from '../entities/index.ts';
import type { Mention } from '../entities/recognize.ts';
import { NUMBERS, type Quantity } from '../numbers/index.ts';
import { firstIndexNotBefore } from '../../core/search.ts';
import { APOSTROPHE, CLOSING_QUOTE, COLON, COMMA, EM_DASH, EN_DASH, FULL_STOP, HYPHEN, OPENING_QUOTE, SEMICOLON, STRAIGHT_QUOTE } from '../../core/chars.ts';
import type { Stage } from '../stage.ts';
import { findTriggers, type TriggerHit, type TriggerIndex } from './triggers.ts';
import { tokenMarks, W, wordClasses } from './word-classes.ts';

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
/** Acts that govern another act named after them ("condemned the killing", "vowed to keep up strikes"). */
const GOVERNING_TYPES = new Set<PloverType>(['ACCUSE', 'REJECT', 'REQUEST', 'THREATEN', 'RETREAT', 'SUPPORT']);
const MATERIAL_TYPES = new Set<PloverType>(['ASSAULT', 'MOBILIZE', 'AID', 'COERCE', 'RETREAT', 'COOPERATE', 'PROTEST']);
const DENIAL_CUE = /^(?:den|reject|dismiss|refut|rebuff)/i;
// Ctx.marks holds each one-character token's character code (core/chars.ts names them).
/** What a clause's evidence does not end on: , ; : " “ ” ' */
const TRAILING_MARKS = new Set([COMMA, SEMICOLON, COLON, STRAIGHT_QUOTE, OPENING_QUOTE, CLOSING_QUOTE, APOSTROPHE]);
const INTENTION = /\b(?:with the intention of|intention to|in order to|aim(?:s|ed)? to|plans? to)\b/i;

export function eventsStage(triggers: TriggerIndex, kb: KnowledgeBase): Stage {
  return {
    name: 'events',
    requires: ['segments', 'words', 'entities', ENTITY_MENTIONS, 'quotes', TIMEX, NUMBERS],
    provides: ['events'],
    run(doc: AnalysisDocument) {
      doc.events = extractEvents(doc, triggers, kb);
    },
  };
}

interface Ctx {
  text: string;
  seg: Segmentation;
  entities: Entity[];
  mentions: Mention[];
  tokenEntity: Int32Array;
  lower: string[];
  /** Each token's word classes (word-classes.ts W bits); see is(). */
  classes: Uint32Array;
  /** The character of each one-character token, else 0 (word-classes.ts tokenMarks). */
  marks: Uint16Array;
  quotes: Quote[];
  timex: Timex[];
  numbers: Quantity[];
  kb: KnowledgeBase;
  triggers: TriggerIndex;
  /** Per token: the entity a nationality word stands for (nationalityAt). */
  nationality: Int32Array;
  /** The first entity with each KB id, and each entity's index by its id. */
  entityByKbId: Map<string, number>;
  entityById: Map<string, number>;
  /** Per sentence, what the toll of an attack needs of it (sentenceToll), once asked. */
  sentenceTolls: (SentenceToll | undefined)[];
  /** Per sentence, its time expressions, once asked. */
  sentenceTimex: (Timex[] | undefined)[];
  /** The side of a KB entry (sideOf), once asked. */
  sides: Map<string, Set<string>>;
}

interface Toll {
  fatalities: number | null;
  injuries: number | null;
}

interface SentenceToll {
  /** It reports a toll and no attack of its own (tollSentence). */
  tollOnly: boolean;
  /** The casualty figures of the whole sentence. */
  toll: Toll;
  /** A word of killing: a named victim of the sentence's attack counts one. */
  tellsKilling: boolean;
  /** "other", "others", "also": victims besides a named one. */
  tellsOthers: boolean;
  /** Where a phrase of another happening begins ("following", "in retaliation"; tollRange). */
  cuts: number[];
}

interface Draft extends AnalysisEvent {
  sentence: number;
  trigger: number;
  weight: number;
  /** Read from "claimed responsibility for the attack". */
  claim: boolean;
  /** A speech act about an act named before ("denounced the request"): that act's type. */
  aboutEarlier: PloverType | null;
}

export function extractEvents(doc: AnalysisDocument, triggers: TriggerIndex, kb: KnowledgeBase): AnalysisEvent[] {
  const seg = doc.segments!;
  const layer = doc.layers.get(ENTITY_MENTIONS) as EntityLayer;
  const words = wordsOf(doc);
  const lower = words.lower;
  const tokenText = words.text;
  const entities = doc.entities ?? [];
  const entityByKbId = new Map<string, number>();
  const entityById = new Map<string, number>();
  entities.forEach((e, i) => {
    if (e.kbId && !entityByKbId.has(e.kbId)) entityByKbId.set(e.kbId, i);
    if (!entityById.has(e.id)) entityById.set(e.id, i);
  });
  const ctx: Ctx = {
    text: doc.text, seg, entities, mentions: layer.mentions, tokenEntity: layer.tokenEntity, lower, classes: new Uint32Array(words.types.length), marks: tokenMarks(doc.text, seg),
    quotes: doc.quotes ?? [], timex: (doc.layers.get(TIMEX) as Timex[] | undefined) ?? [], numbers: (doc.layers.get(NUMBERS) as Quantity[] | undefined) ?? [],
    kb, triggers, nationality: new Int32Array(words.types.length), entityByKbId, entityById, sentenceTolls: [], sentenceTimex: [], sides: new Map(),
  };
  readWords(words.types, ctx);
  const drafts: Draft[] = [];
  const isName = (t: number) => layer.tokenEntity[t]! >= 0 || nationalityAt(ctx, t) !== NOT_A_NATIONALITY;
  // Capitalised words inside a sentence are names ("March", "Strike Group"), not triggers. One function
  // for the document, reading the current sentence's first token.
  let first = 0;
  const capitalisedInside = (t: number) => t > first && capitalisedWord(doc.text, seg.tokenStart[t]!, tokenText[t]!);
  for (let s = 0; s < seg.sentenceCount; s++) {
    const a = seg.sentenceTokenStart[s]!;
    const b = seg.sentenceTokenStart[s + 1]!;
    // A wire dateline ("BAGHDAD —", "TEHRAN, March 3 (LPA) -") is no part of the clause.
    first = datelineEnd(ctx, a, b);
    const hits = findTriggers(words.types, lower, ctx.classes, first, b, triggers, capitalisedInside, isName);
    // Most sentences have no trigger: nothing below would change for them.
    if (!hits.length) continue;
    const consumed = new Set<number>();
    const governed = markGovernedTriggers(ctx, hits, consumed, a, b);
    const relatives = markRelativeClauses(ctx, hits, consumed);
    const continuations = relativeContinuations(ctx, hits, relatives);
    for (const [main, participle] of markParticipleTolls(ctx, hits, consumed)) if (!relatives.has(main)) relatives.set(main, participle);
    const inSentence: Draft[] = [];
    for (const h of hits) {
      if (consumed.has(h.first)) continue;
      for (const d of buildEvent(ctx, h, s, hits, consumed, governed.get(h), relatives.get(h), continuations.get(h))) inSentence.push(d);
    }
    drafts.push(...mergeWithinSentence(inSentence));
    attributeClaims(drafts, s);
    targetEarlierActs(drafts, s);
  }
  // Events with neither actor nor target nor place say too little to be coded ("33,634 have been killed"
  // is a figure, not an event).
  const coded = drafts.filter((d) => d.actor !== null || d.target !== null || d.location !== null);
  for (const d of coded) inferInvasionTarget(ctx, d);
  return merge(coded, ctx).map(toEvent);
}

// Whether the word at `start` opens with a capital and is not all capitals ("March", not "US"); an ASCII
// first character is told by its code.
function capitalisedWord(text: string, start: number, word: string): boolean {
  const c = text.charCodeAt(start);
  const opensUpper = c < 0x80 ? c >= 0x41 && c <= 0x5a : /^\p{Lu}/u.test(text[start]!);
  return opensUpper && !/^\p{Lu}+$/u.test(word);
}

// The event as recorded, without the draft's working fields; an actor is never its own target.
function toEvent(d: Draft): AnalysisEvent {
  const selfTarget = d.actor !== null && d.actor === d.target;
  return {
    type: d.type, mode: d.mode, actor: d.actor, actorText: d.actorText,
    target: selfTarget ? null : d.target, targetText: selfTarget ? null : d.targetText,
    date: d.date, dateText: d.dateText, location: d.location, fatalities: d.fatalities, injuries: d.injuries,
    status: d.status, condition: d.condition, evidence: d.evidence,
  };
}

// The token after a wire dateline at the start of a sentence: an upper-case place, optionally a date
// and an agency, then a dash.
function datelineEnd(ctx: Ctx, a: number, b: number): number {
  let t = a;
  while (t < b && t < a + 4 && is(ctx, t, W.upperWord)) t++;
  if (t === a) return a;
  for (let k = t; k < Math.min(b, t + 10); k++) {
    const c = ctx.marks[k];
    if (c === HYPHEN || c === EM_DASH || c === EN_DASH) return k + 1;
  }
  return a;
}

// Triggers governed by another trigger are part of its event: the object of a speech act ("condemned the
// killing", "dismissed US threats"), the act of a threat or a demand ("vowed to keep up strikes",
// "a law to expel"), what a retreat suspends ("a suspension in its operations"), the condition of a threat
// ("any use of Iraq's airspace to launch attacks … will be met with"), and acts denied an intention
// ("no intentions … to withdraw").
function markGovernedTriggers(ctx: Ctx, hits: TriggerHit[], consumed: Set<number>, a: number, b: number): Map<TriggerHit, TriggerHit> {
  const governs = new Map<TriggerHit, TriggerHit>();
  for (const h of hits) {
    if (!GOVERNING_TYPES.has(h.entry.def.type)) continue;
    for (const o of hits) {
      if (o === h || o.first <= h.last || o.first - h.last - 1 > 5) continue;
      // At most five words between, each a name or one of the words of W.governedGap.
      let direct = true;
      let hasFor = false;
      let hasBy = false;
      for (let k = h.last + 1; k < o.first; k++) {
        if (!is(ctx, k, W.governedGap) && ctx.tokenEntity[k]! < 0) direct = false;
        if (ctx.lower[k] === 'for') hasFor = true;
        else if (ctx.lower[k] === 'by') hasBy = true;
      }
      const forOk = ['REQUEST', 'SUPPORT'].includes(h.entry.def.type);
      if (direct && (forOk || !hasFor) && !hasBy) {
        consumed.add(o.first);
        if (!governs.has(h)) governs.set(h, o);
        // The infinitive goes on to its end: "threatened to strike targets in Iraq".
        if (ctx.lower[o.first - 1] === 'to') {
          for (const later of hits) {
            if (later.first <= o.first) continue;
            if (clauseBrokenBetween(ctx, o.last + 1, later.first)) break;
            consumed.add(later.first);
          }
        }
      }
    }
  }
  // The condition of a threat, and the act of an intention denied.
  const text = ctx.text.slice(ctx.seg.tokenStart[a]!, ctx.seg.tokenEnd[b - 1]!);
  const base = ctx.seg.tokenStart[a]!;
  const threat = hits.some((h) => h.entry.def.type === 'THREATEN');
  const cond = threat ? /\bany\s+[^,.;]{2,120}?(?=\s+(?:will|would|shall)\b)/i.exec(text) ?? /\bif\s+[^,.;]{3,160}/i.exec(text) : null;
  const no = someOf(ctx, a, b, W.noWord) ? /\bno\s+(?:intention|intentions|plans?|desire)\b[^,.;]{0,80}/i.exec(text) : null;
  for (const m of [cond, no]) {
    if (!m) continue;
    const from = base + m.index;
    const to = from + m[0].length;
    for (const o of hits) {
      const off = ctx.seg.tokenStart[o.first]!;
      if (off >= from && off < to && o.entry.def.type !== 'THREATEN') consumed.add(o.first);
    }
  }
  return governs;
}

// Whether a comma, a full stop or a clause word (W.clauseBreak) stands among tokens [from, to).
function clauseBrokenBetween(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (is(ctx, k, W.clauseBreak) || ctx.marks[k] === COMMA || ctx.marks[k] === FULL_STOP) return true;
  return false;
}

// Two triggers of one clause that tell one happening ("a US drone strike assassinated Soleimani";
// "… were martyred … in a US drone strike") are one event.
function mergeWithinSentence(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    // A threat and its reporting verb ("“Any attack will be met …,” Iran warned") are one act wherever
    // they sit in the sentence.
    const verbalAct = d.type === 'THREATEN' || d.type === 'ACCUSE' || d.type === 'REQUEST' || d.type === 'REJECT';
    const same = out.find((o) => o.type === d.type && compatible(o.actor, d.actor) && compatible(o.target, d.target) && (verbalAct || overlaps(o.evidence, d.evidence) || Math.abs(o.trigger - d.trigger) <= 12));
    if (!same) {
      out.push(d);
      continue;
    }
    out[out.indexOf(same)] = combine(same, d);
  }
  return out;
}

function compatible(a: string | null, b: string | null): boolean {
  return a === b || a === null || b === null;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function combine(a: Draft, b: Draft): Draft {
  const best = b.weight > a.weight ? b : a;
  const other = best === a ? b : a;
  const evidence = best.evidence.end - best.evidence.start >= other.evidence.end - other.evidence.start ? best.evidence : other.evidence;
  // Every field of a draft, written out: one object of one shape, not a copy then changed.
  return {
    type: best.type, sentence: best.sentence, trigger: best.trigger, claim: best.claim, aboutEarlier: best.aboutEarlier,
    actor: best.actor ?? other.actor, actorText: best.actorText ?? other.actorText,
    target: best.target ?? other.target, targetText: best.targetText ?? other.targetText,
    date: best.date ?? other.date, dateText: best.dateText ?? other.dateText,
    location: best.location ?? other.location, fatalities: best.fatalities ?? other.fatalities,
    injuries: best.injuries ?? other.injuries, mode: best.mode ?? other.mode, condition: best.condition ?? other.condition,
    // What the outlet tells as fact outweighs one party's account of it.
    status: best.status === 'claimed' && other.status === 'occurred' ? 'occurred' : best.status,
    evidence,
    weight: Math.max(best.weight, other.weight) + 1,
  };
}

// "X claimed responsibility for the attack": when the text has just reported an attack without its
// actor, the claim names it; the claim is then that attack, not another one.
function attributeClaims(drafts: Draft[], s: number): void {
  for (let i = drafts.length - 1; i >= 0; i--) {
    const claim = drafts[i]!;
    if (claim.sentence !== s) break;
    if (!claim.claim || claim.actor === null) continue;
    const attack = drafts.slice(0, i).reverse().find((d) => d.type === 'ASSAULT' && d.actor === null && d.sentence < s && s - d.sentence <= 2);
    if (!attack) continue;
    attack.actor = claim.actor;
    attack.actorText = claim.actorText;
    attack.weight += 2;
    drafts.splice(i, 1);
  }
}

// "Al-Kaabi denounced the request": the one denounced is who made the request the text told of just before.
function targetEarlierActs(drafts: Draft[], s: number): void {
  for (let i = drafts.length - 1; i >= 0 && drafts[i]!.sentence === s; i--) {
    const d = drafts[i]!;
    if (!d.aboutEarlier || d.target !== null) continue;
    const earlier = drafts.slice(0, i).reverse().find((o) => o.type === d.aboutEarlier && o.sentence < s && s - o.sentence <= 3 && o.actor !== null && o.actor !== d.actor);
    if (!earlier) continue;
    d.target = earlier.actor;
    d.targetText = earlier.actorText;
    d.weight += 2;
  }
}

// The "claimed" of "claimed responsibility for (the|that) attack", or -1.
function responsibilityClaim(ctx: Ctx, noun: number, from: number): number {
  let k = noun - 1;
  while (k > from && is(ctx, k, W.claimModifier)) k--;
  if (ctx.lower[k] !== 'for' || ctx.lower[k - 1] !== 'responsibility') return -1;
  return /^(?:claimed|claims|claim|claiming)$/.test(ctx.lower[k - 2] ?? '') ? k - 2 : -1;
}

// ---------------------------------------------------------------- one event

// "the January 2020 assassination, which targeted General X", "an operation which was carried out by
// Hamas": the verb of a relative clause on an event noun tells more of that event, not another one.
function markRelativeClauses(ctx: Ctx, hits: TriggerHit[], consumed: Set<number>): Map<TriggerHit, TriggerHit> {
  const out = new Map<TriggerHit, TriggerHit>();
  for (const h of hits) {
    if (h.entry.pos !== 'verb') continue;
    let k = h.first - 1;
    while (k > 0 && /^(?:was|were|been|has|have|had|also|primarily|mainly|reportedly|allegedly|later|directly)$/.test(ctx.lower[k]!)) k--;
    // A reduced relative needs its agent: "the attack, carried out by a US drone".
    const reduced = !/^(?:which|that)$/.test(ctx.lower[k] ?? '') && /ed$|^(?:carried out|launched|fired)$/.test(ctx.lower[h.first]!) && (ctx.lower[h.last + 1] === 'by' || ctx.lower[h.last + 2] === 'by');
    if (!reduced && !/^(?:which|that)$/.test(ctx.lower[k] ?? '')) continue;
    if (!reduced) k--;
    if (ctx.lower[k] === ',') k--;
    let noun: TriggerHit | undefined;
    for (const o of hits) {
      if (o.entry.pos === 'noun' && o.last === k && o.entry.def.type === h.entry.def.type) {
        noun = o;
        break;
      }
    }
    if (!noun) continue;
    consumed.add(h.first);
    out.set(noun, h);
  }
  return out;
}

// "Israel struck Khan Younis, killing at least 16 people": the participle tells the toll of the clause's
// event; it is no event of its own.
// Its victim, when named, is the target of that event ("…, killing commander X").
function markParticipleTolls(ctx: Ctx, hits: TriggerHit[], consumed: Set<number>): Map<TriggerHit, TriggerHit> {
  const out = new Map<TriggerHit, TriggerHit>();
  for (const h of hits) {
    if (h.entry.pos !== 'verb' || !/^(?:killing|wounding|injuring|leaving)$/.test(ctx.lower[h.first]!)) continue;
    const prev = ctx.lower[h.first - 1];
    if (prev !== ',' && !(prev === 'thereby' && ctx.lower[h.first - 2] === ',')) continue;
    const main = [...hits].reverse().find((o) => o !== h && o.first < h.first && o.entry.def.type === 'ASSAULT' && !consumed.has(o.first));
    if (!main) continue;
    consumed.add(h.first);
    out.set(main, h);
  }
  return out;
}

// "… assassination, which targeted X but also martyred Y": the second verb continues the relative clause;
// its subject is the event noun, so its actor is the noun's, not the nearest name before it.
function relativeContinuations(ctx: Ctx, hits: TriggerHit[], relatives: Map<TriggerHit, TriggerHit>): Map<TriggerHit, TriggerHit> {
  const out = new Map<TriggerHit, TriggerHit>();
  for (const [noun, verb] of relatives) {
    let prev = verb;
    for (const h of hits) {
      if (h.first <= prev.last || h.entry.pos !== 'verb') continue;
      const between = ctx.lower.slice(prev.last + 1, h.first);
      const k = between.length;
      if (k > 16 || between.some((w) => w === ';' || w === '.' || /^(?:which|who|while|said|says)$/.test(w))) break;
      if (!/^(?:and|but|also|then|later)$/.test(between[k - 1] ?? '') && !/^(?:and|but)$/.test(between[k - 2] ?? '')) continue;
      out.set(h, noun);
      prev = h;
    }
  }
  return out;
}

// The tests buildEvent() makes of other hits and of the numbers, as loops: a closure over its variables
// would cost a context on every call.

// Whether a hit of this type opens at token `first`.
function hitOfTypeAt(hits: readonly TriggerHit[], first: number, type: PloverType): boolean {
  for (const o of hits) if (o.first === first && o.entry.def.type === type) return true;
  return false;
}

// Whether a count ends in the three tokens before `first` ("5,000 troops remain").
function countEndsJustBefore(numbers: readonly Quantity[], first: number): boolean {
  for (const q of numbers) if (q.kind === 'count' && q.last < first && q.last >= first - 3) return true;
  return false;
}

// Whether a light verb of this type, not consumed, opens in the seven tokens before the noun hit h.
function lightVerbBefore(hits: readonly TriggerHit[], h: TriggerHit, type: PloverType, consumed: Set<number>): boolean {
  for (const o of hits) if (o !== h && o.entry.objects && o.first < h.first && o.first >= h.first - 7 && o.entry.def.type === type && !consumed.has(o.first)) return true;
  return false;
}

function buildEvent(ctx: Ctx, h: TriggerHit, s: number, hits: TriggerHit[], consumed: Set<number>, governed?: TriggerHit, relative?: TriggerHit, continuesNoun?: TriggerHit): Draft[] {
  const { seg, lower } = ctx;
  const sFirst = datelineEnd(ctx, seg.sentenceTokenStart[s]!, seg.sentenceTokenStart[s + 1]!);
  const sLast = seg.sentenceTokenStart[s + 1]! - 1;
  const def = h.entry.def;
  let type: PloverType = def.type;
  let trigLast = h.last;
  let nounHead = h.entry.pos === 'noun' ? h.first : -1;
  // Light and restricted verbs need their object: "launched dozens of missiles", "sent more troops".
  if (h.entry.objects) {
    let found = -1;
    for (let t = h.last + 1; t <= Math.min(sLast, h.last + 10); t++) {
      if (is(ctx, t, W.clauseBreak) || ctx.marks[t] === COMMA) break;
      if (h.entry.objects.has(lower[t]!)) {
        found = t;
        break;
      }
    }
    if (found < 0) return [];
    for (const other of hits) if (other.first > h.last && other.first <= found) consumed.add(other.first);
    trigLast = found;
    nounHead = found;
  }
  // Vows and pledges are threats only with an act to follow: "vowed to respond".
  if (def.complements) {
    const to = lower[h.last + 1] === 'to' ? h.last + 2 : -1;
    if (to < 0 || !def.complements.includes(lower[to] ?? '')) return [];
    trigLast = to;
  }
  // "recalled its ambassador in protest at …": the idiom gives a reason, it reports no protest.
  if (type === 'PROTEST' && lower[h.first - 1] === 'in' && /^(?:at|against|over|of)$/.test(lower[h.last + 1] ?? '')) return [];
  // "agreed to withdraw": the concession is coded from the withdrawal.
  if (type === 'AGREE' && h.entry.pos === 'verb' && lower[h.last + 1] === 'to' && hitOfTypeAt(hits, h.last + 2, 'RETREAT')) return [];
  // "troops remain in Iraq" and the like: a presence needs a number of troops.
  if (def.needsNumber && !countEndsJustBefore(ctx.numbers, h.first)) return [];
  // A noun trigger that is the object of a light verb of its own type was taken with the verb.
  if (h.entry.pos === 'noun' && lightVerbBefore(hits, h, type, consumed)) return [];

  // "X claimed responsibility for the attack on …": X claims the attack (merged later into an attack the
  // text reported just before, if there is one).
  const claimVerb = h.entry.pos === 'noun' ? responsibilityClaim(ctx, h.first, sFirst) : -1;
  const passive = h.entry.pos === 'verb' && isPassive(ctx, h.first, sFirst);
  // "until its demands are met": a passive "meet" is no meeting.
  if (type === 'CONSULT' && passive) return [];
  const inQuote = quoteAround(ctx, seg.tokenStart[h.first]!);

  // Roles.
  let actor: number | -1 = -1;
  let target: number | -1 = -1;
  if (h.entry.pos === 'noun' || (nounHead >= 0 && h.entry.pos === 'verb' && !h.entry.def.light)) {
    actor = premodifierEntity(ctx, nounHead >= 0 ? (h.entry.pos === 'noun' ? h.first : nounHead) : h.first, sFirst);
    if (actor < 0) actor = byEntity(ctx, trigLast + 1, sLast);
    // "the support of Washington for Israel": the actor follows "of" (for an attack, "of" names the victim).
    if (actor < 0 && type !== 'ASSAULT' && lower[trigLast + 1] === 'of') actor = objectAfter(ctx, trigLast + 2, Math.min(sLast, trigLast + 5));
    // "drew condemnation from the Iraqi government".
    if (actor < 0 && !isMaterial(type) && lower[trigLast + 1] === 'from') actor = objectAfter(ctx, trigLast + 2, Math.min(sLast, trigLast + 6));
    target = type === 'SUPPORT' || type === 'AID'
      ? objectOfPreposition(ctx, trigLast + 1, sLast, ['for', 'to', 'of'], true, actor)
      : objectOfPreposition(ctx, trigLast + 1, sLast, ['on', 'against', 'at', 'of', 'targeting', 'in', 'into', 'to', 'over'], false, actor, ['in']);
    if (h.entry.pos === 'noun' && lower[h.first - 1] === 'in' || lower[h.first - 2] === 'in' || lower[h.first - 3] === 'in') {
      // "… were martyred in a US drone strike": the victims are the subject of the clause.
      const victim = passiveVictim(ctx, h.first, sFirst);
      if (victim >= 0) target = victim;
    }
    if (actor < 0 && h.entry.pos === 'noun') actor = subjectOfLightVerb(ctx, h.first, sFirst);
  } else if (h.entry.def.light) {
    actor = subjectBefore(ctx, sFirst, h.first);
    target = objectOfPreposition(ctx, trigLast + 1, sLast, ['at', 'against', 'on', 'targeting', 'into', 'toward', 'towards']);
    if (target < 0) target = premodifierEntity(ctx, trigLast, h.last + 1) === actor ? -1 : objectAfter(ctx, h.last + 1, trigLast - 1);
  } else if (passive) {
    target = clauseSubject(ctx, sFirst, h.first);
    actor = byEntity(ctx, trigLast + 1, Math.min(sLast, trigLast + 3));
    if (actor < 0) {
      const strike = strikeNounAfter(ctx, trigLast + 1, sLast);
      if (strike >= 0) {
        consumed.add(strike);
        actor = premodifierEntity(ctx, strike, trigLast + 1);
        nounHead = strike;
      }
    }
  } else {
    actor = subjectBefore(ctx, sFirst, h.first);
    target = objectAfter(ctx, trigLast + 1, sLast, actor);
    if (type === 'MOBILIZE' || type === 'AID') {
      const where = objectOfPreposition(ctx, trigLast + 1, sLast, ['to', 'in', 'into', 'with']);
      if (where >= 0) target = where;
    }
  }
  if (continuesNoun) {
    actor = premodifierEntity(ctx, continuesNoun.first, sFirst);
    if (target < 0) target = objectAfter(ctx, trigLast + 1, sLast, actor);
  }
  if (relative) {
    if (target < 0 || target === actor) target = isPassive(ctx, relative.first, relative.first - 3) ? -1 : objectAfter(ctx, relative.last + 1, sLast, actor);
    if (actor < 0) actor = byEntity(ctx, relative.last + 1, sLast);
  }
  // "condemned the US strike on Jurf al-Sakhar": what is condemned is the act's actor, not its target.
  if (governed && (type === 'ACCUSE' || type === 'REJECT') && governed.entry.pos === 'noun') {
    const doer = premodifierEntity(ctx, governed.first, trigLast + 1);
    if (doer >= 0 && doer !== actor) target = doer;
    else if (target >= 0 && firstTokenOf(ctx, target, governed.last + 1, Math.min(sLast, governed.last + 5)) >= 0) target = -1;
  }
  if (actor >= 0 && actor === target) target = -1;
  // Phrases: the subject of the sentence acts; a phrase ending in a preposition takes its object.
  if (h.entry.pos === 'phrase') {
    if (actor < 0) actor = subjectBefore(ctx, sFirst, h.first);
    if (/^(?:in|with|to|on|against|from)$/.test(lower[h.last]!)) {
      const obj = objectAfter(ctx, h.last + 1, sLast, actor);
      if (obj >= 0) target = obj;
    }
  }
  const inQuoteEarly = quoteAround(ctx, seg.tokenStart[h.first]!);
  // Inside a quotation, verbal acts are the speaker's ("“Any strike will result in an appropriate response”").
  if (inQuoteEarly?.speaker && ['THREATEN', 'ACCUSE', 'REQUEST', 'REJECT'].includes(type) && (actor < 0 || /^(?:we|our|i|us)$/i.test(ctx.entities[actor]?.name ?? '') || !mentionInsideQuote(ctx, actor, inQuoteEarly))) {
    actor = entityIndex(ctx, inQuoteEarly.speaker);
  }

  // Status.
  let status: EventStatus = 'occurred';
  let condition: string | null = null;
  const clauseStart = clauseBoundaryBefore(ctx, h.first, sFirst);
  // The four words before the trigger in its clause, and the last three of them.
  const windowStart = Math.max(clauseStart, h.first - 4);
  const future = someOf(ctx, windowStart, h.first, W.future) || (lower[h.first - 1] === 'to' && /^(?:continue|continues|vowed|vow|vows|plans?|planning|intends?|intend|threatened|threatens|threaten|aims?|seeks?|sought|prepared|ready|going|and|intention|agreed|agrees|agree|offered|offers|promised|pledged|decided|expected)$/.test(lower[h.first - 2] ?? '')) ||
    (someOf(ctx, Math.max(sFirst, h.first - 12), h.first, W.intentionWord) && INTENTION.test(ctx.text.slice(seg.tokenStart[Math.max(sFirst, h.first - 12)]!, seg.tokenStart[h.first]!)));
  const negated = someOf(ctx, Math.max(windowStart, h.first - 3), h.first, W.negation) && lower[h.first - 1] === 'not';
  if (type === 'THREATEN') {
    status = 'threatened';
    const cond = conditionOf(ctx, sFirst, sLast);
    if (cond) {
      status = 'conditional';
      condition = cond;
    }
  } else if (inQuote && inQuote.speaker && future && (type === 'ASSAULT' || type === 'COERCE' || type === 'SANCTION' || type === 'MOBILIZE')) {
    // A speaker announcing attacks to come: a threat of that speaker.
    type = 'THREATEN';
    target = target >= 0 ? target : actor;
    actor = entityIndex(ctx, inQuote.speaker);
    const cond = conditionOf(ctx, sFirst, sLast);
    status = cond ? 'conditional' : 'threatened';
    condition = cond;
  } else if (future) {
    status = 'planned';
    // A withdrawal, release or ceasefire announced, not yet done, is a concession (PLOVER CONCEDE).
    if (type === 'RETREAT') type = 'CONCEDE';
  } else if (negated && type !== 'REJECT') {
    status = 'denied';
  } else if (inQuote?.speaker && DENIAL_CUE.test(inQuote.cue ?? '') && isMaterial(type)) {
    // "Iran denied any role in the attack", "the group denied attacking the base": the speaker denies
    // being the actor; the attack itself is not in question.
    const gerund = h.entry.pos === 'verb' && /ing$/.test(lower[h.first]!);
    const role = ctx.lower.slice(Math.max(sFirst, h.first - 8), h.first).some((w) => /^(?:role|involvement|responsibility|part|hand|link|links|connection)$/.test(w));
    if (gerund || role) {
      if (actor < 0 || sameSide(ctx, inQuote.speaker, ctx.entities[actor]!.id)) actor = entityIndex(ctx, inQuote.speaker);
      status = 'denied';
    }
  } else if (inQuote && inQuote.speaker && h.entry.pos !== 'noun' && !sameSide(ctx, inQuote.speaker, actor >= 0 ? ctx.entities[actor]!.id : null) && isMaterial(type) && !/^(?:vow|pledg|promis|threat|warn|urg|call|demand|denounc|condemn|slam|accus|plead|ask)/i.test(inQuote.cue ?? '')) {
    // A party's account of what happened (that-clauses of "said", "noted", "claimed"): its claim.
    status = 'claimed';
  }
  // A threat told in a party's speech is that party's threat.
  if (type === 'THREATEN' && inQuote?.speaker) {
    const sp = entityIndex(ctx, inQuote.speaker);
    if (sp >= 0 && sp !== actor) {
      if (target < 0 && actor >= 0 && ctx.entities[actor]!.type !== 'PERSON') target = -1;
      actor = sp;
    }
  }
  if (claimVerb >= 0) {
    if (actor < 0) actor = subjectBefore(ctx, sFirst, claimVerb);
    status = 'claimed';
  }
  // No one acts on itself here ("our soil" is the speaker's own).
  if (actor >= 0 && actor === target) target = -1;

  // Mode.
  let mode: string | null = def.mode ?? null;
  for (let t = Math.max(sFirst, h.first - 3); t <= Math.min(sLast, trigLast + 1) && !mode; t++) {
    if (!is(ctx, t, W.modeCue)) continue;
    const m = ctx.triggers.modes.get(lower[t]!) ?? (ctx.triggers.modePairStarts.has(lower[t]!) ? ctx.triggers.modes.get(`${lower[t]} ${lower[t + 1] ?? ''}`) : undefined);
    if (m) mode = m;
  }

  // Evidence: the clause around the trigger.
  // A nominal event without its actor in front is its noun phrase ("the relentless Israeli ground and aerial
  // offensives against …"), not the clause it sits in.
  const actorStart = actorStartToken(ctx, actor, h.first, sFirst);
  const npStart = h.entry.pos === 'noun' ? nounPhraseStart(ctx, h.first, clauseStart) : null;
  const evStart = Math.max(clauseStart, npStart === null ? actorStart ?? clauseStart : actorStart === null ? npStart : Math.min(actorStart, npStart));
  const evEnd = clauseEnd(ctx, trigLast, sLast);
  const evidence = { start: seg.tokenStart[evStart]!, end: seg.tokenEnd[evEnd]!, text: '' };
  evidence.text = ctx.text.slice(evidence.start, evidence.end);

  const date = dateFor(ctx, h.first, evStart, evEnd, s);
  // A speech act happens where it is said; the place of the act it is about is not its place
  // ("condemned the raid on Jenin").
  const otherEvents: number[] = [];
  for (const o of hits) if (o !== h && !consumed.has(o.first)) otherEvents.push(o.first);
  let location = placeFor(ctx, seg.sentenceTokenStart[s]!, governed && !isMaterial(type) ? governed.first - 1 : sLast, h.first, [actor, target], otherEvents);
  // An attack on a place happened there: "struck Beirut", "attacked the US embassy in Baghdad".
  if (target >= 0 && isMaterial(type)) {
    const where = placeOf(ctx, target);
    if (where && (!location || isCountryEntity(ctx, location.entity ?? null) || ctx.kb.ancestry(ctx.entities[target]!.kbId ?? '').includes(kbIdOf(ctx, location.entity) ?? ''))) location = where;
  }
  const toll = type === 'ASSAULT' ? casualties(ctx, s, target, h.first) : { fatalities: null, injuries: null };

  const base = {
    type,
    mode,
    actor: actor >= 0 ? ctx.entities[actor]!.id : null,
    actorText: actor >= 0 ? ctx.entities[actor]!.name : null,
    target: target >= 0 ? ctx.entities[target]!.id : null,
    targetText: target >= 0 ? ctx.entities[target]!.name : null,
    date: date?.value ?? null,
    dateText: date?.text ?? null,
    location,
    fatalities: toll.fatalities,
    injuries: toll.injuries,
    status,
    condition,
    evidence,
    sentence: s,
    trigger: h.first,
    claim: claimVerb >= 0,
    aboutEarlier: governed && target < 0 && (type === 'ACCUSE' || type === 'REJECT') && governed.entry.pos === 'noun' && /^(?:the|this|that|such|these)$/.test(lower[governed.first - 1] ?? lower[governed.first - 2] ?? '')
      ? governed.entry.def.type : null,
    weight: (actor >= 0 ? 2 : 0) + (target >= 0 ? 2 : 0) + (date?.value ? 1 : 0) + (location ? 1 : 0) + (toll.fatalities !== null ? 1 : 0),
  };
  // A threat without a named target threatens what its act would hit ("threatened to strike targets in
  // Iraq"), or else the other party of the sentence (the one warned).
  if (type === 'THREATEN' && target < 0) {
    const t2 = threatTarget(ctx, trigLast + 1, sLast, actor, sFirst);
    if (t2 >= 0) {
      base.target = ctx.entities[t2]!.id;
      base.targetText = ctx.entities[t2]!.name;
    }
  }
  // A threat against whoever commits the act: "any act … by the US or Israel" targets each of them.
  if (type === 'THREATEN' && condition) {
    const targets = agentsOfCondition(ctx, condition, s);
    if (targets.length) {
      const out: Draft[] = [];
      for (const e of targets) out.push({ ...base, target: ctx.entities[e]!.id, targetText: ctx.entities[e]!.name, weight: base.weight + 2 });
      return out;
    }
  }
  return [base];
}

function threatTarget(ctx: Ctx, from: number, to: number, actor: number, sFirst: number): number {
  // "targets in Iraq", "bases in Syria": the place of the targets stands for their owner.
  for (let t = from; t <= to && t - from < 14; t++) {
    if (/^[;.]$/.test(ctx.lower[t]!)) break;
    if (is(ctx, t, W.targetHead) && /^(?:in|of|on)$/.test(ctx.lower[t + 1] ?? '')) {
      const e = ctx.tokenEntity[t + 2]!;
      if (e >= 0 && e !== actor) return e;
    }
  }
  const after = objectAfter(ctx, from, to, actor);
  if (after >= 0) return after;
  for (let t = sFirst; t <= to; t++) {
    const e = ctx.tokenEntity[t]!;
    if (e >= 0 && e !== actor && ['GPE', 'ORG'].includes(ctx.entities[e]!.type) && !(ctx.entities[e]!.kbId && ctx.entities[actor]?.kbId && ctx.kb.affiliatedWith(ctx.entities[actor]!.kbId!, ctx.entities[e]!.kbId!))) return e;
  }
  return -1;
}

function agentsOfCondition(ctx: Ctx, condition: string, s: number): number[] {
  const m = /\bby\s+(.{2,80})$/.exec(condition);
  if (!m) return [];
  const from = ctx.text.indexOf(m[1]!, ctx.seg.sentences[2 * s]!);
  const out: number[] = [];
  for (let t = 0; t < ctx.seg.tokenCount; t++) {
    const st = ctx.seg.tokenStart[t]!;
    if (st < from) continue;
    if (st >= from + m[1]!.length) break;
    const e = ctx.tokenEntity[t]!;
    if (e >= 0 && isActorType(ctx, e) && !out.includes(e)) out.push(e);
  }
  return out;
}

function mentionInsideQuote(ctx: Ctx, entity: number, q: Quote): boolean {
  return ctx.mentions.some((m) => m.entity === entity && m.start >= q.span.start && m.end <= q.span.end && m.source !== 'coref');
}

function strikeNounAfter(ctx: Ctx, from: number, to: number): number {
  for (let t = from; t <= Math.min(to, from + 10); t++) {
    if (!/^(?:in|after|by|during|with)$/.test(ctx.lower[t]!)) continue;
    for (let k = t + 1; k <= Math.min(to, t + 5); k++) {
      const entries = ctx.triggers.byFirst.get(ctx.lower[k]!);
      if (entries?.some((e) => e.pos === 'noun' && e.def.type === 'ASSAULT')) {
        // "drone strike": the head is the last word of the compound.
        const head = entries.find((e) => e.pos === 'noun' && e.words.every((w, i) => ctx.lower[k + i] === w));
        return head ? k + head.words.length - 1 : k;
      }
    }
  }
  return -1;
}

// The subject that opens the clause ("General Qassem Soleimani, commander of …, and Abu Mahdi al-Muhandis,
// …, were martyred"): the first entity that is not inside a prepositional phrase.
function clauseSubject(ctx: Ctx, from: number, verb: number): number {
  for (let t = from; t < verb; t++) {
    const w = ctx.lower[t]!;
    const e = ctx.tokenEntity[t]!;
    if (e < 0 || !isActorType(ctx, e)) continue;
    if ((t > from && is(ctx, t - 1, W.preposition)) || is(ctx, t + 1, W.possessive) && w !== 'he') {
      while (t + 1 < verb && ctx.tokenEntity[t + 1] === e) t++;
      continue;
    }
    return e;
  }
  return subjectBefore(ctx, from, verb);
}

// An invasion names its victim by place: "a US-led invasion" of the country the sentence is about, or
// failing a place, of the country the article is most about ("since the 2003 US invasion").
function inferInvasionTarget(ctx: Ctx, d: Draft): void {
  if (d.type !== 'ASSAULT' || d.mode !== 'invasion' || d.target !== null) return;
  const code = d.location?.country;
  const country = code ? ctx.kb.countryByCode.get(code) : undefined;
  let idx = country ? ctx.entityByKbId.get(country) ?? -1 : -1;
  if (idx < 0 && !d.location) {
    let most = 0;
    ctx.entities.forEach((e, i) => {
      if (e.id === d.actor || !e.kbId || ctx.kb.get(e.kbId)?.kind !== 'country') return;
      const n = ctx.mentions.filter((m) => m.entity === i).length;
      if (n > most) [most, idx] = [n, i];
    });
  }
  if (idx >= 0 && ctx.entities[idx]!.id !== d.actor) {
    d.target = ctx.entities[idx]!.id;
    d.targetText = ctx.entities[idx]!.name;
  }
}

// A speaker and an actor on one side: the same entity, or tied by the KB (a group's leader, a member of a
// coalition, a unit of an army). What one side says of its own acts is its report, not a claim.
function sameSide(ctx: Ctx, speakerId: string, actorId: string | null): boolean {
  if (!actorId) return false;
  if (speakerId === actorId) return true;
  const a = kbIdOf(ctx, speakerId);
  const b = kbIdOf(ctx, actorId);
  if (!a || !b) return false;
  const sa = sideOf(ctx, a);
  for (const x of sideOf(ctx, b)) if (sa.has(x)) return true;
  return false;
}

// A KB entry with its ancestors and the organisations it belongs to (not its allies) with theirs; asked
// again and again for the speakers and actors of a document, so kept for it.
function sideOf(ctx: Ctx, id: string): Set<string> {
  let side = ctx.sides.get(id);
  if (!side) {
    const kb = ctx.kb;
    side = new Set([id, ...kb.ancestry(id), ...(kb.get(id)?.affiliations ?? []).filter((x) => x.rel !== 'allied-with').flatMap((x) => [x.target, ...kb.ancestry(x.target)])]);
    ctx.sides.set(id, side);
  }
  return side;
}

function isMaterial(type: PloverType): boolean {
  return MATERIAL_TYPES.has(type);
}

function isPassive(ctx: Ctx, t: number, from: number): boolean {
  const w = ctx.lower[t]!;
  if (!/(?:ed|struck|hit|shot|fought|sent|withdrawn|martyred|met)$/.test(w)) return false;
  for (let k = t - 1; k >= Math.max(from, t - 3); k--) {
    const p = ctx.lower[k]!;
    if (/^(?:was|were|been|being|is|are|be|got)$/.test(p)) return true;
    if (!/^(?:also|reportedly|allegedly|later|then|all|both|repeatedly|subsequently|recently|just|not)$/.test(p)) return false;
  }
  return false;
}

// ---------------------------------------------------------------- roles

/** Whether the token at t is of one of the classes `bits` (never, for a position outside the text). */
function is(ctx: Ctx, t: number, bits: number): boolean {
  return (ctx.classes[t]! & bits) !== 0;
}

/** Whether a token among [from, to) is of one of the classes `bits`. */
function someOf(ctx: Ctx, from: number, to: number, bits: number): boolean {
  for (let t = from; t < to; t++) if ((ctx.classes[t]! & bits) !== 0) return true;
  return false;
}

function entityAt(ctx: Ctx, t: number): number {
  const e = ctx.tokenEntity[t]!;
  if (e >= 0) return e;
  // A nationality standing for its state: "Israeli airstrike", "US-led".
  return Math.max(nationalityAt(ctx, t), -1);
}

const NOT_A_NATIONALITY = -2;
// The nationality a word names, as a KB id or null, memoised on the word type per knowledge base.
const nationalitySlots = new WeakMap<KnowledgeBase, number>();

// Each token's classes and nationality (see nationalityAt), read in one pass over the document's words:
// both sit in the word's memo, reached once per token.
function readWords(types: readonly WordType[], ctx: Ctx): void {
  const { kb, triggers, classes, nationality, entityByKbId } = ctx;
  let slot = nationalitySlots.get(kb);
  if (slot === undefined) nationalitySlots.set(kb, (slot = wordSlot()));
  const classSlot = slotFor(triggers);
  for (let t = 0; t < types.length; t++) {
    const word = types[t]!;
    classes[t] = wordClasses(word, triggers, classSlot);
    let id = word.memo[slot] as string | null | undefined;
    if (id === undefined) word.memo[slot] = id = kb.demonyms.get(tokenKey(word.text)) ?? null;
    nationality[t] = id === null ? NOT_A_NATIONALITY : entityByKbId.get(id) ?? -1;
  }
}

/** The entity the nationality word at t stands for ("Israeli" → Israel), -1 when the text names no
 *  entity of its state, NOT_A_NATIONALITY when it is no nationality. */
function nationalityAt(ctx: Ctx, t: number): number {
  return ctx.nationality[t]!;
}

function entityIndex(ctx: Ctx, id: string): number {
  return ctx.entityById.get(id) ?? -1;
}

// The KB id of the entity with this id, if it has one.
function kbIdOf(ctx: Ctx, id: string | null | undefined): string | null | undefined {
  const e = id === null || id === undefined ? undefined : ctx.entityById.get(id);
  return e === undefined ? undefined : ctx.entities[e]!.kbId;
}

function isActorType(ctx: Ctx, e: number): boolean {
  return e >= 0 && ACTOR_TYPES.has(ctx.entities[e]!.type);
}

// The subject of the clause: the nearest entity before the trigger that is not the object of a
// preposition or a possessor. Inside "the secretary general of (Iraqi resistance group) X" the person
// the phrase is about acts, not X.
function subjectBefore(ctx: Ctx, from: number, to: number): number {
  // The subject of a reported clause is inside it ("X's correspondent reported that the enemy's aircraft
  // fired …" has no named subject).
  const q = to < ctx.seg.tokenCount ? quoteAround(ctx, ctx.seg.tokenStart[to]!) : undefined;
  if (q && q.kind !== 'direct') {
    while (from < to && ctx.seg.tokenStart[from]! < q.span.start) from++;
  }
  let fallback = -1;
  for (let t = to - 1; t >= from; t--) {
    if (ctx.marks[t] === SEMICOLON) break;
    const e = entityAt(ctx, t);
    if (e < 0 || !isActorType(ctx, e)) continue;
    let first = t;
    while (first > from && ctx.tokenEntity[first - 1] === e) first--;
    const head = headOfOfPhrase(ctx, from, first, e);
    if (head >= 0) return head;
    if (is(ctx, t + 1, W.possessive) || (first > from && is(ctx, first - 1, W.preposition))) {
      // A place after a locative ("near a police station in Kirkuk") is where, never who.
      const where = first > from && is(ctx, first - 1, W.locative) && ['GPE', 'LOC', 'FAC'].includes(ctx.entities[e]!.type);
      if (fallback < 0 && !where) fallback = e;
      t = first;
      continue;
    }
    return firstConjunct(ctx, from, first, e);
  }
  return fallback;
}

// "Israel and the United States struck …": the first of coordinated subjects.
function firstConjunct(ctx: Ctx, from: number, first: number, e: number): number {
  let k = first - 1;
  if (ctx.lower[k] === 'the') k--;
  if (ctx.lower[k] !== 'and' || k - 1 < from) return e;
  k--;
  if (ctx.lower[k] === ',') return e;
  const other = entityAt(ctx, k);
  if (!isActorType(ctx, other) || other === e) return e;
  let start = k;
  while (start > from && ctx.tokenEntity[start - 1] === other) start--;
  return (start > from && is(ctx, start - 1, W.preposition)) || is(ctx, k + 1, W.possessive) ? e : other;
}

function headOfOfPhrase(ctx: Ctx, from: number, first: number, e: number): number {
  for (let k = first - 1; k >= Math.max(from + 1, first - 5); k--) {
    const w = ctx.lower[k]!;
    if (w === 'of' || w === 'for') {
      const head = ctx.tokenEntity[k - 1]!;
      return head >= 0 && head !== e && ctx.entities[head]!.type === 'PERSON' ? head : -1;
    }
    if (!/^[a-z-]+$/.test(w) || ctx.tokenEntity[k]! >= 0) return -1;
  }
  return -1;
}


function objectAfter(ctx: Ctx, from: number, to: number, exclude = -1, keepPossessor = false): number {
  for (let t = from; t <= to && t - from < 12; t++) {
    const c = ctx.marks[t];
    if (c === FULL_STOP || c === SEMICOLON || is(ctx, t, W.clauseBreak) || (c === COMMA && t - from > 8)) return -1;
    // A place after a locative is where, not whom: "hit a vehicle east of the Iraqi capital Baghdad".
    if (is(ctx, t, W.placeAhead)) return -1;
    const e = targetAt(ctx, t);
    if (e < 0 || e === exclude || ctx.entities[e]!.type === 'NORP') continue;
    let last = t;
    while (last + 1 <= to && ctx.tokenEntity[last + 1] === e) last++;
    // A possessor is not the object ("Iran's top commander, General Qassem Soleimani") unless what it
    // owns is a target ("the Israeli entity's vital targets").
    if (is(ctx, last + 1, W.possessive) && !keepPossessor) {
      let k = last + 2;
      while (k < last + 5 && /^(?:vital|key|military|strategic|main|top|naval|air|major|sensitive|economic)$/.test(ctx.lower[k] ?? '')) k++;
      if (is(ctx, k, W.targetHead)) return e;
      t = last + 1;
      continue;
    }
    return e;
  }
  return -1;
}

// An entity as a target; a nationality counts only before a target noun ("Israeli targets", "US
// positions"), not before people ("Iraqi commanders").
function targetAt(ctx: Ctx, t: number, anyHead = false): number {
  const e = ctx.tokenEntity[t]!;
  if (e >= 0) return e;
  const state = nationalityAt(ctx, t);
  if (state === NOT_A_NATIONALITY) return -1;
  if (anyHead) return state;
  let k = t + 1;
  // Scare quotes around the nationality ("“Israeli” ports") change nothing.
  while (k < t + 5 && /^(?:military|vital|strategic|key|naval|air|occupation|occupying|and|or|-|run|iranian|american|israeli|[a-z]+-run|["“”'’])$/.test(ctx.lower[k] ?? '')) k++;
  if (!is(ctx, k, W.targetHead)) return -1;
  return state;
}

// After "in", a town is where the attack was ("an explosion in Kabul"); a country or territory is also
// what it was waged on ("the war in Yemen").
function inhabited(ctx: Ctx, e: number): boolean {
  const ent = ctx.entities[e]!;
  const kind = ent.kbId ? ctx.kb.get(ent.kbId)?.kind : undefined;
  return kind === 'country' || kind === 'territory' || (kind === undefined && ent.type === 'GPE');
}

// The first entity governed by one of the prepositions; after those in `placeOnly` ("in") only an
// inhabited place counts ("an attack in the Red Sea" is where, not whom).
function objectOfPreposition(ctx: Ctx, from: number, to: number, preps: string[], keepPossessor = false, exclude = -1, placeOnly: string[] = []): number {
  for (let t = from; t <= to && t - from < 24; t++) {
    const c = ctx.marks[t];
    if (c === SEMICOLON || (c === COMMA && t - from > 6) || is(ctx, t, W.relativeOrTime)) return -1;
    const w = ctx.lower[t]!;
    if (!preps.includes(w)) continue;
    for (let k = t + 1; k <= Math.min(to, t + 6); k++) {
      const e = targetAt(ctx, k, keepPossessor);
      if (e === exclude && e >= 0) break;
      if (e >= 0 && placeOnly.includes(w) && !inhabited(ctx, e)) break;
      if (e >= 0 && (keepPossessor || !is(ctx, k + 1, W.possessive) || is(ctx, k + 2, W.targetHead))) return e;
      if (ctx.marks[k] === COMMA || is(ctx, k, W.preposition) && k > t + 1) break;
    }
  }
  return -1;
}

// The agent after "by" within the trigger's own phrase: not past another verb ("a strike on a convoy
// carrying weapons supplied by Iran" names who supplied, not who struck).
function byEntity(ctx: Ctx, from: number, to: number): number {
  for (let t = from; t <= Math.min(to, from + 10); t++) {
    const w = ctx.lower[t]!;
    if (t > from && is(ctx, t, W.agentStop)) return -1;
    if (w !== 'by') continue;
    for (let k = t + 1; k <= Math.min(to, t + 6); k++) {
      const e = entityAt(ctx, k);
      if (isActorType(ctx, e)) return e;
    }
  }
  return -1;
}

// A premodifier or possessor of a nominal trigger: "a US drone strike", "Israel's onslaught",
// "the Israeli attack", "Washington's assassination of".
function premodifierEntity(ctx: Ctx, head: number, from: number): number {
  for (let t = head - 1; t >= Math.max(from, head - 5); t--) {
    const w = ctx.lower[t]!;
    if (is(ctx, t, W.possessive)) continue;
    const e = entityAt(ctx, t);
    if (isActorType(ctx, e)) return e;
    // "US-led", "Iran-backed": the name inside the compound.
    const hy = w.includes('-') ? /^([a-z.]+)-(?:led|run|backed|made|launched|fired)$/.exec(w) : null;
    if (hy) {
      const id = ctx.kb.lookup(hy[1]!.toUpperCase()).concat(ctx.kb.lookup(hy[1]!))[0];
      const idx = id ? ctx.entityByKbId.get(id) ?? -1 : -1;
      if (idx >= 0) return idx;
    }
    // An article, a comma or a preposition ends the premodifiers; a possessive pronoun does not.
    if (is(ctx, t, W.article | W.preposition) || w === ',') return -1;
  }
  return -1;
}

// The subject of the light verb governing a nominal trigger: "The coalition has been staging attacks".
function subjectOfLightVerb(ctx: Ctx, head: number, from: number): number {
  for (let t = head - 1; t >= Math.max(from, head - 6); t--) {
    if (/^(?:conducted|conducting|launched|launching|staged|staging|carried|carrying|mounted|waged|waging|began|begun|started|continued|resumed|claimed|stepped|announced|announcing|declared|declaring|issued|issuing|delivered|ordered|approved|imposed|provided|made|extended)$/.test(ctx.lower[t]!)) return subjectBefore(ctx, from, t);
  }
  return -1;
}

// "X and Y were martyred in a US drone strike": the subject of the passive clause the strike is in.
function passiveVictim(ctx: Ctx, head: number, from: number): number {
  for (let t = head - 1; t >= Math.max(from, head - 25); t--) {
    if (is(ctx, t, W.victimVerb) && /^(?:was|were|been|is|are)$/.test(ctx.lower[t - 1] ?? '')) {
      return clauseSubject(ctx, from, t - 1);
    }
  }
  return -1;
}

// The first token of entity e in [from, to] within one phrase (no comma or clause word in between).
function firstTokenOf(ctx: Ctx, e: number, from: number, to: number): number {
  for (let t = from; t <= to; t++) {
    if (ctx.tokenEntity[t] === e) return t;
    if (ctx.marks[t] === COMMA || is(ctx, t, W.clauseBreak)) return -1;
  }
  return -1;
}

function nounPhraseStart(ctx: Ctx, head: number, from: number): number {
  let k = head;
  while (k - 1 >= from && head - k < 8) {
    const w = ctx.lower[k - 1]!;
    if (is(ctx, k - 1, W.preposition | W.phraseStop) || (ctx.tokenEntity[k - 1]! < 0 && !is(ctx, k - 1, W.phraseWord))) break;
    k--;
    if (is(ctx, k, W.article) || w === 'those') break;
  }
  return k;
}

function actorStartToken(ctx: Ctx, actor: number, trigger: number, from: number): number | null {
  if (actor < 0) return null;
  for (let t = trigger - 1; t >= from && trigger - t < 20; t--) if (ctx.tokenEntity[t] === actor) {
    let first = t;
    while (first > from && ctx.tokenEntity[first - 1] === actor) first--;
    return first;
  }
  return null;
}

// ---------------------------------------------------------------- status, time, place, toll

function quoteAround(ctx: Ctx, offset: number): Quote | undefined {
  return ctx.quotes.find((q) => q.span.start <= offset && offset < q.span.end);
}

function clauseBoundaryBefore(ctx: Ctx, t: number, from: number): number {
  for (let k = t - 1; k >= from; k--) {
    const c = ctx.marks[k];
    if (c === SEMICOLON || ((c === OPENING_QUOTE || c === STRAIGHT_QUOTE) && t - k > 3) || (c === COMMA && t - k > 12) || is(ctx, k, W.contrast)) return k + 1;
  }
  return from;
}

function clauseEnd(ctx: Ctx, t: number, to: number): number {
  let end = t;
  for (let k = t + 1; k <= to && k - t <= 22; k++) {
    const c = ctx.marks[k];
    if (c === SEMICOLON || c === FULL_STOP || (c === COMMA && k - t > 4) || (is(ctx, k, W.clauseBreak) && k - t > 2) || (c === CLOSING_QUOTE && k - t > 3)) break;
    end = k;
  }
  while (end > t && TRAILING_MARKS.has(ctx.marks[end]!)) end--;
  return end;
}

// "if American forces target …", "any use of Iraq's airspace …", "should X …": the condition as stated.
function conditionOf(ctx: Ctx, from: number, to: number): string | null {
  const text = ctx.text.slice(ctx.seg.tokenStart[from]!, ctx.seg.tokenEnd[to]!);
  const m = /\b(?:if|unless|should|in case|in the event that|once)\s+[^,.;]{3,160}/i.exec(text) ?? /\bany\s+(?!longer\b)[^,.;]{2,120}?(?=\s+(?:will|would|shall|is|are)\b)/i.exec(text) ?? /\bany\s+[“"]?\w+[”"]?\s+(?:act|attack|strike|aggression|move|use|violation)[^,.;]{0,100}/i.exec(text);
  return m ? m[0].trim() : null;
}

function dateFor(ctx: Ctx, trigger: number, evStart: number, evEnd: number, s: number): Timex | null {
  const a = ctx.seg.sentences[2 * s]!;
  const b = ctx.seg.sentences[2 * s + 1]!;
  const inSentence = (ctx.sentenceTimex[s] ??= ctx.timex.filter((x) => x.start >= a && x.end <= b));
  if (!inSentence.length) return null;
  const tStart = ctx.seg.tokenStart[trigger]!;
  const inClause = inSentence.filter((x) => x.start >= ctx.seg.tokenStart[evStart]! && x.end <= ctx.seg.tokenEnd[evEnd]! + 40);
  const pool = inClause.length ? inClause : inSentence;
  // The nearest expression, after the trigger first ("strike … on January 3").
  return [...pool].sort((x, y) => Math.abs(x.start - tStart) - Math.abs(y.start - tStart))[0] ?? null;
}

function isCountryEntity(ctx: Ctx, id: string | null): boolean {
  const kbId = id ? kbIdOf(ctx, id) : undefined;
  return !!kbId && ctx.kb.get(kbId)?.kind === 'country';
}

// The location record of a place entity that is not a whole country, or null.
function placeOf(ctx: Ctx, e: number): AnalysisEvent['location'] {
  const ent = ctx.entities[e]!;
  if (ent.type !== 'FAC' && ent.type !== 'GPE' && ent.type !== 'LOC') return null;
  const kb = ent.kbId ? ctx.kb.get(ent.kbId) : undefined;
  if (kb?.kind === 'country') return null;
  const country = kb?.country ?? (kb?.parent ? ctx.kb.get(kb.parent)?.country : undefined) ?? null;
  return { name: ent.name, entity: ent.id, country, lat: kb?.lat ?? null, lon: kb?.lon ?? null };
}

// The event's place: the nearest locative ("in", "near", "east of") in its sentence, after the trigger
// first; a place with another event's trigger between it and this one is that event's.
function placeFor(ctx: Ctx, sentenceStart: number, to: number, trigger: number, roles: number[], otherEvents: number[] = []): AnalysisEvent['location'] {
  const candidates: { e: number; t: number; score: number }[] = [];
  for (let t = sentenceStart; t <= to; t++) {
    const e = ctx.tokenEntity[t]!;
    if (e < 0 || roles.includes(e)) continue;
    if (anyBetween(otherEvents, t, trigger)) continue;
    const ent = ctx.entities[e]!;
    if (ent.type !== 'GPE' && ent.type !== 'LOC' && ent.type !== 'FAC') continue;
    let first = t;
    while (first > sentenceStart && ctx.tokenEntity[first - 1] === e) first--;
    let k = first - 1;
    while (k > sentenceStart && is(ctx, k, W.placeModifier)) k--;
    const loc = is(ctx, k, W.locative) || is(ctx, k - 1, W.compass);
    let last = t;
    while (last + 1 <= to && ctx.tokenEntity[last + 1] === e) last++;
    // "on the US embassy", "at Iraqi bases": a state naming the owner of the target is not the place.
    const modifier = ent.type === 'GPE' && is(ctx, last + 1, W.targetHead);
    if (!loc || modifier) {
      while (t + 1 <= to && ctx.tokenEntity[t + 1] === e) t++;
      continue;
    }
    const distance = t >= trigger ? t - trigger : (trigger - t) * 2;
    candidates.push({ e, t, score: distance - (ent.type === 'FAC' ? 6 : 0) });
    while (t + 1 <= to && ctx.tokenEntity[t + 1] === e) t++;
  }
  if (!candidates.length) return null;
  candidates.sort((x, y) => x.score - y.score);
  const ent = ctx.entities[candidates[0]!.e]!;
  const kb = ent.kbId ? ctx.kb.get(ent.kbId) : undefined;
  const country = kb?.country ?? (kb?.parent ? ctx.kb.get(kb.parent)?.country : undefined) ?? null;
  return { name: ent.name, entity: ent.id, country: country ?? null, lat: kb?.lat ?? null, lon: kb?.lon ?? null };
}

/** Whether one of `points` lies strictly between a and b (in either order). A loop, not a closure: one
 *  capturing the caller's loop variable would cost a context per iteration of that loop. */
function anyBetween(points: readonly number[], a: number, b: number): boolean {
  for (const o of points) if ((o > a && o < b) || (o < a && o > b)) return true;
  return false;
}

// Fatalities and injuries in the event's sentence, or in the next when that one only gives the toll
// ("Israel bombed Rafah. At least 16 Palestinians were killed."): "killing three", "seven martyrs",
// "killed two officers as well as five of their companions". Vague numbers count low (the numbers
// stage gives ACLED's values). A named person killed counts one, and "two others" add to it.
function casualties(ctx: Ctx, s: number, target: number, trigger: number): Toll {
  const sentence = sentenceToll(ctx, s);
  const here = tollOf(ctx, s, tollRange(ctx, s, sentence.cuts, trigger));
  let { fatalities, injuries } = here;
  const namedVictim = target >= 0 && ctx.entities[target]!.type === 'PERSON' && sentence.tellsKilling;
  if (namedVictim && fatalities === null) fatalities = 1;
  const following = s + 1 < ctx.seg.sentenceCount ? sentenceToll(ctx, s + 1) : null;
  if (following?.tollOnly) {
    const next = following.toll;
    if (fatalities === null) fatalities = next.fatalities;
    else if (namedVictim && here.fatalities === null && following.tellsOthers && next.fatalities !== null) fatalities += next.fatalities;
    if (injuries === null) injuries = next.injuries;
  }
  return { fatalities, injuries };
}

// What the tolls of a sentence's attacks need of it, found once per sentence (a sentence has several).
function sentenceToll(ctx: Ctx, si: number): SentenceToll {
  const known = ctx.sentenceTolls[si];
  if (known) return known;
  const a = ctx.seg.sentenceTokenStart[si]!;
  const b = ctx.seg.sentenceTokenStart[si + 1]!;
  let tellsKilling = false;
  let tellsOthers = false;
  const cuts: number[] = [];
  for (let t = a; t < b; t++) {
    if (is(ctx, t, W.killing)) tellsKilling = true;
    if (is(ctx, t, W.others)) tellsOthers = true;
    if (t > a && (is(ctx, t, W.tollCut) || (is(ctx, t + 1, W.responseNoun) && ctx.lower[t] === 'in'))) cuts.push(t);
  }
  const facts: SentenceToll = { tollOnly: tollSentence(ctx, si), toll: tollOf(ctx, si), tellsKilling, tellsOthers, cuts };
  ctx.sentenceTolls[si] = facts;
  return facts;
}

// A sentence that reports a toll and no attack of its own: no attack word other than the words of death.
function tollSentence(ctx: Ctx, si: number): boolean {
  const a = ctx.seg.sentenceTokenStart[si]!;
  const b = ctx.seg.sentenceTokenStart[si + 1]!;
  if (ctx.quotes.some((q) => q.span.start <= ctx.seg.tokenStart[a]! && ctx.seg.tokenStart[a]! < q.span.end)) return false;
  return !someOf(ctx, a, b, W.attackNotToll);
}

// The part of the sentence whose toll belongs to the attack at `trigger`. A phrase that brings in an
// earlier or later happening ("… were killed in US airstrikes following a drone attack on an outpost",
// "after …", "in retaliation for …") keeps its attack apart from the toll of the main clause: when the
// toll and another attack share one side of that boundary, the attack on the other side has none of it.
function tollRange(ctx: Ctx, s: number, cuts: number[], trigger: number): [number, number] {
  const a = ctx.seg.sentenceTokenStart[s]!;
  const b = ctx.seg.sentenceTokenStart[s + 1]!;
  if (!cuts.length) return [a, b];
  const bounds = [a, ...cuts, b];
  const part = (t: number) => bounds.findIndex((x, i) => t >= x && t < bounds[i + 1]!);
  const mine = part(trigger);
  const counts = (i: number) => {
    for (let k = firstNumberFrom(ctx.numbers, bounds[i]!); k < ctx.numbers.length && ctx.numbers[k]!.first < bounds[i + 1]!; k++) if (ctx.numbers[k]!.casualty) return true;
    return false;
  };
  if (counts(mine)) return [bounds[mine]!, bounds[mine + 1]!];
  // The toll stands in another part: it is this attack's unless an attack of that part claims it.
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (i === mine || !counts(i)) continue;
    if (someOf(ctx, bounds[i]!, bounds[i + 1]!, W.opensAttack)) return [trigger, trigger];
  }
  return [a, b];
}

function tollOf(ctx: Ctx, si: number, range?: [number, number]): Toll {
  const a = range ? range[0] : ctx.seg.sentenceTokenStart[si]!;
  const b = range ? range[1] : ctx.seg.sentenceTokenStart[si + 1]!;
  let fatalities: number | null = null;
  let injuries: number | null = null;
  const numbers = ctx.numbers;
  for (let i = firstNumberFrom(numbers, a); i < numbers.length && numbers[i]!.first < b; i++) {
    const q = numbers[i]!;
    if (!q.casualty || q.last >= b) continue;
    if (q.casualty === 'killed') fatalities = (fatalities ?? 0) + q.value;
    else injuries = (injuries ?? 0) + q.value;
  }
  return { fatalities, injuries };
}

/** The index of the first quantity that starts at or after token t, in quantities in text order (as the
 *  numbers stage gives them); quantities.length when there is none. */
export function firstNumberFrom(quantities: readonly Quantity[], t: number): number {
  return firstIndexNotBefore(quantities.length, (i) => quantities[i]!.first < t);
}

// ---------------------------------------------------------------- one event per happening

function merge(drafts: Draft[], ctx: Ctx): Draft[] {
  const kb = ctx.kb;
  const out: Draft[] = [];
  const actorsAgree = (a: string | null, b: string | null) => compatible(a, b) || (a !== null && b !== null && (kb.ancestry(a).includes(b) || kb.ancestry(b).includes(a)));
  for (const d of drafts) {
    // Two events of one sentence were kept apart there on purpose.
    const same = out.find((o) => o.type === d.type && o.sentence !== d.sentence && (o.status === d.status || o.status === 'claimed' || d.status === 'claimed') && actorsAgree(o.actor, d.actor) && compatible(o.target, d.target) &&
      (o.actor !== null || o.target !== null) && (d.actor !== null || d.target !== null) && sameHappening(ctx, o, d)) ?? anaphoricAntecedent(out, d);
    if (!same) {
      out.push(d);
      continue;
    }
    // Keep the most informative mention's evidence; fill in what the other knew.
    out[out.indexOf(same)] = combine(same, d);
  }
  return out;
}

// "The strike in Baghdad drew condemnation": a definite mention without parties, right after an event
// of its type, is that event.
function anaphoricAntecedent(out: Draft[], d: Draft): Draft | undefined {
  if (d.actor !== null || d.target !== null || !/^(?:the|this|that)\s/i.test(d.evidence.text)) return undefined;
  return [...out].reverse().find((o) => o.type === d.type && o.sentence <= d.sentence && d.sentence - o.sentence <= 3 &&
    (!o.location || !d.location || o.location.entity === d.location.entity) && (!o.date || !d.date || o.date.startsWith(d.date) || d.date.startsWith(o.date)));
}

function isCountryPlace(ctx: Ctx, d: Draft): boolean {
  const kbId = d.location?.entity ? kbIdOf(ctx, d.location.entity) : undefined;
  return kbId !== undefined && kbId !== null && ctx.kb.get(kbId)?.kind === 'country';
}

// Two mentions of one happening: compatible dates (2020 and 2020-01-03 agree), and a shared place or
// target when both have one; a threat or a condemnation repeated with the same parties is one act.
function sameHappening(ctx: Ctx, a: Draft, b: Draft): boolean {
  const datesAgree = !a.date || !b.date || a.date.startsWith(b.date) || b.date.startsWith(a.date);
  if (!datesAgree) return false;
  if (a.location && b.location && a.location.entity !== b.location.entity) return false;
  if (a.type !== 'ASSAULT') return a.actor === b.actor && (a.target === b.target || a.sentence === b.sentence - 1 || b.sentence === a.sentence - 1);
  if (a.fatalities !== null && b.fatalities !== null && a.fatalities !== b.fatalities) return false;
  // "The Israeli attack killed …" right after "the April 1 airstrike": a definite mention of the same one.
  const later = a.sentence > b.sentence ? a : b;
  if (Math.abs(a.sentence - b.sentence) === 1 && /^(?:the|this|that)\b/i.test(later.evidence.text)) return true;
  // Two attacks with the same parties and nothing else in common may still be two attacks: join them
  // only when they share a date, a place or a named target.
  const finePlace = (d: Draft) => d.location !== null && !isCountryPlace(ctx, d);
  return Boolean((a.date && b.date) || (finePlace(a) && finePlace(b)) || (a.target && a.target === b.target && a.actor === b.actor));
}
