// Pronouns and role nouns ("he", "its", "the cleric", "the group", "the Arab country") to the entity they
// refer to: the most recently named entity of a compatible type in the same or the previous paragraphs.
// Expletive "it" ("it is unclear") refers to nothing.
import { TokenShape, type Segmentation, type Words } from '../../core/document.ts';
import type { Cluster } from './link.ts';
import { wordKey, wordKeyLower, type Mention } from './recognize.ts';
import type { EntityResources, RoleConstraint } from './resources.ts';

const EXPLETIVE_AFTER = new Set(['is', 'was', "'s", 'seems', 'seemed', 'appears', 'appeared', 'remains', 'remained', 'has', 'had', 'will', 'would', 'may', 'might', 'could', 'takes', 'took', 'became', 'becomes']);
const MAX_SENTENCES_BACK = 4;

export function resolveReferences(text: string, seg: Segmentation, words: Words, clusters: Cluster[], res: EntityResources): void {
  const tokenCluster = new Int32Array(seg.tokenCount).fill(-1);
  clusters.forEach((c, ci) => {
    for (const m of c.mentions) for (let t = m.first; t <= m.last; t++) tokenCluster[t] = ci;
  });
  const sentenceOf = new Uint32Array(seg.tokenCount);
  for (let s = 0; s < seg.sentenceCount; s++) {
    for (let t = seg.sentenceTokenStart[s]!; t < seg.sentenceTokenStart[s + 1]!; t++) sentenceOf[t] = s;
  }
  const lower = (t: number) => (t >= 0 && t < seg.tokenCount ? words.lower[t]! : '');
  // Last token at which each cluster was mentioned, updated as the scan moves on.
  const lastSeen = new Int32Array(clusters.length).fill(-1);
  // The clusters seen so far, least recently mentioned first. The scan only moves on, so a cluster seen
  // again moves to the end and the list stays ordered by lastSeen (no two clusters share a token).
  const recent: number[] = [];
  const seen = (ci: number, t: number) => {
    if (recent[recent.length - 1] !== ci) {
      if (lastSeen[ci]! >= 0) recent.splice(recent.lastIndexOf(ci), 1);
      recent.push(ci);
    }
    lastSeen[ci] = t;
  };
  const kindOf = (c: Cluster) => (c.kbId ? res.kb.get(c.kbId)?.kind : undefined);
  // Offices are read only when a role noun asks for one ("the minister"): found on first need.
  const offices: (string[] | undefined)[] = new Array(clusters.length);
  const officesOfCluster = (ci: number) => (offices[ci] ??= officesOf(text, clusters[ci]!, res));
  const modifierCountry = (from: number, to: number): string | undefined => {
    for (let j = from; j < to; j++) {
      const id = res.kb.demonyms.get(wordKey(words.types[j]!));
      const code = id ? res.kb.get(id)?.country : undefined;
      if (code) return code;
    }
    return undefined;
  };
  const satisfies = (ci: number, k: (RoleConstraint & { country?: string }) | undefined, noun: string): boolean => {
    if (!k) return true;
    const c = clusters[ci]!;
    if (k.country && (c.kbId ? res.kb.get(c.kbId)?.country : undefined) !== k.country) return false;
    if (k.kinds && !k.kinds.includes(kindOf(c) ?? '')) return false;
    if (k.offices && !k.offices.some((o) => officesOfCluster(ci).some((have) => have.includes(o)))) return false;
    if (k.inName && !namesOf(text, c).some((n) => n.includes(noun))) return false;
    return true;
  };
  const added: { cluster: number; mention: Mention }[] = [];

  // The most recently mentioned entity of an allowed type nearby that meets the role's requirement;
  // among them the preferred ones if any. Walked from the most recent back to the edge of the window.
  const pick = (types: string[], at: number, require?: RoleConstraint, prefer?: RoleConstraint & { country?: string }, noun = ''): number => {
    let firstCandidate = -1;
    for (let r = recent.length - 1; r >= 0; r--) {
      const ci = recent[r]!;
      if (sentenceOf[at]! - sentenceOf[lastSeen[ci]!]! > MAX_SENTENCES_BACK) break;
      if (!types.includes(typeClass(clusters[ci]!.type)) || !satisfies(ci, require, noun)) continue;
      if (!prefer || satisfies(ci, prefer, noun)) return ci;
      if (firstCandidate < 0) firstCandidate = ci;
    }
    return firstCandidate;
  };

  const openers = res.coref.openers;
  for (let t = 0; t < seg.tokenCount; t++) {
    const own = tokenCluster[t]!;
    if (own >= 0) {
      seen(own, t);
      continue;
    }
    if (openers && !openers.mayBe(text, seg.tokenStart[t]!, seg.tokenEnd[t]!)) continue;
    const w = lower(t);
    const pronounTypes = res.coref.pronouns.get(w);
    if (pronounTypes && (seg.tokenShape[t]! & (TokenShape.Lower | TokenShape.Upper))) {
      if (w === 'it' && EXPLETIVE_AFTER.has(lower(t + 1))) continue;
      const ci = pick(pronounTypes, t);
      if (ci >= 0) {
        added.push({ cluster: ci, mention: corefMention(seg, t, t, clusters[ci]!, sentenceOf[t]!) });
        seen(ci, t);
      }
      continue;
    }
    // "the [modifiers] role noun"
    if (w !== 'the') continue;
    let k = t + 1;
    // The modifiers' shapes first: most words after "the" are ruled out from the text.
    const modifierShapes = res.coref.modifierShapes;
    while (k < seg.tokenCount && (!modifierShapes || modifierShapes.mayBe(text, seg.tokenStart[k]!, seg.tokenEnd[k]!)) && res.coref.modifiers.has(lower(k)) && !res.coref.roles.has(lower(k)) && tokenCluster[k]! < 0) k++;
    if (k < seg.tokenCount && tokenCluster[k]! >= 0) continue;
    const keys: string[] = [];
    for (let j = k; j < Math.min(seg.tokenCount, k + res.coref.roleSet.maxLength); j++) {
      if (!(seg.tokenShape[j]! & TokenShape.Lower) || tokenCluster[j]! >= 0) break;
      keys.push(wordKeyLower(words.types[j]!));
    }
    const len = res.coref.roleSet.longestStartingAt(keys, 0);
    if (!len) continue;
    const end = k + len - 1;
    // "the group's", fine; "the group of seven" or a following name ("the cleric Akram") is not a reference.
    if (end + 1 < seg.tokenCount && (tokenCluster[end + 1]! >= 0 || (lower(end + 1) === 'of' && /^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)$/.test(lower(end + 2))))) continue;
    const role = res.coref.roles.get(keys.slice(0, len).join(' '))!;
    // "the secretary general of Harakat Hezbollah al-Nujaba": the KB knows who holds the office; the
    // person may be named before or after.
    if (role.type === 'PERSON' && lower(end + 1) === 'of') {
      let holder = -1;
      for (let j = end + 2; j < Math.min(seg.tokenCount, end + 10) && holder < 0; j++) {
        const org = tokenCluster[j]!;
        const orgId = org >= 0 ? clusters[org]!.kbId : null;
        if (!orgId || clusters[org]!.type === 'PERSON') continue;
        holder = clusters.findIndex((c) => c.type === 'PERSON' && c.kbId !== null && res.kb.affiliatedWith(c.kbId, orgId, ['leader-of', 'official-of', 'spokesperson-of']));
      }
      if (holder >= 0) {
        added.push({ cluster: holder, mention: corefMention(seg, t + 1, end, clusters[holder]!, sentenceOf[t]!) });
        seen(holder, end);
        t = end;
        continue;
      }
    }
    // A nationality among the modifiers ("the Iraqi umbrella group") prefers entities of that country.
    const country = modifierCountry(t + 1, k);
    const prefer = country ? { ...role.prefer, country } : role.prefer;
    const ci = pick([role.type], t, role.require, prefer, keys.slice(0, len).join(' '));
    if (ci >= 0) {
      // The span is the noun phrase without its article: "cleric", "Arab country".
      added.push({ cluster: ci, mention: corefMention(seg, t + 1, end, clusters[ci]!, sentenceOf[t]!) });
      seen(ci, end);
      t = end;
    }
  }
  for (const { cluster, mention } of added) clusters[cluster]!.mentions.push(mention);
}

