// Shows quote matching on the dev set: each gold quote with the predicted quote it matched (and the
// speakers), then predicted quotes that matched nothing.
//   node scripts/debug-quotes.mjs .eval/dev.jsonl ../shared/gold/dev
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { norm, toks, jac, recordsByFile } from './lib/dev-gold.mjs';
const [pred, goldDir] = process.argv.slice(2);
const recs = recordsByFile(pred);
for (const f of readdirSync(goldDir).sort()) {
  const g = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
  const r = recs.get(g.file);
  const ents = new Map(r.entities.map((e) => [e.id, e]));
  const used = new Set();
  console.log(`== ${g.file}`);
  const cands = [];
  g.quotes.forEach((gq, gi) => r.quotes.forEach((sq, si) => { const v = jac(toks(gq.text), toks(sq.span.text)); if (v >= 0.5) cands.push([v, gi, si]); }));
  cands.sort((a, b) => b[0] - a[0]);
  const gm = new Map(), sm = new Set();
  for (const [, gi, si] of cands) if (!gm.has(gi) && !sm.has(si)) { gm.set(gi, si); sm.add(si); }
  g.quotes.forEach((gq, gi) => {
    const si = gm.get(gi);
    const want = new Set((g.entities.find((e) => e.key === gq.speaker)?.aliases ?? [gq.speaker]).map(norm));
    if (si === undefined) { console.log(`  MISS [${gq.kind} ${gq.speaker}] ${gq.text.slice(0, 90)}`); return; }
    const sq = r.quotes[si];
    const e = ents.get(sq.speaker);
    const have = [...(e ? [e.name, ...(e.aliases ?? []), ...e.mentions.map((m) => m.text)] : []), sq.speakerText ?? ''].map(norm);
    const ok = have.some((h) => want.has(h));
    console.log(`  ${ok ? 'ok  ' : 'SPKR'} [${gq.kind} ${gq.speaker} | got ${sq.speaker ?? '-'} "${sq.speakerText ?? ''}" cue=${sq.cue}] ${gq.text.slice(0, 70)}`);
  });
  r.quotes.forEach((sq, si) => { if (!sm.has(si)) console.log(`  EXTRA [${sq.kind} ${sq.speaker ?? '-'} cue=${sq.cue}] ${sq.span.text.slice(0, 90)}`); });
}
