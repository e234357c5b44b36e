// Golden fixtures for the text cleaner: test/fixtures/clean/<case>/{input.txt, expected.json}.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cleanDocument } from '../src/clean/index.ts';
import { contentId } from '../src/core/hash.ts';
import { loadResources } from '../src/service/resources.ts';

const dir = new URL('./fixtures/clean/', import.meta.url).pathname;
const resources = loadResources();

interface Expected {
  rule: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  removed: string[];
  kept: string[];
}

for (const name of readdirSync(dir).sort()) {
  if (!statSync(join(dir, name)).isDirectory()) continue;
  const input = readFileSync(join(dir, name, 'input.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as Expected;
  test(`clean fixture ${name}: ${expected.rule}`, () => {
    const out = cleanDocument({ path: `${name}.txt`, format: 'text', text: input, meta: {}, docId: contentId(input), warnings: [] }, resources.clean);
    const lines = new Set(out.text.split('\n').map((l) => l.trim()));
    assert.equal(out.title, expected.title, 'title');
    assert.equal(out.published, expected.published, 'published');
    // Outlet names compare as the scorer compares them: case and punctuation aside.
    assert.equal(norm(out.outlet), norm(expected.outlet), 'outlet');
    for (const line of expected.removed) assert.ok(!lines.has(line.trim()), `chrome line kept: ${line}`);
    for (const line of expected.kept) assert.ok(out.text.includes(line.trim()), `body line lost: ${line}`);
  });
}

function norm(s: string | null): string | null {
  return s === null ? null : s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}
