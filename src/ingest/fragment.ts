// HTML fragments (feed item bodies, JSON fields holding markup) to text.
import { parseHTML } from 'linkedom';
import { htmlNodeToText } from './html-text.ts';

export function looksLikeHtml(s: string): boolean {
  return /<\/?(p|br|div|span|a|strong|em|b|i|h[1-6]|ul|li|img|figure|blockquote)\b[^>]*>/i.test(s);
}

export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return htmlNodeToText(document.body as never);
}
