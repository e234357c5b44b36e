import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KnowledgeBase, nameKeyString, nameKeys, tokenKey } from './index.ts';
import { BUNDLED_KB_DIR, loadKbFiles } from './load.ts';
import { parseKbJsonl } from './parse.ts';

const place = (over: Record<string, unknown> = {}) => JSON.stringify({ id: 'test-town', name: 'Test Town', type: 'GPE', kind: 'city', aliases: [], lat: 33.1, lon: 44.2, sources: ['editorial'], ...over });

test('the bundled knowledge base loads without a problem', () => {
  const { entries, problems } = loadKbFiles([BUNDLED_KB_DIR]);
  assert.deepEqual(problems, []);
  assert.ok(entries.length > 2000);
});

test('a bad KB line gets a clear problem with file, line and reason, and the others load', () => {
  const text = [place(), '{not json', place({ id: 'Bad Id' }), place({ id: 'no-source', sources: [] }), place({ id: 'half-coords', lon: undefined })].join('\n');
  const r = parseKbJsonl('places.jsonl', text);
  assert.equal(r.entries.length, 1);
  assert.deepEqual(r.problems.map((p) => p.line), [2, 3, 4, 5]);
  assert.match(r.problems[0]!.reason, /not JSON/);
  assert.match(r.problems[1]!.reason, /lowercase slug/);
  assert.match(r.problems[2]!.reason, /at least one source/);
  assert.match(r.problems[3]!.reason, /lat and lon come together/);
});

test('duplicate ids and references to missing entries are reported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
  writeFileSync(join(dir, 'a.jsonl'), `${place()}\n${place({ name: 'Again' })}\n${place({ id: 'orphan', parent: 'nowhere' })}\n`);
  const { problems } = loadKbFiles([dir]);
  assert.ok(problems.some((p) => /duplicate id "test-town"/.test(p.reason)));
  assert.ok(problems.some((p) => /parent "nowhere" is not in the KB/.test(p.reason)));
});

test('a user KB file adds entries and replaces bundled ones with the same id', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-kb-'));
  writeFileSync(join(dir, 'mine.jsonl'), `${place()}\n${JSON.stringify({ id: 'iraq', name: 'Republic of Iraq (mine)', type: 'GPE', kind: 'country', aliases: ['Iraq'], country: 'IQ', lat: 33, lon: 44, sources: ['me'] })}\n`);
  const { entries, problems } = loadKbFiles([BUNDLED_KB_DIR, dir]);
  assert.deepEqual(problems, []);
  assert.ok(entries.some((e) => e.id === 'test-town'));
  assert.equal(entries.find((e) => e.id === 'iraq')!.name, 'Republic of Iraq (mine)');
});

test('token keys fold apostrophes, diacritics, initialisms and the Arabic article', () => {
  assert.equal(tokenKey("Kata'ib"), tokenKey('Kata’ib'));
  assert.equal(tokenKey('Kataib'), tokenKey('Kata’ib'));
  assert.equal(tokenKey('U.S.'), 'US');
  assert.equal(tokenKey('al-Muhandis'), tokenKey('Muhandis'));
  assert.equal(tokenKey('Al-Muhandis'), 'muhandis');
  assert.equal(tokenKey('Erdoğan'), 'erdogan');
  assert.notEqual(tokenKey('US'), tokenKey('us'));
});

test('alias matching takes the longest name and skips a standalone article', () => {
  const kb = new KnowledgeBase([
    { id: 'iraq', name: 'Iraq', type: 'GPE', kind: 'country', aliases: [], lat: 33, lon: 44, sources: ['x'] },
    { id: 'iri', name: 'Islamic Resistance in Iraq', type: 'ORG', kind: 'coalition', aliases: [], sources: ['x'] },
    { id: 'arabiya', name: 'Al Arabiya', type: 'ORG', kind: 'media', aliases: [], sources: ['x'] },
  ]);
  const keys = nameKeys('the Islamic Resistance in Iraq told Al Arabiya about Iraq');
  const matches = kb.matchKeys(['the', ...keys.slice(1)]).map((m) => m.ids[0]);
  assert.deepEqual(matches, ['iri', 'arabiya', 'iraq']);
  assert.deepEqual(kb.lookup('al Arabiya'), ['arabiya']);
});

test('a name is a country or a place by its KB entries, whatever else shares the name', () => {
  const kb = new KnowledgeBase([
    { id: 'georgia', name: 'Georgia', type: 'GPE', kind: 'country', aliases: [], lat: 42, lon: 43.5, sources: ['x'] },
    { id: 'georgia-state', name: 'Georgia', type: 'GPE', kind: 'province', aliases: [], lat: 32.7, lon: -83.4, sources: ['x'] },
    { id: 'jordan-river', name: 'Jordan River', type: 'LOC', kind: 'river', aliases: ['Jordan'], sources: ['x'] },
    { id: 'jordan', name: 'Hashemite Kingdom of Jordan', type: 'GPE', kind: 'country', aliases: ['Jordan'], lat: 31, lon: 36, sources: ['x'] },
    { id: 'badr', name: 'Badr Organization', type: 'ORG', kind: 'armed-group', aliases: ['Badr'], sources: ['x'] },
  ]);
  assert.equal(kb.countryNamed('Georgia'), 'georgia');
  assert.equal(kb.countryNamed('jordan'), 'jordan');
  assert.equal(kb.countryNamed('Badr'), undefined);
  assert.equal(kb.namesPlace('Jordan'), true);
  assert.equal(kb.namesPlace('Badr'), false);
  assert.equal(kb.namesPlace('Nowhere'), false);
  // Answers are cached: asking again gives the same.
  assert.equal(kb.countryNamed('Georgia'), 'georgia');
  assert.equal(kb.namesPlace('Badr'), false);
});

test('mayStartMatch is false only where matchKeys finds no name starting at the key', () => {
  const kb = new KnowledgeBase([
    { id: 'iri', name: 'Islamic Resistance in Iraq', type: 'ORG', kind: 'coalition', aliases: [], sources: ['x'] },
    { id: 'sanaa', name: 'Sanaa', type: 'GPE', kind: 'city', aliases: [], lat: 15.4, lon: 44.2, sources: ['x'] },
    { id: 'arabiya', name: 'Al Arabiya', type: 'ORG', kind: 'media', aliases: [], sources: ['x'] },
  ]);
  for (const word of ['Islamic', 'SANAA', 'Sanaa', 'Al', 'Resistance', 'Iraq', 'Arabiya', 'US', '']) {
    const key = tokenKey(word);
    const matches = kb.matchKeys([key, ...nameKeys('Resistance in Iraq')]).filter((m) => m.first === 0);
    if (matches.length) assert.equal(kb.mayStartMatch(key), true, word);
  }
  assert.equal(kb.mayStartMatch(tokenKey('Islamic')), true);
  assert.equal(kb.mayStartMatch(tokenKey('SANAA')), true);
  assert.equal(kb.mayStartMatch(tokenKey('Al')), true);
  assert.equal(kb.mayStartMatch(tokenKey('Resistance')), false);
  assert.equal(kb.mayStartMatch(''), false);
});

test('nameKeyString joins a name\'s token keys with spaces', () => {
  assert.equal(nameKeyString("Kata'ib Hezbollah"), nameKeys("Kata'ib Hezbollah").join(' '));
  assert.equal(nameKeyString('the U.S. State Department'), 'the US state department');
});
