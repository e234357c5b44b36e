// Samples quote-attribution errors on a PolNeAR-style set: matched quotes whose named gold source the
// prediction misses, and gold quotes with a named source that nothing matched.
//   node scripts/debug-polnear.mjs ../shared/ext/quotes-polnear-dev .eval/quotes-polnear-dev.jsonl [N]
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
const [set, pred, nArg] = process.argv.slice(2);
const N = Number(nArg ?? 30);
const gold = readFileSync(join(set, 'gold.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const recs = new Map(readFileSync(pred, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((r) => [basename(r.source.path), r]));
const normName = (s) => String(s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’]s\b/g, '').replace(/['’]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^(the|mr|mrs|ms|dr) /, '');
let wrong = [], missed = [], counts = { matched: 0, named: 0, ok: 0 };
for (const g of gold) {
  const r = recs.get(g.file);
  if (!r) continue;
  const doc = readFileSync(join(set, 'docs', g.file), 'utf8');
  const ents = new Map(r.entities.map((e) => [e.id, e]));
  // locate predicted spans in the doc by text
  const preds = r.quotes.map((q) => { const i = doc.indexOf(q.span.text.trim()); return i < 0 ? null : { s: i, e: i + q.span.text.trim().length, q }; }).filter(Boolean);
  for (const gs of g.spans) {
    const best = preds.map((p) => ({ p, ov: Math.max(0, Math.min(p.e, gs.end) - Math.max(p.s, gs.start)) })).filter((x) => x.ov > 0.5 * Math.min(x.p.e - x.p.s, gs.end - gs.start)).sort((a, b) => b.ov - a.ov)[0];
    const named = gs.source && /^\p{Lu}/u.test(gs.source.text.replace(/^(the|a|an|former|late) /i, '')) && !/^(He|She|It|They|We|I|You)$/.test(gs.source.text);
    if (!best) { if (named) missed.push(`${g.file.slice(0, 30)} | ${gs.source.text} | ${gs.cue?.text} | ${gs.text.slice(0, 80)}`); continue; }
    counts.matched++;
    if (!named) continue;
    counts.named++;
    const q = best.p.q;
    const e = ents.get(q.speaker);
    const surf = [q.speakerText, e?.name, ...(e?.aliases ?? []), ...(e?.mentions ?? []).map((m) => m.text)].filter((x) => x && /\p{Lu}/u.test(x)).map(normName);
    const gsn = normName(gs.source.text);
    const ok = surf.some((x) => x === gsn || ` ${gsn} `.includes(` ${x} `) || ` ${x} `.includes(` ${gsn} `));
    if (ok) counts.ok++; else wrong.push(`${g.file.slice(0, 30)} | gold "${gs.source.text}" cue "${gs.cue?.text}" | got "${q.speakerText}" (${q.speaker}) cue "${q.cue}" | ${gs.text.slice(0, 60)}`);
  }
}
console.log(JSON.stringify(counts));
console.log('WRONG SPEAKER:\n' + wrong.slice(0, N).join('\n'));
console.log(`\nMISSED (${missed.length}):\n` + missed.slice(0, N).join('\n'));
