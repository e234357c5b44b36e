// The golden projection of a record: what the demo fixtures pin down (names, types, spans' texts,
// attributions), leaving out offsets so that a change in cleaning shows as the change it is.
import type { AnalysisRecord } from '../src/core/record.ts';

export function goldenView(r: AnalysisRecord) {
  const name = (id: string | null | undefined) => (id ? r.entities.find((e) => e.id === id)?.name ?? id : null);
  return {
    title: r.title,
    published: r.published,
    outlet: r.source.outlet,
    entities: r.entities.map((e) => ({ id: e.id, type: e.type, mentions: e.mentions.map((m) => m.text) })),
    quotes: r.quotes.map((q) => ({ kind: q.kind, speaker: name(q.speaker), cue: q.cue ?? null, text: q.span.text })),
    events: r.events.map((e) => ({ type: e.type, mode: e.mode ?? null, actor: name(e.actor), target: name(e.target), date: e.date, status: e.status, location: e.location?.name ?? null, fatalities: e.fatalities ?? null, evidence: e.evidence.text })),
    figures: r.figures.map((f) => ({ value: f.value, measure: f.measure, subject: f.subject ?? null, qualifier: f.qualifier ?? null, evidence: f.evidence.text })),
    framing: r.framing.map((f) => ({ text: f.span.text, category: f.category, neutral: f.neutral ?? null, refersTo: name(f.refersTo) })),
  };
}

export function fixtureName(path: string): string {
  return path.replace(/^.*demo\//, '').replace(/[#/]/g, '_');
}
