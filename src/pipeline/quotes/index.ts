// Stage "quotes": direct and indirect speech, each attributed to its speaker.
// Requires: segments, entities, entity-mentions. Provides: quotes.
// Direct quotes come from quotation marks (marks.ts); their speaker from the reporting clause after the
// quote ("…," he added), before it ("X declared, “…"), the sentence's cue, or the quote the paragraph
// continues. Indirect speech comes from reporting cues (cues.ts and data/lexicons/reporting-verbs.json):
// the content clause or infinitive after the cue, or before it ("…, the statement said"), or around
// "according to X". Speakers are entities (pronouns and role nouns resolve through coreference).
// Leaves out: belief and perception ("he thinks") unless they come with a quotation.
import { TokenShape, type AnalysisDocument, type Segmentation } from '../../core/document.ts';
import { wordsOf } from '../words/index.ts';
import type { Entity, Quote } from '../../core/record.ts';
import { ENTITY_MENTIONS, type EntityLayer } from '../entities/index.ts';
import type { Mention } from '../entities/recognize.ts';
import type { Stage } from '../stage.ts';
import type { KnowledgeBase } from '../../kb/index.ts';
import { findCues, firstCueFrom, type Cue, type CueIndex } from './cues.ts';
import { findQuotes, firstQuoteFrom, type QuotedSpan } from './marks.ts';
import { firstIndexNotBefore, sentenceStartingBy } from '../../core/search.ts';

