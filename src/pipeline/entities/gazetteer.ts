// Knowledge-base gazetteer labels per token (B-PLACE, I-ORG, B-NORP, ...), a feature of the tagger.
import { tokenKey, type KnowledgeBase } from '../../kb/index.ts';

export function kbClass(type: string): string {
  return type === 'GPE' || type === 'LOC' || type === 'FAC' ? 'PLACE' : type;
}

export function gazetteerLabels(words: readonly string[], kb: KnowledgeBase): string[] {
  const keys = words.map(tokenKey);
  const out = new Array<string>(words.length).fill('');
  for (const m of kb.matchKeys(keys, (i) => /^[\p{Lu}\p{N}]/u.test(words[i]!))) {
    const e = kb.get(m.ids[0]!);
    if (!e) continue;
    const cls = kbClass(e.type);
    for (let k = m.first; k <= m.last; k++) out[k] = `${k === m.first ? 'B' : 'I'}-${cls}`;
  }
  for (let i = 0; i < words.length; i++) {
    if (!out[i] && kb.demonyms.has(keys[i]!)) out[i] = 'B-NORP';
  }
  return out;
}
