// Prints the entity mentions found in a text (argument or stdin), with their source: for debugging.
//   node --import tsx scripts/debug-mentions.ts "Sheikh Akram al-Kaabi said ..."
import { readFileSync } from 'node:fs';
import { Analyzer } from '../src/service/analyze.ts';
import { buildPipeline } from '../src/service/pipeline.ts';
import { loadResources } from '../src/service/resources.ts';
import { ENTITY_MENTIONS, type EntityLayer } from '../src/pipeline/entities/index.ts';

const text = process.argv[2] ?? readFileSync(0, 'utf8');
const resources = loadResources();
const analyzer = new Analyzer(resources, buildPipeline(resources));
const rec = analyzer.analyzeDocument({ path: 'x', format: 'text', text: `Title line for debugging\n\n${text}`, meta: {}, docId: 'x', warnings: [] }, undefined, (_s, _ms, doc) => {
  const layer = doc.layers.get(ENTITY_MENTIONS) as EntityLayer | undefined;
  if (!layer || (doc as { printed?: boolean }).printed) return;
  (doc as { printed?: boolean }).printed = true;
  for (const m of layer.mentions) console.log(`${m.source.padEnd(6)} ${m.type.padEnd(6)} ${(m.kbId ?? '-').padEnd(28)} "${doc.text.slice(m.start, m.end)}"${m.alias ? ` alias="${m.alias}"` : ''}`);
});
console.log(rec.entities.map((e) => `${e.id} (${e.type}) ${JSON.stringify(e.aliases)}`).join('\n'));
