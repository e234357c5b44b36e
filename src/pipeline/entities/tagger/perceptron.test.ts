import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadResources } from '../../../service/resources.ts';
import { DocumentHistory } from './features.ts';
import { allowedTransitions, isLowerWord, TaggerModel, TokenMode, tokenMode, trainTagger, viterbi } from './perceptron.ts';

const { entities } = loadResources();

// Sentences of a demo article, split into words roughly.
function demoSentences(): string[][] {
  const text = readFileSync(new URL('../../../../demo/02-iran-denies-role-in-iraq-attacks.txt', import.meta.url), 'utf8');
  return text.split(/(?<=[.!?])\s+/).slice(0, 40).map((s) => s.split(/\s+|(?=[,.;:"“”()])/).filter(Boolean));
}

test('the fast tagging path gives the reference path labels on real sentences', () => {
  const tagger = entities.tagger!;
  const h1 = new DocumentHistory();
  const h2 = new DocumentHistory();
  for (const words of demoSentences()) {
    const view = { words, gaz: words.map((w, i) => (i % 5 === 0 && /^[A-Z]/.test(w) ? 'B-PLACE' : '')), initial: words.map((_, i) => i === 0), common: words.map((w) => entities.commonWords.has(w.toLowerCase())) };
    assert.deepEqual(tagger.tag(view, h1), tagger.tagReference(view, h2), words.join(' '));
  }
});

test('the fast tagging path gives the reference path labels when lower-case words are left unscored', () => {
  const tagger = entities.tagger!;
  const h1 = new DocumentHistory();
  const h2 = new DocumentHistory();
  for (const words of demoSentences()) {
    const cap = Uint8Array.from(words, (w) => (/^\p{Lu}|\d/u.test(w) ? 1 : 0));
    const view = { words, gaz: words.map(() => ''), cap, common: words.map((w) => entities.commonWords.has(w.toLowerCase())) };
    assert.deepEqual(tagger.tag(view, h1), tagger.tagReference(view, h2), words.join(' '));
  }
});

// Made-up capitalised names, distinct for each i: "Bavok", "Cavok"...
function madeUpName(i: number): string {
  let s = '';
  for (let k = i + 26 * 27; k > 0; k = Math.floor(k / 26)) s += 'bcdfghjklmnprstvzaeiouyqwx'[k % 26];
  return s[0]!.toUpperCase() + s.slice(1) + 'ov';
}

test('words beyond the first chunk of word vectors keep their own scores', () => {
  const tagger = entities.tagger!;
  // More new word types than one chunk holds (4096), so later words land in a second chunk.
  for (let i = 0; i < 5000; i += 2) {
    const words = ['Minister', madeUpName(i), 'met', madeUpName(i + 1), 'in', 'Baghdad', 'on', 'Monday', '.'];
    const view = { words, gaz: words.map(() => ''), initial: words.map((_, k) => k === 0), common: words.map((w) => entities.commonWords.has(w.toLowerCase())) };
    assert.deepEqual(tagger.tag(view), tagger.tagReference(view), words.join(' '));
  }
});

test('an I- label only continues a B- or I- label of the same type', () => {
  const labels = ['O', 'B-PERSON', 'I-PERSON', 'B-ORG', 'I-ORG'];
  const a = allowedTransitions(labels);
  const ok = (p: string, c: string) => a[labels.indexOf(p) * labels.length + labels.indexOf(c)] === 1;
  assert.ok(ok('B-PERSON', 'I-PERSON'));
  assert.ok(ok('I-PERSON', 'I-PERSON'));
  assert.ok(!ok('O', 'I-PERSON'));
  assert.ok(!ok('B-ORG', 'I-PERSON'));
});

test('training is deterministic and learns a toy pattern', () => {
  const sentences = Array.from({ length: 40 }, (_, i) => ({
    view: { words: ['Mr', 'Alpha' + (i % 5), 'met', 'Beta' + (i % 3), 'in', 'Gamma'], gaz: ['', '', '', '', '', 'B-PLACE'] },
    tags: ['B-PERSON', 'I-PERSON', 'O', 'B-PERSON', 'O', 'B-PLACE'],
    doc: Math.floor(i / 10),
  }));
  const opts = { epochs: 4, seed: 7, minCount: 1 };
  const m1 = trainTagger(sentences, ['O', 'B-PERSON', 'I-PERSON', 'B-PLACE'], opts);
  const m2 = trainTagger(sentences, ['O', 'B-PERSON', 'I-PERSON', 'B-PLACE'], opts);
  assert.deepEqual(m1.toJSON('x'), m2.toJSON('x'));
  assert.deepEqual(m1.tag({ words: ['Mr', 'Alpha9', 'met', 'Beta9', 'in', 'Gamma'], gaz: ['', '', '', '', '', 'B-PLACE'] }), ['B-PERSON', 'I-PERSON', 'O', 'B-PERSON', 'O', 'B-PLACE']);
});

test('decoding finds the best whole sequence where the locally best first label leads nowhere', () => {
  // Labels O, B-X, I-X. Token 0 alone prefers B-X a little, but token 1 strongly prefers O after O
  // and I-X is impossible after O: the best sequence is O O, which greedy decoding would miss.
  const labels = ['O', 'B-X', 'I-X'];
  const allowed = allowedTransitions(labels);
  const emit = [[0, 1, 0], [0, 0, 0]];
  const trans = (i: number, p: number, v: Float64Array) => {
    if (i === 1 && p === 0) v[0]! += 5;
  };
  const best = viterbi(2, 3, allowed, () => TokenMode.Scored, (i, v) => emit[i]!.forEach((x, l) => (v[l]! += x)), trans, () => {});
  assert.deepEqual(best, [0, 0]);
});

test('lower-case words are scored only next to a capitalised word or inside a name', () => {
  const words = ['officials', 'in', 'southern', 'Iraq', 'said', 'the', 'Bank', 'of', 'the', 'West', 'opened'];
  const cap = Uint8Array.from(words, (w) => (/^[A-Z]/.test(w) ? 1 : 0));
  const modes = words.map((_, i) => tokenMode(cap, words, i, () => true));
  assert.deepEqual(modes, [
    TokenMode.O, TokenMode.O, TokenMode.Scored, TokenMode.Scored, TokenMode.OAfterName, TokenMode.Scored,
    TokenMode.Scored, TokenMode.Scored, TokenMode.Scored, TokenMode.Scored, TokenMode.OAfterName,
  ]);
});

test('a model trained with word classes refuses to load without them', () => {
  const json = { ...entities.tagger!.toJSON('x'), wordClasses: 'abc' };
  assert.throws(() => TaggerModel.fromJSON(json, null), /trained with word classes abc/);
});

test('a word counts as lower-case when upper-casing would change any of its letters', () => {
  for (const w of ['southern', 'al-Sadr', 'iPhone', 'É', 'école', 'ÉCOLe', 'straße', 'ǆ']) assert.equal(isLowerWord(w), w.toUpperCase() !== w, w);
  for (const w of ['UN', 'U.S.', '1990', '-', 'ÉCOLE', 'بغداد', '']) assert.equal(isLowerWord(w), false, w);
});
