import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RawDocument } from '../core/document.ts';
import { DEFAULT_LIMITS, parseInput, type IngestEvent } from './parse-input.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const run = (path: string, content: string | Uint8Array, limits = DEFAULT_LIMITS): IngestEvent[] =>
  [...parseInput(path, typeof content === 'string' ? enc(content) : content, limits)];
const docs = (events: IngestEvent[]): RawDocument[] => events.flatMap((e) => (e.type === 'doc' ? [e.doc] : []));
const failures = (events: IngestEvent[]) => events.flatMap((e) => (e.type === 'failure' ? [e] : []));

const BODY = 'A drone struck the air base before dawn on Monday, officials said, the third such attack this week.';

test('plain text is one document with its bytes as content id', () => {
  const [a] = docs(run('a.txt', `Headline here\n\n${BODY}`));
  const [b] = docs(run('b.txt', `Headline here\n\n${BODY}`));
  assert.equal(a!.format, 'text');
  assert.equal(a!.text, `Headline here\n\n${BODY}`);
  assert.equal(a!.docId, b!.docId);
});

test('HTML gives the article text and the head metadata', () => {
  const html = `<!doctype html><html><head><title>Drone hits base | Example Wire</title>
    <meta property="og:site_name" content="Example Wire"><meta property="article:published_time" content="2025-03-04T22:15:00+03:00">
    <link rel="canonical" href="https://wire.example/a/1"><meta name="author" content="Jane Doe"></head>
    <body><nav>Home World</nav><article><h1>Drone hits base</h1><p>${BODY}</p><figure><figcaption>Smoke (Photo by AFP)</figcaption></figure>
    <p>No group has claimed the attack so far, and the ministry said it was investigating the incident.</p></article><footer>© Example Wire</footer></body></html>`;
  const [d] = docs(run('page.html', html));
  assert.equal(d!.meta.published, '2025-03-04');
  assert.equal(d!.meta.outlet, 'Example Wire');
  assert.equal(d!.meta.url, 'https://wire.example/a/1');
  assert.equal(d!.meta.author, 'Jane Doe');
  assert.ok(d!.text.includes(BODY));
  assert.ok(!d!.text.includes('Photo by AFP'));
});

test('a JSON object, a JSON array and an object holding an article list are read', () => {
  const one = docs(run('a.json', JSON.stringify({ title: 'T', body: BODY, date: '2025-02-01', url: 'https://x.example/1', outlet: 'X' })));
  assert.equal(one.length, 1);
  assert.equal(one[0]!.text, BODY);
  assert.equal(one[0]!.meta.published, '2025-02-01');
  assert.equal(one[0]!.meta.outlet, 'X');
  const list = docs(run('b.json', JSON.stringify([{ title: 'A', text: BODY }, { headline: 'B', content: `<p>${BODY}</p>` }])));
  assert.deepEqual(list.map((d) => d.path), ['b.json#1', 'b.json#2']);
  assert.equal(list[1]!.text, BODY);
  const wrapped = docs(run('c.json', JSON.stringify({ articles: [{ title: 'A', text: BODY, source: { name: 'Wire' } }] })));
  assert.equal(wrapped[0]!.meta.outlet, 'Wire');
});

test('JSON Lines: each line a document; a bad line is one failure and the others go on', () => {
  const ev = run('a.jsonl', `${JSON.stringify({ title: 'A', text: BODY })}\n{not json\n\n${JSON.stringify({ title: 'B' })}\n${JSON.stringify({ title: 'C', body: BODY })}\n`);
  assert.deepEqual(docs(ev).map((d) => d.path), ['a.jsonl#1', 'a.jsonl#5']);
  const f = failures(ev);
  assert.equal(f.length, 2);
  assert.equal(f[0]!.path, 'a.jsonl:2');
  assert.match(f[0]!.reason, /malformed JSON/);
  assert.match(f[1]!.reason, /no article text/);
});

test('RSS items are documents with the channel as outlet; item HTML is converted', () => {
  const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Tigris Wire</title>
    <item><title>One</title><link>https://t.example/1</link><pubDate>Tue, 04 Mar 2025 10:15:00 +0000</pubDate><content:encoded><![CDATA[<p>${BODY}</p><p>Second paragraph of the item.</p>]]></content:encoded></item>
    <item><title>Two</title><link>https://t.example/2</link><description>&lt;p&gt;${BODY}&lt;/p&gt;</description></item></channel></rss>`;
  const d = docs(run('feed.xml', rss));
  assert.equal(d.length, 2);
  assert.equal(d[0]!.meta.outlet, 'Tigris Wire');
  assert.equal(d[0]!.meta.published, '2025-03-04');
  assert.equal(d[0]!.text, `${BODY}\n\nSecond paragraph of the item.`);
  assert.equal(d[1]!.text, BODY);
});

test('Atom entries are documents with their alternate link', () => {
  const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Pars Dispatch</title>
    <entry><title>Entry</title><link rel="alternate" href="https://p.example/e1"/><published>2025-01-09T08:00:00Z</published><content type="html">&lt;p&gt;${BODY}&lt;/p&gt;</content></entry></feed>`;
  const [d] = docs(run('f.atom', atom));
  assert.equal(d!.meta.url, 'https://p.example/e1');
  assert.equal(d!.meta.published, '2025-01-09');
  assert.equal(d!.text, BODY);
});

test('a truncated feed keeps its complete items and reports the break', () => {
  const rss = `<rss><channel><title>W</title><item><title>A</title><description>${BODY}</description></item><item><title>B</title><description>cut off`;
  const ev = run('cut.rss', rss);
  assert.equal(docs(ev).length, 1);
  assert.match(failures(ev)[0]!.reason, /malformed XML.*kept the 1 complete item/);
});

test('malformed JSON, XML that is not a feed and markup without text are one failure each', () => {
  assert.match(failures(run('a.json', '{"title": "x", '))[0]!.reason, /malformed JSON/);
  assert.match(failures(run('a.xml', '<?xml version="1.0"?><catalog><book/></catalog>'))[0]!.reason, /not an RSS or Atom feed/);
  assert.match(failures(run('a.html', '<html><body><script>x()</script></body></html>'))[0]!.reason, /no article text/);
});

test('formats are sniffed from content when the extension says nothing', () => {
  assert.equal(docs(run('-', JSON.stringify({ title: 'A', text: BODY })))[0]!.format, 'json');
  assert.equal(docs(run('-', `<rss><channel><title>W</title><item><title>A</title><description>${BODY}</description></item></channel></rss>`))[0]!.format, 'feed');
  assert.equal(docs(run('-', `<html><body><p>${BODY}</p></body></html>`))[0]!.format, 'html');
  assert.equal(docs(run('-', BODY))[0]!.format, 'text');
});

test('documents and files above the size limits are refused with the limit named', () => {
  const small = { maxFileBytes: 1000, maxDocChars: 50 };
  assert.match(failures(run('a.txt', BODY, small))[0]!.reason, /document limit \(--max-doc-mb\)/);
  assert.match(failures(run('a.jsonl', 'x'.repeat(2000), small))[0]!.reason, /file limit \(--max-file-mb\)/);
});
