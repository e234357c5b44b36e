// Mentions to entities within one document: KB ids first, then unlinked names looked up in the KB, then
// partial names (a surname to the full name), abbreviations (IRI -> Islamic Resistance in Iraq, also when
// the text defines it in parentheses) and bare head nouns ("the Committee") to the named organisation.
import type { EntityType } from '../../core/record.ts';
import { nameKeyString, nameKeys } from '../../kb/index.ts';
import { kbClass } from './gazetteer.ts';
import type { Mention } from './recognize.ts';
import type { EntityResources } from './resources.ts';

export interface Cluster {
  key: string;
  kbId: string | null;
  type: EntityType;
  mentions: Mention[];
}

const FUNCTION_WORDS = new Set(['of', 'in', 'the', 'and', 'for', 'on', 'al', 'de', 'la', 'to', '&']);

export function nameOf(text: string, m: Mention, tokenStart: Uint32Array): string {
  return text.slice(tokenStart[m.nameFirst]!, m.end);
}

export function linkMentions(text: string, tokenStart: Uint32Array, mentions: Mention[], res: EntityResources): Cluster[] {
  const { kb } = res;
  // Weak KB mentions (a lone surname) need the full name elsewhere in the document.
  const strongIds = new Set<string>();
  for (const m of mentions) if (m.kbId && !m.weak) strongIds.add(m.kbId);
  const kept = mentions.filter((m) => !m.weak || (m.kbId && strongIds.has(m.kbId)) || m.source === 'tagger');

  // Unlinked names that the KB knows under this exact form (after titles).
  for (const m of kept) {
    if (m.kbId) continue;
    const ids = kb.lookup(nameOf(text, m, tokenStart));
    const id = ids.find((x) => kbClass(kb.get(x)!.type) === kbClass(m.type));
    if (id) {
      m.kbId = id;
      m.type = kb.get(id)!.type as EntityType;
    }
  }

  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const add = (m: Mention, key: string, kbId: string | null) => {
    let c = byKey.get(key);
    if (!c) {
      c = { key, kbId, type: kbId ? (kb.get(kbId)!.type as EntityType) : m.type, mentions: [] };
      byKey.set(key, c);
      clusters.push(c);
    }
    c.mentions.push(m);
  };
  for (const m of kept) {
    add(m, m.kbId ?? m.key ?? `${kbClass(m.type)}:${nameKeyString(nameOf(text, m, tokenStart))}`, m.kbId);
  }

  // What the comparisons below read of a cluster, kept until a merge changes its mentions: the rules
  // compare every pair of people or of organisations, and a linked person has all the KB's names.
  const variantsOf = new Map<Cluster, string[][]>();
  const longestKeysOf = new Map<Cluster, string[]>();
  const initialsOf = new Map<Cluster, string>();
  const forget = (c: Cluster) => {
    variantsOf.delete(c);
    longestKeysOf.delete(c);
    initialsOf.delete(c);
  };
  const merge = (from: Cluster, into: Cluster) => {
    if (from === into) return;
    into.mentions.push(...from.mentions);
    from.mentions = [];
    forget(from);
    forget(into);
  };
  // Every way the cluster's person is named: its mentions (without titles) and, when linked, the KB's names.
  const personVariants = (c: Cluster): string[][] => {
    let out = variantsOf.get(c);
    if (out) return out;
    out = c.mentions.filter((m) => m.source !== 'coref').map((m) => nameKeys(nameOf(text, m, tokenStart)));
    if (c.kbId) for (const a of [kb.get(c.kbId)!.name, ...kb.get(c.kbId)!.aliases]) out.push(nameKeys(a));
    out = out.filter((k) => k.length);
    variantsOf.set(c, out);
    return out;
  };
  const longestKeys = (c: Cluster): string[] => {
    let keys = longestKeysOf.get(c);
    if (!keys) longestKeysOf.set(c, (keys = nameKeys(longestName(c, text))));
    return keys;
  };
  const initialsOfCluster = (c: Cluster): string => {
    let s = initialsOf.get(c);
    if (s === undefined) initialsOf.set(c, (s = initials(longestName(c, text))));
    return s;
  };
  const personKeys = (c: Cluster) => personVariants(c).reduce((a, b) => (b.length > a.length ? b : a), [] as string[]);

  // The tagger may type one name two ways in one document ("Pars Dispatch" as an agency and as a person;
  // "al-Tamimi" as a place after "Sheikh Jawad al-Tamimi"): one name, one entity. A rule's type wins.
  const byName = new Map<string, Cluster>();
  for (const c of clusters) {
    if (c.kbId || !c.mentions.length) continue;
    const k = nameKeyString(longestName(c, text)).toLowerCase();
    const other = byName.get(k);
    if (!other) {
      byName.set(k, c);
      continue;
    }
    const ruled = c.mentions.some((m) => m.source === 'rule') && !other.mentions.some((m) => m.source === 'rule');
    const [from, into] = ruled || c.mentions.length > other.mentions.length ? [other, c] : [c, other];
    merge(from, into);
    byName.set(k, into);
  }
  const people0 = clusters.filter((c) => c.type === 'PERSON' && c.mentions.length);
  for (const c of clusters) {
    if (c.kbId || c.type === 'PERSON' || !c.mentions.length || c.mentions.some((m) => m.source === 'rule')) continue;
    const keys = longestKeys(c);
    if (keys.length !== 1) continue;
    const person = people0.find((p) => personVariants(p).some((v) => v.length > 1 && v[v.length - 1] === keys[0]));
    if (person) {
      for (const m of c.mentions) m.type = 'PERSON';
      merge(c, person);
    }
  }

  // Surnames and partial names to the person named in full (the most recent one before, else after).
  const people = clusters.filter((c) => c.type === 'PERSON');
  for (const short of people) {
    if (!short.mentions.length || short.kbId) continue;
    const sk = personKeys(short);
    const last = sk[sk.length - 1];
    const firstAt = Math.min(...short.mentions.map((m) => m.first));
    let best: Cluster | null = null;
    let bestAt = -Infinity;
    for (const long of people) {
      if (long === short || !long.mentions.length) continue;
      const fits = personVariants(long).some((lk) => lk.length > sk.length && lk[lk.length - 1] === last && sk.every((k) => lk.includes(k)));
      if (!fits) continue;
      const at = Math.max(...long.mentions.map((m) => (m.first < firstAt ? m.first : -1e9 + m.first)));
      if (at > bestAt) {
        best = long;
        bestAt = at;
      }
    }
    if (best) merge(short, best);
  }

  // Abbreviations: defined in parentheses right after a name, or the initials of a named organisation.
  const orgs = clusters.filter((c) => c.type === 'ORG' || c.type === 'GPE' || c.type === 'FAC');
  for (const c of orgs) {
    if (!c.mentions.length || c.kbId) continue;
    const m = c.mentions[0]!;
    const name = text.slice(m.start, m.end);
    if (!/^[A-Z][A-Z0-9&-]{1,7}$/.test(name)) continue;
    const before = text.slice(Math.max(0, m.start - 2), m.start);
    let target: Cluster | undefined;
    if (before.endsWith('(')) {
      const prev = [...mentions].filter((x) => x.end <= m.start - 1 && m.start - 1 - x.end <= 2).pop();
      target = prev ? clusters.find((k) => k.mentions.includes(prev)) : undefined;
    }
    const bare = name.replace(/[-&]/g, '');
    target ??= orgs.find((o) => o !== c && o.mentions.length && initialsOfCluster(o) === bare);
    if (target) merge(c, target);
  }

  // A bare head noun ("the Committee") to the organisation whose name ends with it.
  for (const c of orgs) {
    if (!c.mentions.length || c.kbId) continue;
    const keys = longestKeys(c);
    if (keys.length !== 1) continue;
    const target = orgs.find((o) => {
      if (o === c || !o.mentions.length) return false;
      const other = longestKeys(o);
      return other.length > 1 && other[other.length - 1] === keys[0];
    });
    if (target) merge(c, target);
  }

  // A collective ("Iraqi resistance") belongs to the named coalition of that country when the document
  // names one whose name carries the same word ("Islamic Resistance in Iraq").
  for (const c of clusters) {
    const m = c.key.startsWith('collective:') ? /^collective:([a-z]+):(.+)$/.exec(c.key) : null;
    if (!m || !c.mentions.length) continue;
    const country = kb.get(m[2]!)?.country;
    const target = clusters.find((o) => {
      const e = o.kbId ? kb.get(o.kbId) : undefined;
      // "Islamic Resistance in Iraq", "Iraqi Resistance": the collective's own name, not a body named after
      // it ("Iraqi Resistance Coordination Committee").
      return e && o.mentions.length && e.type === 'ORG' && e.country === country && new RegExp(`\\b${m[1]}(?:\\s+(?:in|of)\\s+\\S+)?$`, 'i').test(e.name);
    });
    if (target) merge(c, target);
  }

  // An unlinked collective is an actor of the story only when the document comes back to it.
  for (const c of clusters) {
    if (c.key.startsWith('collective:') && !c.kbId && c.mentions.length < 2) c.mentions = [];
  }
  return clusters.filter((c) => c.mentions.length);
}

export function longestName(c: Cluster, text: string): string {
  let best = '';
  for (const m of c.mentions) {
    if (m.source === 'coref') continue;
    const s = text.slice(m.start, m.end);
    if (s.length > best.length) best = s;
  }
  return best;
}

function initials(name: string): string {
  return nameKeys(name).filter((k) => !FUNCTION_WORDS.has(k.toLowerCase())).map((k) => k[0]!.toUpperCase()).join('');
}
