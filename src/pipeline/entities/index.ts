// Stage "entities": people, organisations and places, one entity per referent, every mention a span.
// Requires: segments. Provides: entities, and the layer "entity-mentions" (mentions with token ranges and
// entity indices) for the stages that attribute speech and events.
// Recognition mixes the knowledge base, the trained tagger and rules (recognize.ts); linking joins
// surnames, abbreviations and head nouns to named entities (link.ts); coreference adds pronouns and role
// nouns (coref.ts). Leaves out: nationality adjectives as entities (NORP is not emitted on its own).
import type { AnalysisDocument } from '../../core/document.ts';
import type { Entity } from '../../core/record.ts';
import { nameKeys } from '../../kb/index.ts';
import type { Stage } from '../stage.ts';
import { resolveReferences } from './coref.ts';
import { kbClass } from './gazetteer.ts';
import { linkMentions, longestName, type Cluster } from './link.ts';
import { documentTokens, recognizeSentence, tagSentence, type Mention } from './recognize.ts';
import type { EntityResources } from './resources.ts';
import { sortByStart } from './mention-order.ts';
import { DocumentHistory } from './tagger/features.ts';
import { wordsOf } from '../words/index.ts';

export const ENTITY_MENTIONS = 'entity-mentions';

export interface EntityLayer {
  mentions: Mention[];
  /** Entity index per token, -1 outside mentions. */
  tokenEntity: Int32Array;
}

export function entitiesStage(res: EntityResources): Stage {
  return {
    name: 'entities',
    requires: ['segments', 'words'],
    provides: ['entities', ENTITY_MENTIONS],
    run(doc: AnalysisDocument) {
      const seg = doc.segments!;
      const mentions: Mention[] = [];
      const history = new DocumentHistory();
      const words = wordsOf(doc);
      const tokens = documentTokens(doc.text, seg, words, res);
      // Each sentence is recognised as soon as it is tagged (recognition reads only the sentence itself):
      // its arrays then die young instead of outliving the tagging of the whole document.
      for (let s = 0; s < seg.sentenceCount; s++) {
        const found = recognizeSentence(doc.text, seg, tagSentence(seg, words, tokens, s, res, history), res);
        for (let k = 0; k < found.length; k++) mentions.push(found[k]!);
      }
      const clusters = linkMentions(doc.text, seg.tokenStart, mentions, res);
      resolveReferences(doc.text, seg, words, clusters, res);
      const entities: Entity[] = [];
      const used = new Set<string>();
      const tokenEntity = new Int32Array(seg.tokenCount).fill(-1);
      const all: Mention[] = [];
      for (const c of clusters) {
        sortByStart(c.mentions);
        const index = entities.length;
        for (const m of c.mentions) {
          m.entity = index;
          all.push(m);
          for (let t = m.first; t <= m.last; t++) tokenEntity[t] = index;
        }
        entities.push(toEntity(doc.text, c, res, used));
      }
      doc.entities = entities;
      doc.layers.set(ENTITY_MENTIONS, { mentions: sortByStart(all), tokenEntity } satisfies EntityLayer);
    },
  };
}

function toEntity(text: string, c: Cluster, res: EntityResources, used: Set<string>): Entity {
  const kb = c.kbId ? res.kb.get(c.kbId) : undefined;
  let longestAlias = '';
  for (const m of c.mentions) if (m.alias && m.alias.length > longestAlias.length) longestAlias = m.alias;
  // A person's name is the name without titles ("Senator John McCain" is John McCain).
  const longest = (c.type === 'PERSON' ? longestPersonName(c, text, res) : longestName(c, text)).replace(/^the\s+/i, '');
  const name = kb?.name ?? ((longestAlias.length > longest.length ? longestAlias : longest) || text.slice(c.mentions[0]!.start, c.mentions[0]!.end));
  let id = c.kbId ?? `${kbClass(c.type).toLowerCase()}:${slugOf(name) || 'unnamed'}`;
  for (let k = 2; used.has(id); k++) id = `${c.kbId ?? id.replace(/~\d+$/, '')}~${k}`;
  used.add(id);
  const surfaces = new Set<string>();
  for (const m of c.mentions) {
    if (m.source === 'coref') continue;
    surfaces.add(text.slice(m.start, m.end));
    if (m.alias) surfaces.add(m.alias);
  }
  surfaces.delete(name);
  const aliases = [...surfaces];
  return {
    id,
    name,
    type: c.type,
    kbId: c.kbId,
    aliases,
    mentions: c.mentions.filter((m) => !m.silent).map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end) })),
  };
}

// The id part of an unlinked entity's name: its token keys, ASCII, joined by hyphens. Cached: names
// recur across the documents of a batch.
const slugCache = new Map<string, string>();
function slugOf(name: string): string {
  let slug = slugCache.get(name);
  if (slug === undefined) {
    slug = nameKeys(name).join('-').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (slugCache.size > 50_000) slugCache.clear();
    slugCache.set(name, slug);
  }
  return slug;
}

function longestPersonName(c: Cluster, text: string, res: EntityResources): string {
  let best = '';
  for (const m of c.mentions) {
    if (m.source === 'coref') continue;
    let s = text.slice(m.start, m.end);
    // Titles the tagger put inside the span: drop leading title words. Most names are one word, or do not
    // begin with a title and are spaced by single spaces: then the name is the span as it stands.
    const space = s.indexOf(' ');
    const plain = !OTHER_SPACING.test(s) && (space < 0 || !isTitleWord(s.slice(0, space), res));
    if (!plain) {
      const words = s.split(/\s+/);
      let k = 0;
      while (k < words.length - 1 && isTitleWord(words[k]!, res)) k++;
      s = words.slice(k).join(' ');
    }
    if (s.length > best.length) best = s;
  }
  return best;
}

// Whitespace other than single spaces: splitting the name at whitespace and joining it with spaces would
// change it.
const OTHER_SPACING = /\s\s|[^\S ]/;

function isTitleWord(word: string, res: EntityResources): boolean {
  return res.titleWords.has(word.toLowerCase().replace(/\.$/, ''));
}