const PREPOSITIONS = new Set(['in', 'on', 'at', 'from', 'to', 'with', 'against', 'by', 'of', 'for', 'near', 'over', 'into', 'toward', 'towards', 'about', 'after', 'before', 'between', 'across', 'under', 'around', 'like', 'than', 'since', 'amid', 'despite']);
const CLAUSE_OPENERS = new Set(['the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'there', 'any', 'no', 'all', 'some', 'more', 'several', 'many', 'both', 'none', 'israel', 'iran',
  // A count opens a clause too: "said three of its fighters were killed", "said at least 16 died".
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundreds', 'thousands', 'dozens', 'scores', 'at', 'nearly', 'about', 'around', 'over', 'almost', 'only', 'most', 'few']);
const ADVERBIAL_WORDS = new Set(['on', 'in', 'at', 'last', 'this', 'earlier', 'later', 'late', 'early', 'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'also', 'further', 'again', 'repeatedly', 'previously', 'recently', 'then', 'separately', 'publicly', 'privately', 'firmly', 'strongly', 'roundly', 'reportedly', 'week', 'month', 'year', 'night', 'morning', 'evening', 'afternoon', 'time', 'the', 'a', 'an', 'statement', 'interview', 'tweet', 'post', 'speech', 'press', 'conference', 'with', 'to', 'reporters', 'journalists', 'separate', 'written', 'televised', 'joint', 'brief', 'its', 'his', 'her', 'their', 'weekly', 'daily', 'briefing', 'news']);
const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);

export function quotesStage(cues: CueIndex, kb: KnowledgeBase | null = null): Stage {
  return {
    name: 'quotes',
    requires: ['segments', 'words', 'entities', ENTITY_MENTIONS],
    provides: ['quotes'],
    run(doc: AnalysisDocument) {
      doc.quotes = extractQuotes(doc, cues, kb);
    },
  };
}

interface Ctx {
  text: string;
  seg: Segmentation;
  entities: Entity[];
  mentions: Mention[];
  tokenEntity: Int32Array;
  quotes: QuotedSpan[];
  /** Per token, the index of the quote it lies inside, else -1. */
  inQuote: Int32Array;
  cueIndex: CueIndex;
  kb: KnowledgeBase | null;
  /** Each token's text and its lower case, as the words layer's shared strings. */
  tokenTexts: string[];
  tokenLowers: string[];
  /** The channel named by each sentence's words (memo of channelNear; undefined until asked). */
  sentenceChannel: (string | null | undefined)[];
  /** Mentions are in text order; those of sentence s are mentions[k] for k from mentionStart[s] to
   *  mentionStart[s + 1] - 1 (null until asked). */
  mentionStart: Uint32Array | null;
  /** The document's cues in text order; those of sentence s are cues[cueStart[s]] to cues[cueStart[s + 1] - 1]. */
  cues: Cue[];
  cueStart: Uint32Array;
}

interface Speaker {
  entity: number; // -1 when no entity
  text: string | null;
}

export function extractQuotes(doc: AnalysisDocument, cues: CueIndex, kb: KnowledgeBase | null = null): Quote[] {
  const seg = doc.segments!;
  const layer = doc.layers.get(ENTITY_MENTIONS) as EntityLayer;
  const text = doc.text;
  const quotes = findQuotes(text, seg.paragraphs);
  const inQuote = new Int32Array(seg.tokenCount).fill(-1);
  quotes.forEach((q, qi) => {
    const end = q.close >= 0 ? q.close : q.end;
    for (let t = tokenAt(seg, q.open); t < seg.tokenCount && seg.tokenStart[t]! <= end; t++) if (seg.tokenStart[t]! >= q.open) inQuote[t] = qi;
  });
  const words = wordsOf(doc);
  const ctx: Ctx = {
    text, seg, entities: doc.entities ?? [], mentions: layer.mentions, tokenEntity: layer.tokenEntity, quotes, inQuote, cueIndex: cues, kb,
    tokenTexts: words.text, tokenLowers: words.lower, sentenceChannel: new Array<string | null | undefined>(seg.sentenceCount),
    cues: [], cueStart: new Uint32Array(seg.sentenceCount + 1), mentionStart: null,
  };

  // Cues of every sentence, outside quotations.
  const lowered = words.lower;
  const lower = (t: number) => lowered[t] ?? '';
  const cueList = ctx.cues;
  // The tests findCues() asks of a token, made once for the document; `first` is the current sentence's
  // first token.
  let first = 0;
  // Verbs are not capitalised in mid-sentence ("Secretary of State Joey Hood" holds no cue).
  const noCueAt = (t: number) => inQuote[t]! >= 0 || (t > first && /^\p{Lu}/u.test(text[seg.tokenStart[t]!]!) && !/^["“‘(]$/.test(text[seg.tokenStart[t - 1]!]!) && text[seg.tokenStart[t + 1] ?? 0] !== ':');
  const tokensText = (a: number, b: number) => text.slice(seg.tokenStart[a]!, seg.tokenEnd[b]!);
  const shapes = cues.firstWordShapes;
  const mayOpenCue = (t: number) => shapes === null || shapes.mayBe(text, seg.tokenStart[t]!, seg.tokenEnd[t]!);
  for (let s = 0; s < seg.sentenceCount; s++) {
    ctx.cueStart[s] = cueList.length;
    first = seg.sentenceTokenStart[s]!;
    const found = findCues(lower, first, seg.sentenceTokenStart[s + 1]!, cues, noCueAt, s, tokensText, mayOpenCue);
    // A verb of evidence is a cue only with its "that" clause, after its own subject ("the inquiry found
    // that …"; not "found a rocket", not "… and showed that" after another verb's subject).
    for (const c of found) {
      if (!c.def?.thatOnly || (evidenceClauseFollows(lower, c.last + 1, seg.sentenceTokenStart[s + 1]!) && !/^(?:and|,)$/.test(lower(c.first - 1)))) cueList.push(c);
    }
  }
  ctx.cueStart[seg.sentenceCount] = cueList.length;
  const cueSpeaker = new Map<Cue, Speaker>();
  const speakerOfCue = (c: Cue): Speaker => {
    let sp = cueSpeaker.get(c);
    if (!sp) {
      sp = resolveCueSpeaker(ctx, c, cueSpeaker);
      cueSpeaker.set(c, sp);
    }
    return sp;
  };

  const out: Emitted[] = [];
  const quoteSpeaker: Speaker[] = [];
  const emit = (kind: Quote['kind'], start: number, end: number, sp: Speaker, cue: Cue | null) => {
    const sentence = sentenceOfToken(seg, Math.min(tokenAt(seg, start), seg.tokenCount - 1));
    const quote: Quote = {
      kind,
      span: { start, end, text: text.slice(start, end) },
      speaker: sp.entity >= 0 ? ctx.entities[sp.entity]!.id : null,
      speakerText: sp.text,
      cue: cue?.text ?? null,
      channel: channelNear(ctx, sentence ?? 0, cue),
    };
    out.push({ quote, entity: sp.entity, sentence });
  };

  // Direct quotes.
  quotes.forEach((q, qi) => {
    const content = text.slice(q.start, q.end);
    if (isNameInQuotes(ctx, q, content)) {
      quoteSpeaker[qi] = { entity: -1, text: null };
      return;
    }
    let found: { speaker: Speaker; cue: Cue | null } | null = directAttribution(ctx, q, speakerOfCue);
    if (!found && q.continues >= 0) found = { speaker: quoteSpeaker[q.continues] ?? { entity: -1, text: null }, cue: null };
    if (!found) found = previousQuoteSpeaker(ctx, qi, quoteSpeaker);
    const sp = found?.speaker ?? { entity: -1, text: null };
    quoteSpeaker[qi] = sp;
    emit('direct', q.start, q.end, sp, found?.cue ?? null);
  });

  // Transcript turns: "WALLACE: Let's start with …" — the paragraph after a speaker's name and a colon.
  const paragraphFirsts = new Set<number>();
  for (let p = 0; p < seg.paragraphCount; p++) paragraphFirsts.add(tokenAt(seg, seg.paragraphs[2 * p]!));
  const personOpening = new Map<number, Mention>(); // the first named person whose mention opens a paragraph, by its token
  for (const x of ctx.mentions) {
    if (x.type === 'PERSON' && x.source !== 'coref' && paragraphFirsts.has(x.first) && !personOpening.has(x.first)) personOpening.set(x.first, x);
  }
  for (let p = 0; p < seg.paragraphCount; p++) {
    const ps = seg.paragraphs[2 * p]!;
    const t = tokenAt(seg, ps);
    const m = personOpening.get(t);
    if (!m || tokenText(ctx, m.last + 1) !== ':' || inQuote[m.last + 2] !== undefined && inQuote[m.last + 2]! >= 0) continue;
    const start = seg.tokenStart[m.last + 2];
    const end = seg.paragraphs[2 * p + 1]!;
    if (start === undefined || end - start < 10) continue;
    emit('direct', start, end, { entity: m.entity, text: text.slice(m.start, m.end) }, null);
  }

  // Indirect speech.
  for (const c of cueList) {
    const content = indirectContent(ctx, c);
    if (!content) continue;
    const sp = speakerOfCue(c);
    if (sp.entity < 0 && !sp.text) continue; // no speaker at all: a law or a report "demanded"
    const inner: QuotedSpan[] = [];
    for (let k = firstQuoteFrom(ctx.quotes, content.start); k < ctx.quotes.length && ctx.quotes[k]!.open < content.end; k++) inner.push(ctx.quotes[k]!);
    const quoted = inner.reduce((n, q) => n + (Math.min(q.end, content.end) - q.start), 0);
    if (quoted > 0.6 * (content.end - content.start)) continue; // the quotation carries it
    emit(inner.length ? 'mixed' : 'indirect', content.start, content.end, sp, c);
  }
  out.sort((a, b) => a.quote.span.start - b.quote.span.start || b.quote.span.end - a.quote.span.end);
  preferLastSpeakerForPronouns(ctx, out);
  return out.map((x) => x.quote);
}

const PRONOUN_TYPES = new Map<string, string[]>([['he', ['PERSON']], ['she', ['PERSON']], ['it', ['ORG', 'GPE']], ['they', ['ORG', 'GPE', 'PERSON']]]);

/** A quote as emitted, with its speaker's entity index (-1: none) and its sentence. */
interface Emitted {
  quote: Quote;
  entity: number;
  sentence: number | undefined;
}

// A pronoun speaker ("…," it said; "…," he noted) is nearly always the last speaker of a compatible kind:
// news keeps one voice per stretch of quotation. Coreference alone picks the nearest name instead.
function preferLastSpeakerForPronouns(ctx: Ctx, quotes: Emitted[]): void {
  // The speaker's entity by its index: entity ids are unique in a document.
  let last: { entity: number; type: string; at: number | undefined } | null = null;
  for (const { quote: q, entity, sentence } of quotes) {
    let speaker = entity;
    // Only a text of a pronoun's length is lower-cased: no other lowers to one of these plain letters.
    const speakerText = q.speakerText ?? '';
    const types = speakerText.length >= 2 && speakerText.length <= 4 ? PRONOUN_TYPES.get(speakerText.toLowerCase()) : undefined;
    if (types && last && ctx.entities[last.entity]!.id !== q.speaker && types.includes(last.type) && sentence! - last.at! <= 4) {
      q.speaker = ctx.entities[last.entity]!.id;
      speaker = last.entity;
    }
    if (speaker >= 0) last = { entity: speaker, type: ctx.entities[speaker]!.type, at: sentence };
  }
}

// ---------------------------------------------------------------- direct quotes

function directAttribution(ctx: Ctx, q: QuotedSpan, speakerOf: (c: Cue) => Speaker): { speaker: Speaker; cue: Cue } | null {
  const { seg, cues } = ctx;
  const openTok = tokenAt(seg, q.open);
  const s = sentenceOfToken(seg, openTok)!;
  // 1. A reporting clause right after the closing mark: "…," he added / "…," said Kaabi.
  if (q.close >= 0) {
    const after = tokenAt(seg, q.close + 1);
    const limit = Math.min(seg.tokenCount, after + 14);
    const closeSentence = sentenceOfToken(seg, Math.max(0, after - 1))!;
    for (let k = firstCueFrom(cues, after); k < cues.length && cues[k]!.first < limit; k++) {
      const c = cues[k]!;
      // Verbs of evidence ("found", "showed") report a finding, not the words in marks before them.
      if (c.according || c.def?.thatOnly) continue;
      if (c.sentence !== closeSentence) break;
      if (!onlyNamesBetween(ctx, after, c.first)) continue;
      if (ctx.inQuote[c.first]! >= 0) continue;
      return { speaker: speakerOf(c), cue: c };
    }
  }
  // 2. A cue before the opening mark in the same sentence: X declared, “…” / stressing that “…”.
  const before = lastCueBefore(ctx, s, openTok);
  if (before && gapIsIntroduction(ctx, before.last + 1, openTok)) return { speaker: speakerOf(before), cue: before };
  // 3. Any cue of the sentence (a scare quote inside reported speech, "…" fragments after a clause).
  let sameSentence: Cue | undefined;
  for (let k = ctx.cueStart[s]!; k < ctx.cueStart[s + 1]! && !sameSentence; k++) {
    const c = cues[k]!;
    if (ctx.inQuote[c.first]! < 0 && !c.def?.thatOnly) sameSentence = c;
  }
  if (sameSentence) return { speaker: speakerOf(sameSentence), cue: sameSentence };
  // 4. A quote ending its sentence and followed by a new sentence that attributes it: "…" He said.
  return null;
}

// Between the closing mark and the cue only the speaker's name may stand ("…," Acting Assistant
// Secretary of State Joey Hood said), or nothing ("…," said X), punctuation aside.
function onlyNamesBetween(ctx: Ctx, from: number, to: number): boolean {
  let words = 0;
  for (let t = from; t < to; t++) {
    const w = tokenText(ctx, t);
    if (/^[,.;:!?'"“”‘’—–-]+$/.test(w)) continue;
    if (ctx.tokenEntity[t]! >= 0) continue;
    if (/^(?:the|a|an|his|its|their|her|group's|group’s)$/i.test(w) || /^\p{Lu}/u.test(w)) {
      words++;
      if (words > 6) return false;
      continue;
    }
    words++;
    if (words > 5) return false;
  }
  return true;
}

// Between a cue and the opening mark: "that", a colon or comma, adverbials ("on Friday", "in a
// statement"), an addressee ("told reporters").
function gapIsIntroduction(ctx: Ctx, from: number, to: number): boolean {
  if (to - from > 10) return false;
  for (let t = from; t < to; t++) {
    const w = tokenLower(ctx, t);
    if (/^[,:;—–-]$/.test(w) || w === 'that' || ADVERBIAL_WORDS.has(w) || ctx.tokenEntity[t]! >= 0 || /^\d/.test(w)) continue;
    if (/^\p{Lu}/u.test(tokenText(ctx, t))) continue;
    return false;
  }
  return true;
}

function previousQuoteSpeaker(ctx: Ctx, qi: number, speakers: Speaker[]): { speaker: Speaker; cue: null } | null {
  // A quotation that follows an attributed one in its paragraph ("…,” he said. “…”), or that opens its
  // paragraph right after a paragraph of attributed quotation, continues the same voice.
  const q = ctx.quotes[qi]!;
  const p = paragraphOf(ctx.seg, q.open);
  const prevInParagraph = qi > 0 ? ctx.quotes[qi - 1]! : null;
  if (prevInParagraph && paragraphOf(ctx.seg, prevInParagraph.open) === p && speakers[qi - 1]?.entity !== undefined && (speakers[qi - 1]!.entity >= 0 || speakers[qi - 1]!.text)) {
    return { speaker: speakers[qi - 1]!, cue: null };
  }
  if (ctx.seg.paragraphs[2 * p] !== q.open) return null;
  for (let k = qi - 1; k >= 0; k--) {
    const prev = ctx.quotes[k]!;
    const pp = paragraphOf(ctx.seg, prev.open);
    if (pp < p - 1) break;
    if (pp === p - 1 && speakers[k] && speakers[k]!.entity >= 0) return { speaker: speakers[k]!, cue: null };
  }
  return null;
}

// Quoted names and titles are not speech: “Eilat”, the "Israeli" entity, “Operation Storm”.
function isNameInQuotes(ctx: Ctx, q: QuotedSpan, content: string): boolean {
  // The words of the content, read no further than one past four.
  const words: string[] = [];
  const word = /\S+/g;
  for (let m = word.exec(content); m && words.length <= 4; m = word.exec(content)) words.push(m[0]);
  if (words.length > 4 || /[.?!,;:]\s|[.?!]$/.test(content)) return false;
  if (!words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|the|and|al|in)$/.test(w))) return false;
  if (words.length === 1) return true;
  // Several capitalised words: a name when the entity layer found one there.
  const t = tokenAt(ctx.seg, q.start);
  return ctx.tokenEntity[t]! >= 0;
}

// ---------------------------------------------------------------- indirect speech

// Whether a quotation opens at or before `from` and reaches `to` (or is never closed). Loops, not closures
// in indirectContent(): a closure there would cost a context on every call.
function quoteSpans(ctx: Ctx, from: number, to: number): boolean {
  for (const q of ctx.quotes) if (q.open <= from && (q.close < 0 || q.close >= to)) return true;
  return false;
}

// Whether a quotation opens in [from, to).
function quoteOpensIn(ctx: Ctx, from: number, to: number): boolean {
  for (const q of ctx.quotes) if (q.open >= from && q.open < to) return true;
  return false;
}

// The token after the adverbials from t on ("on Monday", "in a statement", "also", "at the time") and
// after a place where it was said before "that" ("in Basra that …"), up to sLast + 1.
function skipAdverbials(ctx: Ctx, from: number, sLast: number): number {
  let t = from;
  while (t <= sLast) {
    const w = tokenLower(ctx, t);
    if (w === ',' && t + 1 <= sLast && /^(?:on|in|at|last|earlier)$/.test(tokenLower(ctx, t + 1))) { t++; continue; }
    if (/^(?:on|at)$/.test(w) && t + 1 <= sLast && isTimeWord(tokenText(ctx, t + 1))) { t += 2; continue; }
    if (w === 'in' && /^(?:a|an|the|its|his|her|their)$/i.test(tokenText(ctx, t + 1)) && /^(?:statement|interview|tweet|post|speech|message|letter|video|address|briefing|report)s?$/i.test(tokenText(ctx, t + 2))) {
      t += 3;
      while (t <= sLast && /^(?:on|with|to|released|issued|published|posted)$/i.test(tokenText(ctx, t)) && ctx.tokenEntity[t + 1]! >= 0) {
        t++;
        while (t <= sLast && ctx.tokenEntity[t]! >= 0) t++;
      }
      continue;
    }
    if (w === 'at' && tokenLower(ctx, t + 1) === 'the' && tokenLower(ctx, t + 2) === 'time') { t += 3; continue; }
    // A place where it was said, before "that": "said in Basra that …".
    if ((w === 'in' || w === 'at' || w === 'from') && ctx.tokenEntity[t + 1]! >= 0) {
      let k = t + 1;
      while (k <= sLast && ctx.tokenEntity[k] === ctx.tokenEntity[t + 1]) k++;
      if (k <= sLast && tokenLower(ctx, k) === 'that') { t = k; continue; }
    }
    if (isTimeWord(tokenText(ctx, t)) || /^(?:also|further|again|repeatedly|earlier|later|strongly|firmly|roundly|publicly|previously|separately|reportedly|yesterday|today)$/.test(w)) { t++; continue; }
    if (/^(?:last|this|next)$/.test(w) && /^(?:week|month|year|night|weekend)$/i.test(tokenText(ctx, t + 1))) { t += 2; continue; }
    break;
  }
  return t;
}

function indirectContent(ctx: Ctx, c: Cue): { start: number; end: number } | null {
  const { seg } = ctx;
  const s = c.sentence;
  const sFirst = seg.sentenceTokenStart[s]!;
  const sLast = seg.sentenceTokenStart[s + 1]! - 1;
  const endOfSentence = trimEnd(ctx, sLast);
  if (c.according) {
    // "According to X, content." or "content, according to X."
    if (c.first === sFirst || (c.first === sFirst + 1 && /^[("“]$/.test(tokenText(ctx, sFirst)))) {
      const comma = findToken(ctx, c.last + 1, sLast, ',');
      if (comma < 0) return null;
      return span(ctx, comma + 1, endOfSentence);
    }
    const before = c.first - 1;
    if (before > sFirst && tokenText(ctx, before) === ',') return span(ctx, sFirst, before - 1);
    return null;
  }
  const def = c.def!;
  if (def.quoteOnly || def.belief && !def.complements.length) return null;
  // "…, the statement said." — the content before a cue that ends the sentence.
  const tail = !def.thatOnly && restIsOnlySpeaker(ctx, c.last + 1, sLast);
  if (tail) {
    const comma = lastCommaBeforeSpeaker(ctx, sFirst, c.first);
    // "…, the group will respond.": a modal or auxiliary before the verb makes it a clause of its own.
    let auxiliary = false;
    for (let k = comma + 1; comma >= 0 && k < c.first; k++) if (/^(?:will|would|could|should|can|may|might|must|shall|is|are|was|were|to)$/i.test(tokenText(ctx, k))) auxiliary = true;
    if (comma > sFirst + 2 && !auxiliary && !quoteSpans(ctx, seg.tokenStart[sFirst]!, seg.tokenStart[comma]!)) {
      if (ctx.inQuote[sFirst]! >= 0 || ctx.inQuote[comma - 1]! >= 0) return null;
      return span(ctx, sFirst, comma - 1);
    }
  }
  // A reporting clause set off by commas inside the sentence: "The strike, he said, was a warning." The
  // sentence is the speech (one span: the content is split around the clause).
  if (tokenText(ctx, c.last + 1) === ',' && c.last + 2 < sLast) {
    const comma = lastCommaBeforeSpeaker(ctx, sFirst, c.first);
    if (comma > sFirst && comma < c.first - 1 && c.first - comma <= 5 && ctx.inQuote[sFirst]! < 0 && ctx.inQuote[sLast]! < 0 &&
      !quoteOpensIn(ctx, seg.tokenStart[sFirst]!, seg.tokenEnd[sLast]!)) {
      return span(ctx, afterDateline(ctx, sFirst, c.first), endOfSentence);
    }
  }
  if (!def.complements.length) return null;
  let t = c.last + 1;
  // Skip an addressee ("told reporters", "urged Washington"), adverbials and "that".
  t = skipAdverbials(ctx, t, sLast);
  let cutAtSubordinators = false;
  if (def.addressee) {
    const start = t;
    if (/^(?:with|to)$/i.test(tokenText(ctx, t))) t++;
    while (t <= sLast && (ctx.tokenEntity[t]! >= 0 || /^(?:the|reporters|journalists|lawmakers|parliament|him|her|them|us|me|it)$/i.test(tokenText(ctx, t)) || (/^\p{Lu}/u.test(tokenText(ctx, t)) && t > start))) t++;
    t = skipAdverbials(ctx, t, sLast);
  }
  if (t > sLast) return null;
  // "what Washington claims is an effort to …": the content follows the copula.
  if (/^(?:is|was|are|were)$/i.test(tokenText(ctx, t)) && /^what$/i.test(tokenText(ctx, whatBefore(ctx, sFirst, c.first)))) {
    return span(ctx, t + 1, cutAtSubordinator(ctx, t + 2, endOfSentence));
  }
  // A contracted auxiliary does not hide the pronoun that opens the clause ("he’d", "they’re").
  const first = tokenLower(ctx, t).replace(CONTRACTION, '');
  if (/^["“‘«]$/.test(tokenText(ctx, t))) return null; // a direct quote follows: the marks carry it
  if (def.thatOnly && tokenLower(ctx, t) !== 'that') return null;
  if (first === 'that' && tokenLower(ctx, t) === 'that' && !splitContraction(ctx, t + 1)) {
    t++;
    if (t <= sLast && /^["“‘«]$/.test(tokenText(ctx, t))) return null;
  } else if (first === 'to' && def.complements.includes('inf')) {
    // the infinitive, "to respond to any attack" (without the clause that follows: "…, after …")
    cutAtSubordinators = true;
  } else if (def.complements.includes('clause') && (CLAUSE_OPENERS.has(first) || ctx.tokenEntity[t]! >= 0 || /^\p{Lu}/u.test(tokenText(ctx, t)) || /^\d/.test(first)) && hasFiniteVerb(ctx, t, Math.min(sLast, t + 40))) {
    // a bare clause: "said the group would continue"
  } else if (def.complements.includes('clause') && bareSubjectWord(first) && hasAuxiliary(ctx, t + 1, Math.min(sLast, t + 4))) {
    // a bare clause with a short subject of common words: "said local officials should act", "says
    // hackers are taking aim", "says too much is made of it"
  } else if (def.complements.includes('obj') && t <= sLast && !/^[,.;:]$/.test(first)) {
    // an object: "announced a suspension of its operations"
    cutAtSubordinators = true;
  } else {
    return null;
  }
  // The content runs to the end of the sentence, or to the next cue that opens a clause of its own
  // (", adding that …"), or to a direct quotation that takes over after a comma.
  let end = endOfSentence;
  for (let k = ctx.cueStart[s]!; k < ctx.cueStart[s + 1]!; k++) {
    const other = ctx.cues[k]!;
    if (other.first <= t) continue;
    if (other.first - 1 >= t && tokenText(ctx, other.first - 1) === ',' && /ing$/.test(tokenText(ctx, other.first))) {
      end = Math.min(end, other.first - 2);
      break;
    }
  }
  for (let k = t; k <= end; k++) {
    if (tokenText(ctx, k) === ',' && k + 1 <= end && /^["“]$/.test(tokenText(ctx, k + 1)) && ctx.inQuote[k + 1]! >= 0) {
      const q = ctx.quotes[ctx.inQuote[k + 1]!]!;
      if (q.end - q.start > 40) {
        end = k - 1;
        break;
      }
    }
  }
  if (cutAtSubordinators) end = cutAtSubordinator(ctx, t + 1, end);
  if (end - t < 1) return null;
  return span(ctx, t, end);
}

// A lower-case word that can open a clause's subject: not a preposition, conjunction, adverb in -ly,
// participle or interjection.
function bareSubjectWord(w: string): boolean {
  return /^[a-z][a-z'’-]*$/.test(w) && !PREPOSITIONS.has(w) && !SUBORDINATORS.has(w) && !/(?:ly|ing|ed)$/.test(w) &&
    !/^(?:and|or|but|nor|so|yet|not|to|yes|no|goodbye|hello|thanks|sorry|nothing|something|anything|everything|what|which|who|whom|whose|how|why|where|whether)$/.test(w);
}

const SUBORDINATORS = new Set(['after', 'before', 'when', 'while', 'as', 'because', 'since', 'until', 'unless', 'if', 'following', 'amid', 'despite', 'whereas', 'although', 'though']);

// An infinitive or object complement ends where a subordinate clause begins ("to strike targets in Iraq
// after three of its troops were killed").
function cutAtSubordinator(ctx: Ctx, from: number, end: number): number {
  for (let t = from; t <= end; t++) {
    const w = tokenLower(ctx, t);
    if (SUBORDINATORS.has(w) || (w === ',' && t + 1 <= end && SUBORDINATORS.has(tokenLower(ctx, t + 1)))) return trimEnd(ctx, t - 1);
  }
  return end;
}

/** A pronoun with a contracted auxiliary, one token: he’s, she’d, they’ll, we’re, I’ve, I’m. */
const CONTRACTION = /['’](?:s|d|ll|re|ve|m)$/i;
const PRONOUN_SUBJECT = /^(?:i|you|he|she|it|we|they|that|there|who)$/i;

/** A contracted auxiliary after a pronoun: one token ("he’d", "they’re") or cut off ("it" + "'s"). */
function contractedAuxiliary(ctx: Ctx, t: number, from: number): boolean {
  const w = tokenText(ctx, t);
  const m = CONTRACTION.exec(w);
  if (!m) return false;
  if (m.index > 0) return PRONOUN_SUBJECT.test(w.slice(0, m.index));
  return t > from && PRONOUN_SUBJECT.test(tokenText(ctx, t - 1));
}

/** A contraction cut off as a token of its own ("that" + "’s"). */
function splitContraction(ctx: Ctx, t: number): boolean {
  return CONTRACTION.exec(tokenText(ctx, t))?.index === 0;
}
const AUXILIARIES = /^(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|did|does|do|remains|remain|continues|continue|plans|wants|needs)$/i;

// A clause has a finite verb: an auxiliary or modal, or a past-tense verb after its first word.
function hasFiniteVerb(ctx: Ctx, from: number, to: number): boolean {
  for (let t = from; t <= to; t++) {
    const w = tokenText(ctx, t);
    // A full stop inside a sentence belongs to an abbreviation ("Mr. Bush"), not to the clause's end.
    if (/^[;:]$/.test(w) || (w === '.' && ctx.seg.tokenStart[t] !== ctx.seg.tokenEnd[t - 1])) return false;
    if (AUXILIARIES.test(w) || contractedAuxiliary(ctx, t, from)) return true;
    // A personal pronoun is a subject, and the word after it its verb: "they like", "we need".
    if (t === from && /^(?:i|we|you|they)$/i.test(w) && t + 1 <= to && bareVerbAfterPronoun(tokenText(ctx, t + 1))) return true;
    if (t > from && /^[a-z]+ed$/.test(w) && ctx.tokenEntity[t]! < 0) return true;
    // A present-tense verb after its subject: "the movement appeals to …".
    if (t > from && /^[a-z]{3,}[^s]s$/.test(w) && !/^(?:the|a|an|its|his|her|their|this|that|of|in|on)$/i.test(tokenText(ctx, t - 1))) return true;
  }
  return false;
}

// A wire dateline opening the sentence ("BASRA (Tigris Wire) — …") is not part of what was said.
function afterDateline(ctx: Ctx, from: number, limit: number): number {
  for (let t = from + 1; t < limit && t - from <= 10; t++) {
    if (/^[—–-]$/.test(tokenText(ctx, t)) && tokenText(ctx, t - 1) === ')') return t + 1;
  }
  return from;
}

function evidenceClauseFollows(lower: (t: number) => string, from: number, end: number): boolean {
  for (let t = from; t < end && t < from + 6; t++) if (lower(t) === 'that') return true;
  return false;
}

// An auxiliary or modal soon after a bare subject: the surest sign of a clause ("officials should act").
function hasAuxiliary(ctx: Ctx, from: number, to: number): boolean {
  for (let t = from; t <= to; t++) {
    const w = tokenText(ctx, t);
    if (/^[.;:,]$/.test(w)) return false;
    if (AUXILIARIES.test(w) && !/^(?:plans|wants|needs|continues|continue|remain|remains)$/i.test(w)) return true;
  }
  return false;
}

function bareVerbAfterPronoun(w: string): boolean {
  // "like" after a pronoun is the verb ("they like the plan").
  return /^[a-z]+$/.test(w) && !/ly$/.test(w) && (w === 'like' || !PREPOSITIONS.has(w)) && !SUBORDINATORS.has(w) && !/^(?:and|or|but|the|a|an|all|both|who|that|which|to|not|too|alone|themselves|yourself|ourselves)$/.test(w);
}

function whatBefore(ctx: Ctx, from: number, cue: number): number {
  for (let t = cue - 1; t >= from && cue - t <= 6; t--) if (/^what$/i.test(tokenText(ctx, t))) return t;
  return -1;
}

function isTimeWord(w: string): boolean {
  return /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight|earlier|later|recently)$/i.test(w);
}

// After the cue only the speaker and adverbials remain before the sentence ends ("…, the statement said.",
// "…, said Kaabi on Sunday.").
function restIsOnlySpeaker(ctx: Ctx, from: number, to: number): boolean {
  for (let t = from; t <= to; t++) {
    const w = tokenLower(ctx, t);
    if (/^[.,;:!?"”’)]+$/.test(w) || ADVERBIAL_WORDS.has(w) || ctx.tokenEntity[t]! >= 0 || /^\p{Lu}/u.test(tokenText(ctx, t)) || /^\d/.test(w)) continue;
    return false;
  }
  return true;
}

// The comma that closes the reported content before "[speaker] said" at the end of a sentence.
function lastCommaBeforeSpeaker(ctx: Ctx, from: number, cue: number): number {
  for (let t = cue - 1; t >= from && cue - t <= 12; t--) {
    const w = tokenText(ctx, t);
    if (w === ',') return t;
    if (/^["”“]$/.test(w)) return -1;
  }
  return -1;
}

// ---------------------------------------------------------------- speakers

/** Auxiliaries and adverbs that stand between a speaker and the reporting verb ("has also said"). */
const BESIDE_VERB = /^(?:has|have|had|also|will|would|further|then|later|earlier|again|previously|repeatedly)$/i;

// The words from `from` up to the cue, without the auxiliaries and adverbs next to the verb ("the
// ministry has" -> "the ministry").
function wordsBeforeCue(ctx: Ctx, from: number, cue: number): string | null {
  let last = cue - 1;
  while (last >= from && BESIDE_VERB.test(tokenText(ctx, last))) last--;
  return last < from ? null : ctx.text.slice(ctx.seg.tokenStart[from]!, ctx.seg.tokenEnd[last]!);
}

function resolveCueSpeaker(ctx: Ctx, c: Cue, known: Map<Cue, Speaker>): Speaker {
  const { seg } = ctx;
  const s = c.sentence;
  const sFirst = seg.sentenceTokenStart[s]!;
  const sLast = seg.sentenceTokenStart[s + 1]! - 1;
  // "according to X", "said X": the speaker follows.
  if (c.according) return mentionAfter(ctx, c.last + 1, Math.min(sLast, c.last + 8)) ?? nounPhraseAfter(ctx, c.last + 1, sLast);
  const prevTok = c.first - 1;
  const participle = /ing$/i.test(c.text) && prevTok >= sFirst && /^(?:,|while|and|by|in|before|after|when|thus|also)$/i.test(tokenText(ctx, prevTok));
  if (participle) {
    // ", stressing that …": the subject of the main clause, or of the cue before in the sentence.
    const earlier = lastCueBefore(ctx, s, c.first);
    if (earlier) return known.get(earlier) ?? resolveCueSpeaker(ctx, earlier, known);
    return subjectOfSentence(ctx, sFirst, c.first) ?? { entity: -1, text: null };
  }
  // "the statement noted", "the statement read": whoever issued the statement.
  if (/^statements?$/i.test(tokenText(ctx, prevTok)) || (/^statements?$/i.test(tokenText(ctx, prevTok - 1)) && /^(?:also|further|then)$/i.test(tokenText(ctx, prevTok)))) {
    const issuer = statementIssuer(ctx, known, c);
    if (issuer) return issuer;
  }
  // Inversion after a quotation or content: "…," said Kaabi.
  const quoteBefore = prevTok >= sFirst && (/^["”’']$/.test(tokenText(ctx, prevTok)) || ctx.inQuote[prevTok]! >= 0);
  if (quoteBefore) {
    const after = mentionAfter(ctx, c.last + 1, Math.min(sLast, c.last + 6));
    if (after) return after;
  }
  // "…, the leader of the group said": the speaker stands between the comma and the cue.
  const comma = lastCommaBeforeSpeaker(ctx, sFirst, c.first);
  if (comma >= 0 && restIsOnlySpeaker(ctx, c.last + 1, sLast) && comma < c.first - 1) {
    return subjectBefore(ctx, comma + 1, c.first) ?? { entity: -1, text: wordsBeforeCue(ctx, comma + 1, c.first) };
  }
  // "The strike, he said, was …": the speaker stands between the commas around the reporting clause.
  if (comma > sFirst && comma < c.first - 1 && c.first - comma <= 5 && tokenText(ctx, c.last + 1) === ',') {
    return subjectBefore(ctx, comma + 1, c.first) ?? { entity: -1, text: wordsBeforeCue(ctx, comma + 1, c.first) };
  }
  // "X, military spokesperson for Y, has said": the subject is the name before the apposition.
  let k = c.first - 1;
  while (k > sFirst && BESIDE_VERB.test(tokenText(ctx, k))) k--;
  if (tokenText(ctx, k) === ',') {
    let open = k - 1;
    while (open > sFirst && tokenText(ctx, open) !== ',') open--;
    if (open > sFirst && tokenText(ctx, open) === ',') {
      const head = subjectBefore(ctx, sFirst, open);
      if (head) return head;
    }
  }
  // A relative "which demanded …" whose antecedent is no entity (a law, a report) is no speaker.
  if (/^(?:which)$/i.test(tokenText(ctx, c.first - 1))) return { entity: -1, text: null };
  const before = subjectBefore(ctx, sFirst, c.first);
  if (before) return personBehindOrganisation(ctx, before, c) ?? before;
  return subjectPhrase(ctx, sFirst, c.first) ?? { entity: -1, text: null };
}

// The nearest entity mention before the cue that is not an object of a preposition, a possessor or
// inside a quotation or parentheses.
function subjectBefore(ctx: Ctx, from: number, to: number): Speaker | null {
  let fallback: Speaker | null = null;
  let depth = 0;
  for (let t = to - 1; t >= from; t--) {
    const w = tokenText(ctx, t);
    if (w === ')') depth++;
    if (w === '(') depth = Math.max(0, depth - 1);
    if (depth > 0 || ctx.inQuote[t]! >= 0) continue;
    const e = ctx.tokenEntity[t]!;
    if (e < 0 || !SPEAKER_TYPES.has(ctx.entities[e]!.type)) continue;
    const m = mentionAtToken(ctx, t);
    const first = m ? m.first : t;
    const prev = first > from ? tokenLower(ctx, first - 1) : '';
    const next = m ? tokenText(ctx, m.last + 1) : '';
    const sp = { entity: e, text: m ? ctx.text.slice(m.start, m.end) : w };
    if (/^(?:his|her|its|their|him|them|our|my|your)$/i.test(sp.text)) {
      t = first;
      continue;
    }
    if (/^['’]s$/.test(next) && !/^(?:spokesman|spokesperson|spokeswoman)$/i.test(tokenText(ctx, (m?.last ?? t) + 2))) {
      fallback ??= sp;
      t = first;
      continue;
    }
    if (PREPOSITIONS.has(prev)) {
      fallback ??= sp;
      t = first;
      continue;
    }
    // Inside "the secretary general of X" the head of the phrase speaks, not X.
    const head = headOfOfPhrase(ctx, from, first);
    if (head) return head;
    return sp;
  }
  return fallback;
}

function headOfOfPhrase(ctx: Ctx, from: number, mentionFirst: number): Speaker | null {
  for (let t = mentionFirst - 1; t >= from && mentionFirst - t <= 6; t--) {
    const w = tokenLower(ctx, t);
    if (/^[,;:]$/.test(w)) return null;
    if (w !== 'of') continue;
    const e = ctx.tokenEntity[t - 1]!;
    if (e >= 0 && SPEAKER_TYPES.has(ctx.entities[e]!.type)) {
      const m = mentionAtToken(ctx, t - 1);
      return { entity: e, text: m ? ctx.text.slice(m.start, m.end) : tokenText(ctx, t - 1) };
    }
    return null;
  }
  return null;
}

const PERSON_NOUNS = /^(?:official|officials|spokesman|spokeswoman|spokesperson|diplomat|commander|officer|minister|envoy|source|aide|adviser|advisor|representative|negotiator)$/i;

// "a senior US State Department official pleaded …": the speaker is a person of that organisation; when
// one of its people is named within the next sentences, it is most likely them.
function personBehindOrganisation(ctx: Ctx, org: Speaker, c: Cue): Speaker | null {
  const e = ctx.entities[org.entity];
  if (!e || e.type === 'PERSON' || !e.kbId || !ctx.kb) return null;
  const mentionStart = mentionsBySentence(ctx);
  let m: Mention | undefined;
  for (let k = mentionStart[c.sentence]!; k < mentionStart[c.sentence + 1]! && !m; k++) {
    const x = ctx.mentions[k]!;
    if (x.entity === org.entity && x.last < c.first && x.last >= c.first - 4) m = x;
  }
  if (!m || !PERSON_NOUNS.test(tokenText(ctx, m.last + 1))) return null;
  const until = mentionStart[Math.min(c.sentence + 4, ctx.seg.sentenceCount)]!;
  for (let k = mentionStart[c.sentence + 1]!; k < until; k++) {
    const x = ctx.mentions[k]!;
    const p = ctx.entities[x.entity];
    if (p?.type === 'PERSON' && p.kbId && ctx.kb.affiliatedWith(p.kbId, e.kbId)) return { entity: x.entity, text: ctx.text.slice(x.start, x.end) };
  }
  return null;
}

function subjectOfSentence(ctx: Ctx, from: number, to: number): Speaker | null {
  for (let t = from; t < to; t++) {
    if (ctx.inQuote[t]! >= 0) continue;
    // A dateline ("PARIS (AP) —") opens the sentence but is not its subject.
    if (ctx.seg.tokenShape[t]! & TokenShape.AllCaps && /^[(—–-]$/.test(tokenText(ctx, t + 1))) continue;
    const e = ctx.tokenEntity[t]!;
    if (e >= 0 && SPEAKER_TYPES.has(ctx.entities[e]!.type)) {
      const m = mentionAtToken(ctx, t);
      const prev = t > from ? tokenLower(ctx, t - 1) : '';
      if (PREPOSITIONS.has(prev)) continue;
      return { entity: e, text: m ? ctx.text.slice(m.start, m.end) : tokenText(ctx, t) };
    }
  }
  return null;
}

function mentionAfter(ctx: Ctx, from: number, to: number): Speaker | null {
  for (let t = from; t <= to && t < ctx.seg.tokenCount; t++) {
    const e = ctx.tokenEntity[t]!;
    if (e >= 0 && SPEAKER_TYPES.has(ctx.entities[e]!.type)) {
      const m = mentionAtToken(ctx, t);
      return { entity: e, text: m ? ctx.text.slice(m.start, m.end) : tokenText(ctx, t) };
    }
  }
  return null;
}

// Without an entity, the noun phrase that opens the clause of the cue ("Many Democratic officials say",
// "a senior US State Department official pleaded"): up to eight words with no verb among them.
function subjectPhrase(ctx: Ctx, from: number, cue: number): Speaker | null {
  let start = cue - 1;
  while (start > from && cue - start < 8 && !/^[,;:"“”()]$/.test(tokenText(ctx, start - 1))) start--;
  const words: string[] = [];
  for (let t = start; t < cue; t++) words.push(tokenText(ctx, t));
  while (words.length && /^(?:has|have|had|also|will|would|further|then|later|earlier|again|who|which|that|is|are|was|were)$/i.test(words[words.length - 1]!)) words.pop();
  // A participle inside the phrase modifies a noun after it ("registered voters"); one before a function
  // word or at the end is a verb.
  const verbLike = (w: string, i: number) => {
    if (AUXILIARIES.test(w)) return true;
    if (!/^[a-z]+ed$/.test(w)) return false;
    const next = words[i + 1] ?? '';
    return !/^[a-z]+$/.test(next) || /^(?:the|a|an|by|to|in|on|at|of|for|with)$/.test(next);
  };
  if (!words.length || words.length > 8 || words.some(verbLike)) return null;
  if (!/^(?:the|a|an|many|some|several|most|other|half|few|all|both|\d|\p{Lu})/iu.test(words[0]!)) return null;
  return { entity: -1, text: words.join(' ').replace(/\s+([,.'’])/g, '$1') };
}

function nounPhraseAfter(ctx: Ctx, from: number, to: number): Speaker {
  let end = from;
  while (end <= to && !/^[,.;:]$/.test(tokenText(ctx, end)) && end - from < 8) end++;
  if (end === from) return { entity: -1, text: null };
  return { entity: -1, text: ctx.text.slice(ctx.seg.tokenStart[from]!, ctx.seg.tokenEnd[end - 1]!) };
}

// Who issued "the statement": the speaker of the latest cue that came with a statement, else the
// subject of the sentence that mentioned a statement.
function statementIssuer(ctx: Ctx, known: Map<Cue, Speaker>, c: Cue): Speaker | null {
  const cues = ctx.cues;
  for (let k = cues.indexOf(c, ctx.cueStart[c.sentence]) - 1; k >= 0; k--) {
    const o = cues[k]!;
    if (c.sentence - o.sentence > 8) break;
    const sentence = ctx.text.slice(ctx.seg.sentences[2 * o.sentence]!, ctx.seg.sentences[2 * o.sentence + 1]!);
    if (!/statement/i.test(sentence)) continue;
    const sp = known.get(o) ?? resolveCueSpeaker(ctx, o, known);
    if (sp.entity >= 0) return sp;
  }
  for (let s = c.sentence - 1; s >= Math.max(0, c.sentence - 6); s--) {
    const sentence = ctx.text.slice(ctx.seg.sentences[2 * s]!, ctx.seg.sentences[2 * s + 1]!);
    if (!/\bstatement\b/i.test(sentence)) continue;
    const sp = subjectOfSentence(ctx, ctx.seg.sentenceTokenStart[s]!, ctx.seg.sentenceTokenStart[s + 1]!);
    if (sp) return sp;
  }
  return null;
}

function channelNear(ctx: Ctx, sentence: number, cue: Cue | null): string | null {
  if (cue?.def?.channel) return cue.def.channel;
  const s = cue ? cue.sentence : sentence;
  let channel = ctx.sentenceChannel[s];
  if (channel === undefined) {
    const sentenceText = ctx.text.slice(ctx.seg.sentences[2 * s]!, ctx.seg.sentences[2 * s + 1]!);
    channel = ctx.cueIndex.anyChannel?.test(sentenceText) === false ? null : ctx.cueIndex.channels.find((ch) => ch.re.test(sentenceText))?.channel ?? null;
    ctx.sentenceChannel[s] = channel;
  }
  return channel;
}

// ---------------------------------------------------------------- helpers

function mentionsBySentence(ctx: Ctx): Uint32Array {
  if (ctx.mentionStart) return ctx.mentionStart;
  const start = new Uint32Array(ctx.seg.sentenceCount + 1);
  let k = 0;
  for (let s = 0; s <= ctx.seg.sentenceCount; s++) {
    while (k < ctx.mentions.length && ctx.mentions[k]!.sentence < s) k++;
    start[s] = k;
  }
  return (ctx.mentionStart = start);
}

/** The last cue of sentence s that ends before token `before` and is no "according to". */
function lastCueBefore(ctx: Ctx, s: number, before: number): Cue | undefined {
  for (let k = ctx.cueStart[s + 1]! - 1; k >= ctx.cueStart[s]!; k--) {
    const c = ctx.cues[k]!;
    if (c.last < before && !c.according) return c;
  }
  return undefined;
}

function tokenText(ctx: Ctx, t: number): string {
  if (t < 0 || t >= ctx.seg.tokenCount) return '';
  return ctx.tokenTexts[t]!;
}

function tokenLower(ctx: Ctx, t: number): string {
  if (t < 0 || t >= ctx.seg.tokenCount) return '';
  return ctx.tokenLowers[t]!;
}

function mentionAtToken(ctx: Ctx, t: number): Mention | undefined {
  const start = ctx.seg.tokenStart[t]!;
  let lo = 0;
  let hi = ctx.mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = ctx.mentions[mid]!;
    if (m.end <= start) lo = mid + 1;
    else if (m.start > start) hi = mid - 1;
    else return m.first <= t && t <= m.last ? m : ctx.mentions.find((x) => x.first <= t && t <= x.last);
  }
  return ctx.mentions.find((x) => x.first <= t && t <= x.last);
}

function findToken(ctx: Ctx, from: number, to: number, w: string): number {
  for (let t = from; t <= to; t++) if (tokenText(ctx, t) === w) return t;
  return -1;
}

function trimEnd(ctx: Ctx, last: number): number {
  let t = last;
  while (t > 0 && /^[.!?;:,"”’)\]]+$/.test(tokenText(ctx, t))) t--;
  return t;
}

function span(ctx: Ctx, first: number, last: number): { start: number; end: number } | null {
  if (last < first) return null;
  let a = first;
  let b = last;
  while (a <= b && /^[,;:—–-]$/.test(tokenText(ctx, a))) a++;
  while (b >= a && /^[,;:—–-]$/.test(tokenText(ctx, b))) b--;
  if (b < a) return null;
  return { start: ctx.seg.tokenStart[a]!, end: ctx.seg.tokenEnd[b]! };
}

export function tokenAt(seg: Segmentation, offset: number): number {
  return firstIndexNotBefore(seg.tokenCount, (i) => seg.tokenEnd[i]! <= offset);
}

/** The sentence of token t (0 for tokens before the first sentence), undefined outside the tokens. */
export function sentenceOfToken(seg: Segmentation, t: number): number | undefined {
  if (t < 0 || t >= seg.tokenCount) return undefined;
  return sentenceStartingBy(seg, t);
}

function paragraphOf(seg: Segmentation, offset: number): number {
  for (let p = 0; p < seg.paragraphCount; p++) if (offset < seg.paragraphs[2 * p + 1]!) return p;
  return seg.paragraphCount - 1;
}
