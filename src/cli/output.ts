// Record output: JSON Lines (the contract), a JSON array, or a human summary.
import type { Writable } from 'node:stream';
import type { AnalysisRecord } from '../core/record.ts';

export type OutputFormat = 'jsonl' | 'json' | 'pretty';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['jsonl', 'json', 'pretty'];

export interface RecordWriter {
  write(record: AnalysisRecord): Promise<void>;
  end(summary: { records: number; failures: number; seconds: number }): Promise<void>;
}

export function createWriter(format: OutputFormat, out: Writable, color: boolean): RecordWriter {
  const put = (s: string) => new Promise<void>((resolve, reject) => {
    if (out.write(s)) resolve();
    else out.once('drain', resolve).once('error', reject);
  });
  let n = 0;
  switch (format) {
    case 'jsonl':
      return { write: (r) => put(`${JSON.stringify(r)}\n`), end: async () => {} };
    case 'json':
      return {
        write: (r) => put(`${n++ ? ',\n' : '[\n'}${JSON.stringify(r, null, 2)}`),
        end: () => put(n ? '\n]\n' : '[]\n'),
      };
    case 'pretty':
      return {
        write: (r) => put(prettyRecord(r, color)),
        end: (s) => put(`${s.records} document${s.records === 1 ? '' : 's'} analysed` +
          `${s.failures ? `, ${s.failures} input${s.failures === 1 ? '' : 's'} failed (see above)` : ''} in ${s.seconds.toFixed(2)} s\n`),
      };
  }
}

export function prettyRecord(r: AnalysisRecord, color: boolean): string {
  const b = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const words = r.text.split(/\s+/).filter(Boolean).length;
  const lines = [`${b('■ ' + (r.title ?? '(no headline)'))}`];
  lines.push(dim(`  ${r.source.path ?? '-'} · ${r.source.outlet ?? 'outlet unknown'} · ${r.published ?? 'date unknown'} · ${words} words · ${r.language}`));
  if (r.entities.length) {
    const top = [...r.entities].sort((a, b) => b.mentions.length - a.mentions.length).slice(0, 8);
    lines.push(`  entities  ${top.map((e) => `${e.name} (${e.type}${e.mentions.length > 1 ? ` ×${e.mentions.length}` : ''})`).join(', ')}${r.entities.length > 8 ? `, +${r.entities.length - 8} more` : ''}`);
  }
  const names = new Map(r.entities.map((e) => [e.id, e.name]));
  for (const q of r.quotes.slice(0, 5)) {
    const who = (q.speaker && names.get(q.speaker)) ?? q.speakerText ?? 'unattributed';
    lines.push(`  quote     ${who}: “${truncate(q.span.text, 90)}”`);
  }
  if (r.quotes.length > 5) lines.push(dim(`            +${r.quotes.length - 5} more quotes`));
  for (const e of r.events.slice(0, 6)) {
    const actor = (e.actor && names.get(e.actor)) ?? e.actorText ?? '?';
    const target = (e.target && names.get(e.target)) ?? e.targetText ?? '';
    const extra = [e.mode, e.date, e.location?.name, e.fatalities != null ? `${e.fatalities} killed` : null, e.status !== 'occurred' ? e.status : null].filter(Boolean).join(', ');
    lines.push(`  event     ${e.type} ${actor}${target ? ` → ${target}` : ''}${extra ? ` (${extra})` : ''}`);
  }
  if (r.events.length > 6) lines.push(dim(`            +${r.events.length - 6} more events`));
  if (r.figures.length) lines.push(`  figures   ${r.figures.slice(0, 6).map((f) => `${f.qualifier ? f.qualifier + ' ' : ''}${f.value} ${f.measure}`).join('; ')}`);
  if (r.framing.length) lines.push(`  framing   ${r.framing.slice(0, 8).map((f) => `“${f.span.text}”${f.neutral ? ` → ${f.neutral}` : ''}`).join(', ')}`);
  return `${lines.join('\n')}\n\n`;
}

function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}
