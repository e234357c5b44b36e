// The knowledge base in memory: entries by id, and an alias index that finds KB names in a token
// sequence (longest match first). Pure: built from loaded entries.
import { TokenBuffer, tokenizeRange } from '../pipeline/segment/tokenize.ts';
import type { KbEntry } from './schema.ts';

/** The key of a standalone Arabic article ("Al Arabiya", "al Qaeda"): skipped when matching names. */
export const ARTICLE_KEY = '\u0001';

/** A normalised token key: apostrophes and diacritics folded, the Arabic article dropped, lower case
 *  except short all-capital words (US, IS, UN stay case-sensitive). Empty string: not part of a name. */
const keyCache = new Map<string, string>();

export function tokenKey(token: string): string {
  const hit = keyCache.get(token);
  if (hit !== undefined) return hit;
  const key = computeTokenKey(token);
  if (keyCache.size > 100_000) keyCache.clear();
  keyCache.set(token, key);
  return key;
}

function computeTokenKey(token: string): string {
  let t = token;
  if (t.length > 1 && t.includes('.') && /^(?:\p{L}\.)+\p{L}?\.?$/u.test(t)) t = t.replace(/\./g, ''); // U.S. -> US
  t = t.replace(/[’'‘`´ʼʻ]/g, '');
  if (/[^\x00-\x7f]/.test(t)) t = t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (/^(?:al|el|Al|El|AL|EL)$/.test(t)) return ARTICLE_KEY;
  t = t.replace(/^(?:al|el|Al|El|AL|EL)[-‐]/, '');
  if (t.length >= 2 && t.length <= 5 && /^[A-Z0-9&]+$/.test(t) && /[A-Z]/.test(t)) return t;
  return t.toLowerCase();
}

const nameKeyStringCache = new Map<string, string>();

/** A name's token keys joined by spaces (cached like nameKeys: clustering keys names by it). */
export function nameKeyString(name: string): string {
  let key = nameKeyStringCache.get(name);
  if (key === undefined) {
    key = nameKeys(name).join(' ');
    if (nameKeyStringCache.size > 50_000) nameKeyStringCache.clear();
    nameKeyStringCache.set(name, key);
  }
  return key;
}

/** Tokens of a name, as the document tokenizer would cut them. */
export function nameTokens(name: string): string[] {
  const buf = new TokenBuffer(8);
  tokenizeRange(name, 0, name.length, buf);
  const out: string[] = [];
  for (let i = 0; i < buf.count; i++) out.push(name.slice(buf.start[i]!, buf.end[i]!));
  return out;
}

const nameKeyCache = new Map<string, string[]>();

/** Token keys of a name (cached: names recur across a document and a batch). */
export function nameKeys(name: string): string[] {
  let keys = nameKeyCache.get(name);
  if (!keys) {
    keys = nameTokens(name).map(tokenKey).filter((k) => k && k !== ARTICLE_KEY);
    if (nameKeyCache.size > 50_000) nameKeyCache.clear();
    nameKeyCache.set(name, keys);
  }
  return keys;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  ids: string[] | null;
  /** The alias as written in the KB, for the first id (diagnostics). */
  alias: string | null;
}

export interface AliasMatch {
  /** Token range [first, last] in the given sequence. */
  first: number;
  last: number;
  ids: string[];
  alias: string;
}

export class KnowledgeBase {
  readonly byId = new Map<string, KbEntry>();
  private readonly root: TrieNode = { next: new Map(), ids: null, alias: null };
  /** Demonym key -> country id ("iraqi" -> iraq). */
  readonly demonyms = new Map<string, string>();
  /** Country code -> country entry id. */
  readonly countryByCode = new Map<string, string>();
  private readonly childrenOf = new Map<string, string[]>();

  constructor(entries: KbEntry[]) {
    for (const e of entries) this.byId.set(e.id, e);
    for (const e of entries) {
      for (const alias of new Set([e.name, ...e.aliases])) this.addAlias(alias, e.id);
      if (e.kind === 'country' && e.country) this.countryByCode.set(e.country, e.id);
      for (const d of e.demonyms ?? []) {
        const k = nameKeys(d).join(' ');
        if (k && !this.demonyms.has(k)) this.demonyms.set(k, e.id);
      }
      if (e.parent) {
        const list = this.childrenOf.get(e.parent) ?? [];
        list.push(e.id);
        this.childrenOf.set(e.parent, list);
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): KbEntry | undefined {
    return this.byId.get(id);
  }

  children(id: string): string[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** The entry and its parents, nearest first (a ministry, its government, its country). */
  ancestry(id: string): string[] {
    const out: string[] = [];
    for (let cur: string | null | undefined = id; cur && !out.includes(cur) && out.length < 8; cur = this.byId.get(cur)?.parent) out.push(cur);
    return out;
  }

  /** Whether a person's affiliations tie them to an organisation (directly or to a unit of it). */
  affiliatedWith(personId: string, orgId: string, rels: string[] = ['leader-of', 'official-of', 'spokesperson-of', 'member-of']): boolean {
    const p = this.byId.get(personId);
    for (const a of p?.affiliations ?? []) {
      if (!rels.includes(a.rel)) continue;
      if (a.target === orgId || this.ancestry(a.target).includes(orgId)) return true;
    }
    return false;
  }

  private addAlias(alias: string, id: string): void {
    const keys = nameKeys(alias);
    if (!keys.length) return;
    let node = this.root;
    for (const k of keys) {
      let n = node.next.get(k);
      if (!n) {
        n = { next: new Map(), ids: null, alias: null };
        node.next.set(k, n);
      }
      node = n;
    }
    if (!node.ids) {
      node.ids = [id];
      node.alias = alias;
    } else if (!node.ids.includes(id)) {
      node.ids.push(id);
    }
  }

  private readonly lookupCache = new Map<string, string[]>();

  /** Ids whose name or alias is exactly `name` (after normalisation). */
  lookup(name: string): string[] {
    const hit = this.lookupCache.get(name);
    if (hit) return hit;
    let node: TrieNode | undefined = this.root;
    for (const k of nameKeys(name)) {
      node = node.next.get(k);
      if (!node) break;
    }
    const ids = node?.ids ?? [];
    if (this.lookupCache.size > 50_000) this.lookupCache.clear();
    this.lookupCache.set(name, ids);
    return ids;
  }

  private readonly countryCache = new Map<string, string | null>();
  private readonly placeCache = new Map<string, boolean>();

  /** The country whose name or alias is exactly `name`, if any (cached: asked of every capitalised word). */
  countryNamed(name: string): string | undefined {
    let id = this.countryCache.get(name);
    if (id === undefined) {
      id = this.lookup(name).find((x) => this.byId.get(x)?.kind === 'country') ?? null;
      if (this.countryCache.size > 50_000) this.countryCache.clear();
      this.countryCache.set(name, id);
    }
    return id ?? undefined;
  }

  /** Whether `name` is the name or an alias of a place (GPE or LOC); cached like countryNamed(). */
  namesPlace(name: string): boolean {
    let place = this.placeCache.get(name);
    if (place === undefined) {
      place = this.lookup(name).some((x) => {
        const type = this.byId.get(x)!.type;
        return type === 'GPE' || type === 'LOC';
      });
      if (this.placeCache.size > 50_000) this.placeCache.clear();
      this.placeCache.set(name, place);
    }
    return place;
  }

  /** Whether a match can begin at a token of this key (matchKeys() walks on from it): a prefilter that
   *  callers can read once per word instead of looking the key up at every token. */
  mayStartMatch(key: string): boolean {
    if (!key) return false;
    if (key === ARTICLE_KEY || this.root.next.has(key)) return true;
    return key.length >= 4 && isCapitalLetter(key.charCodeAt(0)) && /^[A-Z]+$/.test(key) && this.root.next.has(key.toLowerCase());
  }

  /**
   * Longest alias matches in a sequence of token keys (from tokenKey). An Arabic article key is skipped
   * inside a name and joins the match when it opens it ("Al Arabiya"); empty keys end a match.
   * Matches do not overlap; scanning is left to right.
   */
  matchKeys(keys: readonly string[], canStart: (i: number) => boolean = () => true): AliasMatch[] {
    const out: AliasMatch[] = [];
    let i = 0;
    while (i < keys.length) {
      // canStart first: callers answer it from flags, without reading the key's string.
      if (!canStart(i) || !keys[i]) {
        i++;
        continue;
      }
      let node: TrieNode | undefined = this.root;
      let best: AliasMatch | null = null;
      for (let j = i; j < keys.length && node; j++) {
        const k = keys[j]!;
        if (k === ARTICLE_KEY) continue;
        if (!k) break;
        // An all-capital word of four letters or more (a dateline's "SANAA") also matches the name in
        // lower case; shorter ones stay case-sensitive ("US" is not "us").
        node = node.next.get(k) ?? (k.length >= 4 && isCapitalLetter(k.charCodeAt(0)) && /^[A-Z]+$/.test(k) ? node.next.get(k.toLowerCase()) : undefined);
        if (node?.ids) best = { first: i, last: j, ids: node.ids, alias: node.alias! };
      }
      if (best) {
        out.push(best);
        i = best.last + 1;
      } else {
        i++;
      }
    }
    return out;
  }
}

function isCapitalLetter(c: number): boolean {
  return c >= 65 && c <= 90;
}
