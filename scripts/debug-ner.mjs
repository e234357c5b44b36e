// Lists the most frequent false positives and false negatives of the NER layer against a span set
// (exact span and label), for reading errors. Not a scorer: ../shared/eval/spans.mjs is.
//   node scripts/debug-ner.mjs ../shared/ext/ner-gmb-dev .eval/ner-gmb-dev.jsonl [N]
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
const [set, predPath, nArg] = process.argv.slice(2);
const N = Number(nArg ?? 40);
const gold = readFileSync(join(set, 'gold.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const preds = new Map(readFileSync(predPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((r) => [basename(r.source.path), r]));
const MAP = { PERSON: 'PERSON', ORG: 'ORG', GPE: 'PLACE', LOC: 'PLACE', FAC: 'PLACE' };
const PRON = /^(he|she|it|they|his|her|its|their|him|them)$/i;
const trim = (t) => t.replace(/^the /i, '').replace(/('s|’s|'|’|[,;:])$/, '');
const fp = new Map(), fn = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
for (const g of gold) {
  const doc = readFileSync(join(set, 'docs', g.file), 'utf8');
  const rec = preds.get(g.file);
  if (!rec) continue;
  // record offset -> doc offset, line by line
  const lines = rec.text.split('\n');
  const map = [];
  let r = 0, cursor = 0;
  for (const line of lines) {
    const o = line.trim() ? doc.indexOf(line, cursor) : -1;
    map.push({ r, o, len: line.length });
    if (o >= 0) cursor = o + line.length;
    r += line.length + 1;
  }
  const toDoc = (x) => { const l = [...map].reverse().find((m) => m.r <= x); return l && l.o >= 0 ? l.o + (x - l.r) : -1; };
  const gs = new Map();
  const unscored = [];
  for (const s of g.spans) {
    if (['PERSON', 'ORG', 'PLACE'].includes(s.label)) gs.set(`${s.start}:${s.label}:${trim(s.text)}`, s);
    else unscored.push(s);
  }
  const ps = new Set();
  for (const e of rec.entities) {
    const lab = MAP[e.type];
    if (!lab) continue;
    for (const m of e.mentions) {
      if (!/\p{Lu}/u.test(m.text) || PRON.test(m.text)) continue;
      const s = toDoc(m.start);
      if (s < 0) continue;
      const lead = m.text.match(/^the /i) ? 4 : 0;
      if (unscored.some((u) => u.start <= s && s + m.text.length <= u.end) && ![...gs.values()].some((x) => x.start < s + m.text.length && s < x.end)) continue;
      ps.add(`${s + lead}:${lab}:${trim(m.text)}`);
    }
  }
  for (const p of ps) if (!gs.has(p)) bump(fp, p.split(':').slice(1).join(' '));
  for (const [k] of gs) if (!ps.has(k)) bump(fn, k.split(':').slice(1).join(' '));
}
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, N).map(([k, v]) => `${v} ${k}`).join(' | ');
console.log(`FP (${[...fp.values()].reduce((a, b) => a + b, 0)}): ${top(fp)}\n\nFN (${[...fn.values()].reduce((a, b) => a + b, 0)}): ${top(fn)}`);
