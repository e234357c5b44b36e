// Shows event matching on the dev set: each gold event with the prediction it matched (strict: type and
// roles; loose: type and evidence overlap), then predictions that matched nothing.
//   node scripts/debug-events.mjs .eval/dev.jsonl ../shared/gold/dev
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { norm, toks, jac, recordsByFile } from './lib/dev-gold.mjs';
const [pred, goldDir] = process.argv.slice(2);
const recs = recordsByFile(pred);
for (const f of readdirSync(goldDir).sort()) {
  const g = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
  const r = recs.get(g.file);
  const ents = new Map(r.entities.map((e) => [e.id, e]));
  const surf = (id, text) => [...(id && ents.get(id) ? [ents.get(id).name, ...(ents.get(id).aliases ?? []), ...ents.get(id).mentions.map((m) => m.text)] : []), text ?? ''].map(norm);
  const roleOk = (key, id, text) => { if (!key) return true; const want = new Set((g.entities.find((e) => e.key === key)?.aliases ?? [key]).map(norm)); return surf(id, text).some((h) => want.has(h)); };
  const typeOk = (ge, se) => [ge.type, ...(ge.altTypes ?? [])].includes(se.type);
  const cands = [];
  g.events.forEach((ge, gi) => r.events.forEach((se, si) => { if (typeOk(ge, se) && roleOk(ge.actor, se.actor, se.actorText) && roleOk(ge.target, se.target, se.targetText)) cands.push([1 + jac(toks(ge.evidence), toks(se.evidence.text)), gi, si]); }));
  cands.sort((a, b) => b[0] - a[0]);
  const gm = new Map(), sm = new Set();
  for (const [, gi, si] of cands) if (!gm.has(gi) && !sm.has(si)) { gm.set(gi, si); sm.add(si); }
  console.log(`== ${g.file}`);
  g.events.forEach((ge, gi) => {
    const si = gm.get(gi);
    const tag = `${ge.type} ${ge.actor}->${ge.target} ${ge.date ?? ''} ${ge.status}`;
    if (si === undefined) {
      const loose = r.events.map((se, k) => [jac(toks(ge.evidence), toks(se.evidence.text)), k]).filter(([v, k]) => v >= 0.2).sort((a, b) => b[0] - a[0])[0];
      const se = loose ? r.events[loose[1]] : null;
      console.log(`  MISS ${tag} | ${ge.evidence.slice(0, 70)}${se ? `\n       near: ${se.type} ${se.actor}->${se.target} ${se.status} | ${se.evidence.text.slice(0, 60)}` : ''}`);
      return;
    }
    const se = r.events[si];
    const extra = [ge.date && se.date !== ge.date && !(se.date ?? '').startsWith(ge.date) ? `date ${se.date}!=${ge.date}` : '', ge.status !== se.status ? `status ${se.status}!=${ge.status}` : '', ge.fatalities != null && se.fatalities !== ge.fatalities ? `fatal ${se.fatalities}!=${ge.fatalities}` : ''].filter(Boolean).join(' ');
    console.log(`  ok   ${tag} ${extra ? `[${extra}]` : ''}`);
  });
  r.events.forEach((se, si) => { if (!sm.has(si)) console.log(`  EXTRA ${se.type} ${se.actor}->${se.target} ${se.status} | ${se.evidence.text.slice(0, 80)}`); });
}
