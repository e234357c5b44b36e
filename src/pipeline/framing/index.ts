// Stage "framing": spans whose wording carries a judgement rather than a neutral report — loaded words
// ("martyred", "atrocious onslaught"), labels ("the usurping regime", "forces of arrogance"),
// euphemisms ("anti-terror groups"), doubt ("so-called", scare quotes, "what Washington claims") and
// exaggeration — with a neutral wording, the entity a label names (refersTo) and whose words they are
// (voice: the speaker of the direct quote they sit in, null for the outlet's own wording).
// Requires: segments, entities, entity-mentions, quotes. Provides: framing.
// The rules in rules/ run in order; where their spans overlap, hand-written entries outrank learned ones
// and the longer span wins.
import type { AnalysisDocument } from '../../core/document.ts';
import type { Framing } from '../../core/record.ts';
import type { KnowledgeBase } from '../../kb/index.ts';
import { ENTITY_MENTIONS } from '../entities/index.ts';
import type { Stage } from '../stage.ts';
import { framingContext, type Candidate, type FramingContext } from './context.ts';
import type { FramingIndex } from './lexicon.ts';
import { lexiconPhrases } from './rules/lexicon-phrases.ts';
import { scareQuotes } from './rules/scare-quotes.ts';
import { whatTheyCall } from './rules/what-they-call.ts';
import { learnedTokens } from './rules/learned-tokens.ts';

const RULES: ((ctx: FramingContext) => Candidate[])[] = [whatTheyCall, scareQuotes, lexiconPhrases, learnedTokens];

export function framingStage(index: FramingIndex, kb: KnowledgeBase): Stage {
  return {
    name: 'framing',
    requires: ['segments', 'words', 'entities', ENTITY_MENTIONS, 'quotes'],
    provides: ['framing'],
    run(doc: AnalysisDocument) {
      doc.framing = extractFraming(doc, index, kb);
    },
  };
}

export function extractFraming(doc: AnalysisDocument, index: FramingIndex, kb: KnowledgeBase): Framing[] {
  const ctx = framingContext(doc, kb, index);
  const candidates = RULES.flatMap((rule) => rule(ctx));
  return resolveOverlaps(candidates).map((c) => toFraming(ctx, c));
}

function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => Number(b.curated) - Number(a.curated) || (b.last - b.first) - (a.last - a.first) || b.weight - a.weight || a.first - b.first);
  const kept: Candidate[] = [];
  for (const c of ranked) if (!kept.some((k) => c.first <= k.last && k.first <= c.last)) kept.push(c);
  return kept.sort((a, b) => a.first - b.first);
}

function toFraming(ctx: FramingContext, c: Candidate): Framing {
  const start = ctx.seg.tokenStart[c.first]!;
  const end = ctx.seg.tokenEnd[c.last]!;
  const quote = ctx.quotes.find((q) => q.kind === 'direct' && q.span.start <= start && end <= q.span.end);
  return {
    span: { start, end, text: ctx.text.slice(start, end) },
    category: c.category,
    neutral: c.neutral,
    refersTo: referent(ctx, c),
    voice: quote?.speaker ?? null,
  };
}

// The entity a label names: the lexicon's KB id if the document has that entity, else an entity
// mentioned inside a name-calling or euphemistic span ("American occupation forces" -> the United States).
function referent(ctx: FramingContext, c: Candidate): string | null {
  const entities = ctx.doc.entities ?? [];
  if (c.refersTo) return entities.find((e) => e.kbId === c.refersTo)?.id ?? null;
  if (c.category !== 'name-calling' && c.category !== 'euphemism' && c.category !== 'doubt') return null;
  for (let t = c.first; t <= c.last; t++) {
    const e = ctx.tokenEntity[t]!;
    if (e >= 0) return entities[e]?.id ?? null;
  }
  return null;
}
