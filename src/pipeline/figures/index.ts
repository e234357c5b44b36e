// Stage "figures": numeric claims — casualty counts, troop numbers, attacks, weapons, money and spans of
// time — with what is counted (measure, subject), how exactly (qualifier), when (asOf) and on whose word
// (attributedTo).
// Requires: segments, entities, entity-mentions, quotes, timex, numbers. Provides: figures.
// A number is a figure when it counts something the lexicon knows (data/lexicons/figures.json: "2,500
// troops", "dozens of missiles", "300 people were arrested"), when the numbers stage marked it a casualty
// count ("killing at least 16", "seven martyrs"), or when it measures a stretch of time ("19 years
// after"). Years, dates, ages, ordinals, clock times, percentages and numbers that are part of a name
// ("Tower 22", "Resolution 2334") are not figures.
import type { AnalysisDocument, Segmentation } from '../../core/document.ts';
import { wordsOf } from '../words/index.ts';
import type { Figure, Quote } from '../../core/record.ts';
import { tokenKey, type KnowledgeBase } from '../../kb/index.ts';
import { TIMEX, type Timex } from '../dates/index.ts';
import { ENTITY_MENTIONS, type EntityLayer } from '../entities/index.ts';
import { NUMBERS, type Quantity } from '../numbers/index.ts';
import type { Stage } from '../stage.ts';
import { sentenceStartingBy } from '../../core/search.ts';

export interface FigureLexicon {
  heads: Record<string, string>;
  people: string[];
  arrestVerbs: string[];
  displaceVerbs: string[];
  durationUnits: Record<string, string>;
  durationScale: Record<string, number>;
}

interface FigureIndex {
  heads: Map<string, string>;
  people: Set<string>;
  arrest: Set<string>;
  displace: Set<string>;
  units: Map<string, string>;
  scale: Map<string, number>;
}

export function buildFigureIndex(lex: FigureLexicon): FigureIndex {
  return {
    heads: new Map(Object.entries(lex.heads)),
    people: new Set(lex.people),
    arrest: new Set(lex.arrestVerbs),
    displace: new Set(lex.displaceVerbs),
    units: new Map(Object.entries(lex.durationUnits)),
    scale: new Map(Object.entries(lex.durationScale)),
  };
}

export function figuresStage(lex: FigureLexicon, kb: KnowledgeBase): Stage {
  const ix = buildFigureIndex(lex);
  return {
    name: 'figures',
    requires: ['segments', 'words', 'entities', ENTITY_MENTIONS, 'quotes', TIMEX, NUMBERS],
    provides: ['figures'],
    run(doc: AnalysisDocument) {
      doc.figures = extractFigures(doc, ix, kb);
    },
  };
}

interface Ctx {
  text: string;
  seg: Segmentation;
  lower: (t: number) => string;
  word: (t: number) => string;
  layer: EntityLayer;
  doc: AnalysisDocument;
  ix: FigureIndex;
  kb: KnowledgeBase;
}

