// Knowledge-base gazetteer labels per token (B-PLACE, I-ORG, B-NORP, ...), a feature of the tagger.
import { tokenKey, type KnowledgeBase } from '../../kb/index.ts';

export function kbClass(type: string): string {
  return type === 'GPE' || type === 'LOC' || type === 'FAC' ? 'PLACE' : type;
}

// The B- and I- labels of a class, built once: the tagger then looks up the same strings, whose hashes
// are already computed.
const CLASS_LABELS = new Map<string, [string, string]>();
export function classLabels(cls: string): [string, string] {
  let labels = CLASS_LABELS.get(cls);
  if (!labels) CLASS_LABELS.set(cls, (labels = [`B-${cls}`, `I-${cls}`]));
  return labels;
}

export function gazetteerLabels(words: readonly string[], kb: KnowledgeBase): string[] {
  const keys = words.map(tokenKey);
  const out = new Array<string>(words.length).fill('');
  for (const m of kb.matchKeys(keys, (i) => /^[\p{Lu}\p{N}]/u.test(words[i]!))) {
    const e = kb.get(m.ids[0]!);
    if (!e) continue;
    const [begin, inside] = classLabels(kbClass(e.type));
    for (let k = m.first; k <= m.last; k++) out[k] = k === m.first ? begin : inside;
  }
  for (let i = 0; i < words.length; i++) {
    if (!out[i] && kb.demonyms.has(keys[i]!)) out[i] = 'B-NORP';
  }
  return out;
}