function typeClass(type: string): string {
  return type === 'LOC' ? 'GPE' : type;
}

function corefMention(seg: Segmentation, first: number, last: number, c: Cluster, sentence: number): Mention {
  return {
    first,
    last,
    start: seg.tokenStart[first]!,
    end: seg.tokenEnd[last]!,
    type: c.type,
    kbId: c.kbId,
    source: 'coref',
    sentence,
    nameFirst: first,
    weak: false,
    entity: -1,
    // Set later on some mentions: present from the start, every mention has one shape.
    alias: undefined,
    key: undefined,
    silent: undefined,
  };
}

// Offices a person holds, as the document and the KB tell: title words before the name ("Prime
// Minister X"), an apposition after it ("X, the secretary general of Y"), KB affiliation roles.
function officesOf(text: string, c: Cluster, res: EntityResources): string[] {
  const out: string[] = [];
  if (c.type !== 'PERSON') return out;
  const e = c.kbId ? res.kb.get(c.kbId) : undefined;
  for (const a of e?.affiliations ?? []) if (a.role) out.push(a.role.toLowerCase());
  for (const m of c.mentions) {
    if (m.source === 'coref') continue;
    const before = text.slice(Math.max(0, m.start - 60), m.start);
    const inside = text.slice(m.start, m.end);
    const after = text.slice(m.end, m.end + 80);
    const title = /^((?:\p{Lu}[\p{L}.-]*\s+)+)\p{Lu}/u.exec(inside);
    if (title) out.push(title[1]!.toLowerCase().trim());
    const pre = /(?:^|[\s,(])((?:(?:acting|deputy|former|top|senior|military|chief)\s+)?[a-z][a-z -]{2,40}?)\s+(?:for\s+)?$/.exec(before);
    if (pre) out.push(pre[1]!);
    const app = /^,\s+(?:the|a|an|his|its)\s+([a-z][a-z -]{2,50}?)\s+(?:of|for|in|at|to)\b/.exec(after) ?? /^,\s+(?:the|a|an)\s+([a-z][a-z -]{2,40}?),/.exec(after);
    if (app) out.push(app[1]!);
  }
  return out;
}

function namesOf(text: string, c: Cluster): string[] {
  return c.mentions.filter((m) => m.source !== 'coref').map((m) => text.slice(m.start, m.end).toLowerCase());
}
