import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { AnalysisRecord } from '../core/record.ts';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  records: AnalysisRecord[];
}

async function sitrep(args: string[], stdin = ''): Promise<Run> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const io: CliIo = { stdout: out, stderr: err, readStdin: async () => new TextEncoder().encode(stdin) };
  const code = await main(args, io);
  const records = args.includes('jsonl') ? stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as AnalysisRecord) : [];
  return { code, stdout, stderr, records };
}

const BODY = 'Three rockets struck near the airport on Tuesday, security officials said, causing no casualties.';
const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
const good = join(dir, 'good.txt');
writeFileSync(good, `Rockets strike near airport\n\n${BODY}\n\nThe attack was the fourth this month, according to a tally by the officials.`);

test('analyze writes one schema record per document and exits 0', async () => {
  const r = await sitrep(['analyze', good, '--format', 'jsonl']);
  assert.equal(r.code, 0);
  assert.equal(r.records.length, 1);
  assert.equal(r.records[0]!.schema, 'sitrep/analysis@1');
  assert.equal(r.records[0]!.title, 'Rockets strike near airport');
  assert.ok(r.records[0]!.text.startsWith(BODY));
});

test('each bad input gets one stderr line, the good ones are analysed, and the exit status is 1', async () => {
  const bad = join(dir, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'a-good.txt'), `Headline\n\n${BODY}`);
  writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'invalid.txt'), Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x81]));
  writeFileSync(join(bad, 'broken.json'), '{"title": "x", ');
  writeFileSync(join(bad, 'broken.xml'), '<rss><channel><item><title>x</title>');
  writeFileSync(join(bad, 'no-text.html'), '<html><body><script>1</script></body></html>');
  writeFileSync(join(bad, 'z-good.jsonl'), `${JSON.stringify({ title: 'T', text: BODY })}\n`);
  const r = await sitrep(['analyze', bad, join(dir, 'missing.txt'), '--format', 'jsonl']);
  assert.equal(r.code, 1);
  assert.equal(r.records.length, 2);
  const lines = r.stderr.trim().split('\n');
  for (const name of ['binary.txt', 'empty.txt', 'invalid.txt', 'broken.json', 'broken.xml', 'no-text.html', 'missing.txt']) {
    assert.equal(lines.filter((l) => l.includes(name)).length, 1, `one line for ${name}: ${r.stderr}`);
  }
  assert.match(r.stderr, /missing\.txt: no such file or directory/);
});

test('a 50 MB text is refused by the document size limit without stopping the run', async () => {
  const big = join(dir, 'big.txt');
  writeFileSync(big, `${BODY}\n`.repeat(Math.ceil((50 * 1048576) / (BODY.length + 1))));
  const r = await sitrep(['analyze', big, good, '--format', 'jsonl']);
  assert.equal(r.code, 1);
  assert.equal(r.records.length, 1);
  assert.match(r.stderr, /big\.txt: file is 50\.0 MB, above the 5\.0 MB document limit/);
});

test('--max-doc-mb raises the document limit', async () => {
  const six = join(dir, 'six.txt');
  writeFileSync(six, `${BODY}\n\n`.repeat(Math.ceil((6 * 1048576) / (BODY.length + 2))));
  assert.equal((await sitrep(['analyze', six, '--format', 'jsonl'])).code, 1);
  assert.equal((await sitrep(['analyze', six, '--format', 'jsonl', '--max-doc-mb', '8'])).code, 0);
});

test('standard input is read with "-"', async () => {
  const r = await sitrep(['analyze', '-', '--format', 'jsonl'], `Headline\n\n${BODY}`);
  assert.equal(r.code, 0);
  assert.equal(r.records[0]!.source.path, '-');
});

test('--format json writes one JSON array and --out writes to a file', async () => {
  const outFile = join(dir, 'out.json');
  const r = await sitrep(['analyze', good, good, '--format', 'json', '--out', outFile]);
  assert.equal(r.code, 0);
  const arr = JSON.parse(readFileSync(outFile, 'utf8')) as AnalysisRecord[];
  assert.equal(arr.length, 2);
});

test('pretty output summarises each document', async () => {
  const r = await sitrep(['analyze', good, '--format', 'pretty']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Rockets strike near airport/);
  assert.match(r.stdout, /1 document analysed/);
});

test('usage errors exit 2', async () => {
  assert.equal((await sitrep(['analyze'])).code, 2);
  assert.equal((await sitrep(['analyze', good, '--format', 'xml'])).code, 2);
  assert.equal((await sitrep(['analyze', good, '--bogus'])).code, 2);
  assert.equal((await sitrep(['analyze', good, '--max-doc-mb', 'zero'])).code, 2);
  assert.equal((await sitrep(['frobnicate'])).code, 2);
  assert.equal((await sitrep(['--version'])).code, 0);
});
