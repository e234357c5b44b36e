// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item is a document; item HTML is converted to text and the
// channel's title is the outlet unless the item names its own source.
import { DOMParser } from 'linkedom';
import type { RawDocument } from '../core/document.ts';
import { InputError } from '../core/errors.ts';
import { contentId } from '../core/hash.ts';
import { normaliseDate } from './dates.ts';
import { htmlFragmentToText, looksLikeHtml } from './fragment.ts';
import { findXmlProblem } from './xml-check.ts';

interface El {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute(name: string): string | null;
}

export interface ParsedFeed {
  docs: RawDocument[];
  /** Set when the XML is not well formed; the complete items before the error are still returned. */
  problem: string | null;
}

export function isFeed(xml: string): boolean {
  const head = xml.slice(0, 4096).replace(/<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '').trimStart();
  return /^<(rss|feed|rdf:RDF)\b/i.test(head);
}

export function parseFeed(path: string, xml: string): ParsedFeed {
  if (!isFeed(xml)) throw new InputError(path, 'XML but not an RSS or Atom feed (root element is not rss, feed or rdf:RDF)');
  const problem = findXmlProblem(xml);
  let usable = xml.length;
  if (problem) usable = problem.offset;
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as El;
  const root = elementChildren(doc)[0];
  if (!root) throw new InputError(path, 'malformed XML: no root element');
  const rootName = local(root);
  const channel = rootName === 'rss' ? elementChildren(root).find((c) => local(c) === 'channel') ?? root : root;
  const outlet = childText(channel, 'title');
  const items = rootName === 'feed'
    ? elementChildren(root).filter((c) => local(c) === 'entry')
    : [...elementChildren(channel), ...elementChildren(root)].filter((c) => local(c) === 'item');
  // When the XML breaks off, keep only the items that closed before the break.
  const closeTag = rootName === 'feed' ? /<\/(?:\w+:)?entry>/g : /<\/(?:\w+:)?item>/g;
  const complete = problem ? (xml.slice(0, usable).match(closeTag)?.length ?? 0) : items.length;
  const docs: RawDocument[] = [];
  const skipped: string[] = [];
  items.slice(0, complete).forEach((item, i) => {
    const itemPath = `${path}#${i + 1}`;
    const title = childText(item, 'title');
    const body = childText(item, 'encoded') ?? childText(item, 'content') ?? childText(item, 'description') ?? childText(item, 'summary');
    const text = body && looksLikeHtml(body) ? htmlFragmentToText(body) : (body ?? '').trim();
    if (!text) {
      skipped.push(`item ${i + 1} has no text`);
      return;
    }
    const link = rootName === 'feed' ? atomLink(item) : childText(item, 'link') ?? childText(item, 'guid');
    const date = childText(item, 'pubDate') ?? childText(item, 'date') ?? childText(item, 'published') ?? childText(item, 'updated') ?? childText(item, 'issued');
    const source = childText(item, 'source');
    docs.push({
      path: itemPath,
      format: 'feed',
      text,
      meta: {
        title,
        published: normaliseDate(date),
        outlet: source ?? outlet,
        url: link,
        author: childText(item, 'creator') ?? childText(item, 'author'),
      },
      docId: contentId(JSON.stringify([title, text, date, link])),
      warnings: [],
    });
  });
  const notes: string[] = [];
  if (problem) notes.push(`malformed XML at line ${problem.line}: ${problem.reason}; kept the ${docs.length} complete item(s) before it`);
  if (!problem && items.length === 0) throw new InputError(path, 'feed has no items');
  if (skipped.length && !docs.length) throw new InputError(path, `feed items have no text (${skipped.join(', ')})`);
  return { docs, problem: notes.length ? notes.join('; ') : null };
}

function local(el: El): string {
  const n = el.nodeName;
  const k = n.indexOf(':');
  return (k >= 0 ? n.slice(k + 1) : n).toLowerCase();
}

function elementChildren(el: El): El[] {
  const out: El[] = [];
  const kids = el.childNodes;
  for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === 1) out.push(kids[i]!);
  return out;
}

function childText(el: El, name: string): string | null {
  const lower = name.toLowerCase();
  for (const c of elementChildren(el)) {
    if (local(c) !== lower) continue;
    const t = c.textContent?.trim();
    if (t) return t;
    if (lower === 'author' || lower === 'source') {
      const n = elementChildren(c).find((x) => local(x) === 'name')?.textContent?.trim();
      if (n) return n;
    }
  }
  return null;
}

function atomLink(entry: El): string | null {
  const links = elementChildren(entry).filter((c) => local(c) === 'link');
  const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  return alt?.getAttribute('href') ?? null;
}