const STOP = /^(?:[,.;:()"“”'‘’!?]|-|—|–|of|in|on|at|from|to|with|by|for|into|over|near|after|before|since|during|across|against|and|or|but|who|which|that|were|was|are|is|have|has|had|be|been|will|would|could|may|remain|remained|remains|since)$/;
const OF_DETERMINERS = /^(?:the|their|its|his|her|our|those|these|them|whom|which)$/;

export function extractFigures(doc: AnalysisDocument, ix: FigureIndex, kb: KnowledgeBase): Figure[] {
  const seg = doc.segments!;
  const text = doc.text;
  const words = wordsOf(doc);
  const word = (t: number) => (t >= 0 && t < seg.tokenCount ? words.text[t]! : '');
  const lower = (t: number) => (t >= 0 && t < seg.tokenCount ? words.lower[t]! : '');
  const ctx: Ctx = { text, seg, lower, word, layer: doc.layers.get(ENTITY_MENTIONS) as EntityLayer, doc, ix, kb };
  const quantities = [...((doc.layers.get(NUMBERS) as Quantity[] | undefined) ?? []), ...singleUnits(ctx)].sort((a, b) => a.start - b.start);
  const out: Figure[] = [];
  let prev: Placed | null = null;
  for (const q of quantities) {
    const f = figureOf(ctx, q, prev);
    if (!f) continue;
    out.push(f);
    prev = { figure: f, quantity: q };
  }
  return out;
}


// "a decade", "a century": one unit of time the numbers stage does not count (it leaves "a" alone).
function singleUnits(ctx: Ctx): Quantity[] {
  const out: Quantity[] = [];
  const { text, seg } = ctx;
  for (let t = 0; t + 1 < seg.tokenCount; t++) {
    // Only a token of one to three characters that begins with an a or an o can be "a", "an" or "one";
    // telling so from the text spares reading the string of every other token.
    const length = seg.tokenEnd[t]! - seg.tokenStart[t]!;
    const c = text.charCodeAt(seg.tokenStart[t]!) | 0x20;
    if (length > 3 || (c !== 0x61 && c !== 0x6f)) continue;
    if (!/^(?:a|an|one)$/.test(ctx.lower(t)) || !ctx.ix.scale.has(ctx.lower(t + 1))) continue;
    let qualifier: string | null = null;
    let start = ctx.seg.tokenStart[t]!;
    const before = `${ctx.lower(t - 2)} ${ctx.lower(t - 1)}`;
    for (const qual of ['more than', 'less than', 'nearly', 'almost', 'over', 'about', 'around', 'under']) {
      if (before.endsWith(` ${qual}`) || before === qual) {
        qualifier = qual;
        start = ctx.seg.tokenStart[t - qual.split(' ').length]!;
        break;
      }
    }
    out.push({ start, end: ctx.seg.tokenEnd[t]!, first: t, last: t, value: 1, vague: false, qualifier, kind: 'duration' });
  }
  return out;
}

function figureOf(ctx: Ctx, q: Quantity, prev: Placed | null): Figure | null {
  if (q.kind === 'year' || q.kind === 'date' || q.kind === 'ordinal' || q.kind === 'time' || q.kind === 'percent') return null;
  // The sentence by a search of the sentence starts: figures are few, a table per token costs more.
  const s = sentenceStartingBy(ctx.seg, q.first);
  const sEnd = ctx.seg.sentenceTokenStart[s + 1]!;
  if (partOfName(ctx, q) || isAge(ctx, q)) return null;

  let measure: string | null = null;
  let value = q.value;
  let subjectFirst = -1;
  let subjectLast = -1;
  let evidenceLast = q.last;
  let elided: string | null = null;

  // "three times more bombs": a multiplier, not a count.
  if (ctx.lower(q.last + 1) === 'times') return null;
  // "1399 Man of the Year": a number before a capitalised word that is no nationality is part of a name.
  const next = ctx.word(q.last + 1);
  if (/^\p{Lu}\p{Ll}/u.test(next) && ctx.layer.tokenEntity[q.last + 1]! < 0 && !ctx.kb.demonyms.has(tokenKey(next)) && !ctx.kb.demonyms.has(tokenKey(next.replace(/s$/, '')))) return null;
  if (q.kind === 'duration') {
    // "a few years", "several years": no number is claimed.
    if (q.vague && q.value <= 10) return null;
    // "19 years after", "four years since", "over a decade": a stretch of time; "a five-year plan" is a
    // kind of plan, not a figure.
    if (ctx.lower(q.last + 1) === '-' || /-/.test(ctx.lower(q.last))) return null;
    const unit = ctx.lower(q.last + 1) && ctx.ix.units.has(ctx.lower(q.last + 1)) ? q.last + 1 : -1;
    if (unit < 0) return null;
    measure = ctx.ix.units.get(ctx.lower(unit))!;
    value *= ctx.ix.scale.get(ctx.lower(unit)) ?? 1;
    evidenceLast = unit;
    // What the time is counted from: "19 years after invading Iraq", "four years since the assassination".
    if (ctx.lower(unit + 1) === 'old') return null; // an age
    if (ctx.lower(unit + 1) === 'ago') evidenceLast = unit + 1;
    else if (/^(?:after|since|of|into|on)$/.test(ctx.lower(unit + 1))) {
      subjectFirst = unit + 1;
      subjectLast = phraseEnd(ctx, unit + 2, sEnd);
    }
  } else {
    // "several", "a number of", "multiple": no number is claimed.
    if (q.vague && q.value <= 10) return null;
    const head = countedHead(ctx, q, sEnd) ?? elidedHead(ctx, q, prev);
    if (q.casualty) {
      measure = q.casualty;
      if (head) [subjectFirst, subjectLast] = [head.first, head.last];
      evidenceLast = Math.max(evidenceLast, tollWordAfter(ctx, q, sEnd));
    } else if (head && head.first < 0) {
      measure = head.measure;
      elided = head.subject ?? null;
    } else if (head) {
      // "the two commanders", "its three members": a reference to people already counted, not a count.
      if (/^(?:the|these|those|both|its|their|his|her|our|my|your)$/.test(ctx.lower(q.first - 1)) && !q.qualifier) return null;
      // Vague counts of things ("dozens of strikes") claim no number; vague crowds do ("tens of thousands of people").
      if (q.vague && !head.people) return null;
      [subjectFirst, subjectLast] = [head.first, head.last];
      measure = head.people ? peopleMeasure(ctx, head.last, s) : head.measure;
    } else if (q.kind === 'money') {
      measure = 'money';
    }
    if (q.kind === 'money') measure = 'money';
  }
  if (!measure) return null;
  if (subjectLast > evidenceLast) evidenceLast = subjectLast;
  // "American troops in Iraq": the place the counted are in belongs to the subject.
  if (elided !== null || subjectFirst < 0 && measure !== 'killed' && measure !== 'injured' && /^(?:in|from|inside)$/.test(ctx.lower(q.last + 1))) subjectLast = q.last;
  if (subjectLast >= 0 && /^(?:in|from|inside)$/.test(ctx.lower(subjectLast + 1)) && ctx.layer.tokenEntity[subjectLast + 2]! >= 0) {
    let k = subjectLast + 2;
    while (ctx.layer.tokenEntity[k + 1] === ctx.layer.tokenEntity[subjectLast + 2]) k++;
    subjectLast = k;
    evidenceLast = Math.max(evidenceLast, k);
  }
  const start = q.start;
  const end = ctx.seg.tokenEnd[evidenceLast]!;
  let subject = subjectFirst >= 0 ? ctx.text.slice(ctx.seg.tokenStart[subjectFirst]!, ctx.seg.tokenEnd[subjectLast]!) : elided;
  if (subjectFirst < 0 && subject !== null && subjectLast > q.last) subject = `${subject} ${ctx.text.slice(ctx.seg.tokenStart[q.last + 1]!, ctx.seg.tokenEnd[subjectLast]!)}`;
  return {
    value,
    measure,
    subject,
    qualifier: q.qualifier,
    asOf: asOfDate(ctx, q, s),
    attributedTo: sourceOf(ctx, q, s),
    evidence: { start, end, text: ctx.text.slice(start, end) },
  };
}

// "Tower 22", "Resolution 2334", "Route 1": a number right after a capitalised word inside the sentence.
function partOfName(ctx: Ctx, q: Quantity): boolean {
  if (ctx.layer.tokenEntity[q.first]! >= 0) return true;
  const prev = q.first - 1;
  const s = sentenceStartingBy(ctx.seg, q.first);
  if (prev < ctx.seg.sentenceTokenStart[s]! || ctx.seg.tokenStart[q.first]! > q.start) return false;
  const w = ctx.word(prev);
  return /^\p{Lu}[\p{L}.-]*$/u.test(w) && prev > ctx.seg.sentenceTokenStart[s]! && !ctx.kb.demonyms.has(tokenKey(w)) && ctx.layer.tokenEntity[prev]! < 0 ||
    /^(?:no\.|#|number)$/i.test(w);
}

// "a 25-year-old man", "aged 25", "Ahmad, 25,": ages are not figures.
function isAge(ctx: Ctx, q: Quantity): boolean {
  const after = ctx.text.slice(q.end, q.end + 14).toLowerCase();
  if (/^\s*-?\s*(?:years?|months?)[\s-]+old\b/.test(after) || /^-(?:year|month)-old/.test(after)) return true;
  if (/-year-old$/.test(ctx.lower(q.last))) return true;
  const before = ctx.lower(q.first - 1);
  if (before === 'aged' || before === 'age') return true;
  // "Ahmad Hassan, 25, was …": a bare number between commas after a person's name.
  if (before === ',' && ctx.lower(q.last + 1) === ',' && ctx.layer.tokenEntity[q.first - 2]! >= 0) return true;
  return false;
}

interface Placed {
  figure: Figure;
  quantity: Quantity;
}

// "2,500 troops in Iraq and around 900 in Syria": the second number counts what the first did.
function elidedHead(ctx: Ctx, q: Quantity, prev: Placed | null): Head | null {
  if (!prev || sentenceStartingBy(ctx.seg, prev.quantity.first) !== sentenceStartingBy(ctx.seg, q.first) || q.first - prev.quantity.last > 14) return null;
  if (!/^(?:in|from|at|inside)$/.test(ctx.lower(q.last + 1))) return null;
  let k = q.first - 1;
  while (k > prev.quantity.last && ctx.seg.tokenStart[k]! >= q.start) k--;
  const joiner = `${ctx.lower(k - 1)} ${ctx.lower(k)}`;
  if (!/(?:^| )(?:and|with|while|plus)$|^along with$|^as well$/.test(joiner) && !/^(?:and|with|while|plus)$/.test(ctx.lower(k))) return null;
  if (['killed', 'injured', 'money'].includes(prev.figure.measure)) return null;
  // The counted noun of the first figure, without its place ("US troops in Iraq" -> "US troops").
  const subject = prev.figure.subject?.replace(/\s+(?:in|from|at|inside)\s.*$/, '') ?? null;
  return { first: -1, last: -1, measure: prev.figure.measure, people: false, subject };
}

interface Head {
  first: number;
  last: number;
  measure: string;
  people: boolean;
  /** For an elided head: the subject of the figure it repeats. */
  subject?: string | null;
}

// The noun the number counts: "2,500 American troops", "dozens of ballistic missiles", "five of their
// companions", "16 Palestinians". Up to four modifiers between; a known head or a nationality plural.
function countedHead(ctx: Ctx, q: Quantity, sEnd: number): Head | null {
  let t = q.last + 1;
  if (ctx.lower(t) === 'of' && OF_DETERMINERS.test(ctx.lower(t + 1))) t += 2;
  else if (ctx.lower(t) === 'of') t += 1;
  const first = t;
  for (let k = t; k < Math.min(sEnd, t + 5); k++) {
    const w = ctx.lower(k);
    if (STOP.test(w)) break;
    const two = `${w} ${ctx.lower(k + 1)}`;
    const m2 = ctx.ix.heads.get(two);
    if (m2) return { first, last: k + 1, measure: m2, people: false };
    const m1 = ctx.ix.heads.get(w);
    // "forces" only when they are a state's or a group's, not "forces of arrogance" (handled by STOP on "of").
    if (m1) return { first, last: k, measure: m1, people: false };
    if (ctx.ix.people.has(w)) return { first, last: k, measure: 'people', people: true };
    const raw = ctx.word(k);
    if (/^\p{Lu}\p{Ll}+s$/u.test(raw) && ctx.kb.demonyms.has(tokenKey(raw.slice(0, -1)))) return { first, last: k, measure: 'people', people: true };
  }
  return null;
}

function peopleMeasure(ctx: Ctx, head: number, s: number): string {
  const a = ctx.seg.sentenceTokenStart[s]!;
  const b = ctx.seg.sentenceTokenStart[s + 1]!;
  for (let t = Math.max(a, head - 4); t < Math.min(b, head + 6); t++) {
    const w = ctx.lower(t);
    if (ctx.ix.arrest.has(w)) return 'arrested';
    if (ctx.ix.displace.has(w)) return 'displaced';
  }
  return 'people';
}

function tollWordAfter(ctx: Ctx, q: Quantity, sEnd: number): number {
  for (let t = q.last + 1; t < Math.min(sEnd, q.last + 8); t++) {
    if (/^(?:killed|dead|died|martyrs?|martyred|wounded|injured|injuries|hurt|lives)$/.test(ctx.lower(t))) return t;
    if (/^[.;]$/.test(ctx.lower(t))) break;
  }
  return q.last;
}

function phraseEnd(ctx: Ctx, from: number, sEnd: number): number {
  let end = from - 1;
  for (let t = from; t < Math.min(sEnd, from + 8); t++) {
    if (/^[,.;:()]$/.test(ctx.lower(t)) || /^(?:which|who|while|but|when|and)$/.test(ctx.lower(t))) break;
    end = t;
  }
  return Math.max(end, from - 1);
}

function quoteAt(ctx: Ctx, offset: number): Quote | undefined {
  return (ctx.doc.quotes ?? []).find((x) => x.span.start <= offset && offset < x.span.end);
}

// Whose figure: the speaker of the quote it is in, or the source after "according to".
function sourceOf(ctx: Ctx, q: Quantity, s: number): string | null {
  const quote = quoteAt(ctx, q.start);
  if (quote?.speaker) return quote.speaker;
  const a = ctx.seg.sentenceTokenStart[s]!;
  const b = ctx.seg.sentenceTokenStart[s + 1]!;
  for (let t = a; t + 1 < b; t++) {
    if (ctx.lower(t) !== 'according' || ctx.lower(t + 1) !== 'to') continue;
    for (let k = t + 2; k < Math.min(b, t + 8); k++) {
      const e = ctx.layer.tokenEntity[k]!;
      if (e >= 0) return ctx.doc.entities![e]!.id;
    }
  }
  return null;
}

// The date the text gives the figure: "as of Sunday", or a date in its sentence.
function asOfDate(ctx: Ctx, q: Quantity, s: number): string | null {
  const timex = (ctx.doc.layers.get(TIMEX) as Timex[] | undefined) ?? [];
  const a = ctx.seg.sentences[2 * s]!;
  const b = ctx.seg.sentences[2 * s + 1]!;
  let best: Timex | null = null;
  for (const x of timex) {
    if (x.start < a || x.end > b || !x.value) continue;
    if (!best || Math.abs(x.start - q.start) < Math.abs(best.start - q.start)) best = x;
  }
  return best?.value ?? null;
}
