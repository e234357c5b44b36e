// Shows entity errors on the dev set: gold entities not found, system entities matching no gold, splits.
//   node scripts/debug-entities.mjs .eval/dev.jsonl ../shared/gold/dev
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { norm, recordsByFile } from './lib/dev-gold.mjs';
const [pred, goldDir] = process.argv.slice(2);
const recs = recordsByFile(pred);
const scored = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'FAC']);
for (const f of readdirSync(goldDir).sort()) {
  const g = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
  const r = recs.get(g.file);
  const sys = r.entities.filter((e) => scored.has(e.type));
  const surf = (e) => [e.name, ...(e.aliases ?? []), ...e.mentions.map((m) => m.text)].map(norm);
  const matched = new Set();
  console.log(`== ${g.file}`);
  for (const ge of g.entities.filter((e) => scored.has(e.type))) {
    const al = new Set(ge.aliases.map(norm));
    const hits = sys.filter((e) => surf(e).some((s) => al.has(s)));
    hits.forEach((h) => matched.add(h.id));
    if (!hits.length) console.log(`  MISS ${ge.key} ${ge.type} ${JSON.stringify(ge.aliases)}`);
    else if (hits.length > 1) console.log(`  SPLIT ${ge.key}: ${hits.map((h) => `${h.id}[${h.type}]`).join(', ')}`);
    else if ((['GPE', 'LOC', 'FAC'].includes(ge.type) ? 'P' : ge.type) !== (['GPE', 'LOC', 'FAC'].includes(hits[0].type) ? 'P' : hits[0].type)) console.log(`  TYPE ${ge.key} gold ${ge.type} sys ${hits[0].type}`);
  }
  for (const e of sys) if (!matched.has(e.id)) console.log(`  EXTRA ${e.id} ${e.type} ${JSON.stringify([...new Set(e.mentions.map((m) => m.text))])}`);
}
