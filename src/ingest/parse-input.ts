// One input's bytes to raw documents: format by extension, else by content; decoding; per-format parsing.
// Pure (no I/O): the file walker reads the bytes.
import type { RawDocument } from '../core/document.ts';
import { InputError } from '../core/errors.ts';
import { contentId } from '../core/hash.ts';
import { articleFromObject } from './article-object.ts';
import { decodeBytes } from './decode.ts';
import { parseFeed, isFeed } from './feed.ts';
import { declaredCharset, extractHtml } from './html.ts';

export type InputFormat = 'text' | 'html' | 'json' | 'jsonl' | 'feed';

export interface IngestLimits {
  /** Largest file read at all (feeds and JSON Lines files hold many documents). */
  maxFileBytes: number;
  /** Largest single document, in characters of text. */
  maxDocChars: number;
}

export const DEFAULT_LIMITS: IngestLimits = { maxFileBytes: 200 * 1024 * 1024, maxDocChars: 5 * 1024 * 1024 };

export type IngestEvent =
  | { type: 'doc'; doc: RawDocument }
  | { type: 'failure'; path: string; reason: string };

const EXTENSIONS: Record<string, InputFormat> = {
  txt: 'text', text: 'text',
  html: 'html', htm: 'html', xhtml: 'html', shtml: 'html',
  json: 'json',
  jsonl: 'jsonl', ndjson: 'jsonl', jsonlines: 'jsonl',
  xml: 'feed', rss: 'feed', atom: 'feed', rdf: 'feed', feed: 'feed',
};

export function formatFromPath(path: string): InputFormat | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return m ? (EXTENSIONS[m[1]!.toLowerCase()] ?? null) : null;
}

export function isInputFile(path: string): boolean {
  return formatFromPath(path) !== null;
}

export function* parseInput(path: string, bytes: Uint8Array, limits: IngestLimits = DEFAULT_LIMITS): Generator<IngestEvent> {
  try {
    if (bytes.length > limits.maxFileBytes) {
      throw new InputError(path, `file is ${mb(bytes.length)}, above the ${mb(limits.maxFileBytes)} file limit (--max-file-mb)`);
    }
    const { text, warnings } = decodeBytes(path, bytes, declaredCharset(bytes));
    const format = formatFromPath(path) ?? sniffFormat(text);
    const withWarnings = (doc: RawDocument): RawDocument => ({ ...doc, warnings: [...warnings, ...doc.warnings] });
    switch (format) {
      case 'text':
        yield checked({ path, format: 'text', text, meta: {}, docId: contentId(bytes), warnings }, limits);
        return;
      case 'html': {
        const { text: body, meta } = extractHtml(path, text);
        yield checked({ path, format: 'html', text: body, meta, docId: contentId(bytes), warnings }, limits);
        return;
      }
      case 'json':
        yield* parseJsonDocument(path, text, limits, withWarnings);
        return;
      case 'jsonl':
        yield* parseJsonLines(path, text, limits, withWarnings);
        return;
      case 'feed': {
        const feed = parseFeed(path, text);
        for (const d of feed.docs) yield checked(withWarnings(d), limits);
        if (feed.problem) yield { type: 'failure', path, reason: feed.problem };
        return;
      }
    }
  } catch (err) {
    if (err instanceof InputError) yield { type: 'failure', path: err.path, reason: err.reason };
    else throw err;
  }
}

function checked(doc: RawDocument, limits: IngestLimits): IngestEvent {
  if (doc.text.length > limits.maxDocChars) {
    return { type: 'failure', path: doc.path, reason: `document is ${mb(doc.text.length)} of text, above the ${mb(limits.maxDocChars)} document limit (--max-doc-mb)` };
  }
  return { type: 'doc', doc };
}

function sniffFormat(text: string): InputFormat {
  const head = text.trimStart().slice(0, 512);
  if (head.startsWith('{') || head.startsWith('[')) {
    const firstLine = head.split('\n', 1)[0]!.trim();
    if (head.startsWith('{') && firstLine.endsWith('}') && text.trim().includes('\n')) return 'jsonl';
    return 'json';
  }
  if (head.startsWith('<')) return isFeed(text) ? 'feed' : 'html';
  return 'text';
}

function* parseJsonDocument(path: string, text: string, limits: IngestLimits, wrap: (d: RawDocument) => RawDocument): Generator<IngestEvent> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(path, `malformed JSON: ${jsonErrorWhere(text, err as Error)}`);
  }
  const list = articleList(value);
  if (!list) {
    yield checked(wrap(articleFromObject(path, value)), limits);
    return;
  }
  if (!list.length) throw new InputError(path, 'JSON holds no articles');
  for (let i = 0; i < list.length; i++) {
    const itemPath = `${path}#${i + 1}`;
    try {
      yield checked(wrap(articleFromObject(itemPath, list[i])), limits);
    } catch (err) {
      if (err instanceof InputError) yield { type: 'failure', path: err.path, reason: err.reason };
      else throw err;
    }
  }
}

function articleList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const key of ['articles', 'items', 'documents', 'docs', 'data', 'results', 'entries']) {
      if (Array.isArray(o[key])) return o[key] as unknown[];
    }
  }
  return null;
}

function* parseJsonLines(path: string, text: string, limits: IngestLimits, wrap: (d: RawDocument) => RawDocument): Generator<IngestEvent> {
  let lineNo = 0;
  let start = 0;
  let any = false;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!line) continue;
    any = true;
    const itemPath = `${path}#${lineNo}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { type: 'failure', path: `${path}:${lineNo}`, reason: `malformed JSON line: ${(err as Error).message}` };
      continue;
    }
    try {
      yield checked(wrap(articleFromObject(itemPath, value)), limits);
    } catch (err) {
      if (err instanceof InputError) yield { type: 'failure', path: `${path}:${lineNo}`, reason: err.reason };
      else throw err;
    }
  }
  if (!any) throw new InputError(path, 'empty file (no JSON lines)');
}

function jsonErrorWhere(text: string, err: Error): string {
  const m = /position (\d+)/.exec(err.message);
  if (!m) return err.message;
  const pos = Number(m[1]);
  const line = text.slice(0, pos).split('\n').length;
  return `${err.message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}`;
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
