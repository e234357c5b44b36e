// A JSON object describing an article (from a .json or .jsonl file) to a raw document. Field names follow
// what scrapers and news APIs commonly emit.
import type { RawDocument } from '../core/document.ts';
import { contentId } from '../core/hash.ts';
import { InputError } from '../core/errors.ts';
import { normaliseDate } from './dates.ts';
import { extractHtml } from './html.ts';
import { htmlFragmentToText, looksLikeHtml } from './fragment.ts';

const TEXT_FIELDS = ['text', 'body', 'content', 'article', 'full_text', 'fullText', 'maintext', 'articleBody', 'story'];
const FALLBACK_TEXT_FIELDS = ['description', 'summary', 'abstract'];
const TITLE_FIELDS = ['title', 'headline', 'name'];
const DATE_FIELDS = ['date', 'published', 'publishedAt', 'published_at', 'pubDate', 'datePublished', 'date_publish', 'publish_date', 'created_at', 'time', 'timestamp'];
const URL_FIELDS = ['url', 'link', 'canonical', 'canonical_url', 'source_url', 'href'];
const OUTLET_FIELDS = ['outlet', 'source', 'site', 'site_name', 'siteName', 'publisher', 'source_name', 'source_domain', 'domain'];

export function articleFromObject(path: string, value: unknown): RawDocument {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(path, 'not an article object');
  const o = value as Record<string, unknown>;
  const pick = (fields: string[]): string | null => {
    for (const f of fields) {
      const v = o[f];
      if (typeof v === 'string' && v.trim()) return v;
      if (typeof v === 'number' && f !== 'name') return String(v);
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const inner = (v as Record<string, unknown>).name ?? (v as Record<string, unknown>).title ?? (v as Record<string, unknown>).text;
        if (typeof inner === 'string' && inner.trim()) return inner;
      }
    }
    return null;
  };
  const title = pick(TITLE_FIELDS);
  const htmlField = typeof o.html === 'string' ? o.html : null;
  let text = pick(TEXT_FIELDS) ?? (htmlField ? null : pick(FALLBACK_TEXT_FIELDS));
  let fromHtml: ReturnType<typeof extractHtml> | null = null;
  if (!text && htmlField) {
    fromHtml = extractHtml(path, htmlField);
    text = fromHtml.text;
  } else if (text && looksLikeHtml(text)) {
    text = htmlFragmentToText(text);
  }
  if (!text || !text.trim()) {
    throw new InputError(path, `no article text (expected one of the fields ${TEXT_FIELDS.slice(0, 3).join(', ')})`);
  }
  const dateRaw = pick(DATE_FIELDS);
  const date = typeof o.timestamp === 'number' && dateRaw === String(o.timestamp)
    ? normaliseDate(new Date(o.timestamp * (o.timestamp < 1e11 ? 1000 : 1)).toISOString())
    : normaliseDate(dateRaw);
  return {
    path,
    format: 'json',
    text,
    meta: {
      title: title?.trim() ?? fromHtml?.meta.title ?? null,
      published: date ?? fromHtml?.meta.published ?? null,
      outlet: pick(OUTLET_FIELDS)?.trim() ?? fromHtml?.meta.outlet ?? null,
      url: pick(URL_FIELDS)?.trim() ?? fromHtml?.meta.url ?? null,
      author: pick(['author', 'byline', 'authors'])?.trim() ?? null,
    },
    docId: contentId(JSON.stringify([title, text, dateRaw])),
    warnings: [],
  };
}
