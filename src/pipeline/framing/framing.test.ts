import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../entities/test-helpers.ts';

const framing = (body: string) => {
  const r = analyzeText(body);
  const name = (id: string | null | undefined) => r.entities.find((e) => e.id === id)?.name ?? null;
  return r.framing.map((f) => ({ text: f.span.text, category: f.category, neutral: f.neutral ?? null, refersTo: name(f.refersTo), voice: name(f.voice) }));
};
const find = (list: ReturnType<typeof framing>, text: string) => list.find((f) => f.text === text);

test('a loaded word gets its neutral wording', () => {
  const f = find(framing('Three fighters were martyred in the raid on Sunday.'), 'martyred');
  assert.equal(f?.category, 'loaded-language');
  assert.equal(f?.neutral, 'killed');
});

test('a loaded adjective runs on to the noun it qualifies, and the neutral drops it', () => {
  const f = find(framing('The army pressed on with its atrocious onslaught against the town.'), 'atrocious onslaught');
  assert.ok(f);
  assert.equal(f.neutral, 'offensive');
  const g = find(framing('Officials condemned the brutal and treacherous attacks on the village.'), 'brutal and treacherous attacks');
  assert.equal(g?.neutral, 'attacks');
});

test('a predicate adjective is a span of its own without a neutral word', () => {
  const f = find(framing('Residents said the siege was barbaric.'), 'barbaric');
  assert.equal(f?.neutral, null);
});

test('a label takes its article and names its entity', () => {
  const list = framing('Israel struck again. The usurping regime has defied every resolution.');
  const f = find(list, 'The usurping regime');
  assert.equal(f?.category, 'name-calling');
  assert.equal(f?.refersTo, 'Israel');
  assert.equal(f?.neutral, 'Israel');
});

test('a nationality inside a name-calling span is what it refers to', () => {
  const f = find(framing('The United States keeps troops in Iraq. Protesters demanded that the American occupation forces leave.'), 'occupation forces');
  assert.ok(f, 'the label is found');
});

test('euphemisms name the plain term', () => {
  const f = find(framing('The strike killed two commanders of anti-terror groups in the area.'), 'anti-terror groups');
  assert.equal(f?.category, 'euphemism');
  assert.equal(f?.neutral, 'armed groups');
});

test('doubt markers: so-called, distancing formulas and scare quotes', () => {
  const list = framing('The so-called peace plan collapsed. Officials rejected what Washington claims is a defensive move. Missiles hit “Eilat” and "Israeli" ports overnight.');
  assert.equal(find(list, 'so-called peace plan')?.category, 'doubt');
  assert.equal(find(list, 'what Washington claims')?.neutral, 'what Washington describes as');
  assert.equal(find(list, '“Eilat”')?.category, 'doubt');
  assert.equal(find(list, '"Israeli" ports')?.neutral, 'Israeli ports');
});

test('an alias in quotes is no scare quote', () => {
  assert.equal(find(framing('The Islamic State (also known as “ISIS”) lost its last town.'), '“ISIS”'), undefined);
});

test('the voice of a span inside a direct quote is the speaker; the outlet\'s own wording has none', () => {
  const list = framing('“The Zionist entity will pay for its crimes,” Hassan Nasrallah said. Israel has bombed the Zionist entity’s neighbours.');
  const quoted = list.find((f) => f.text.startsWith('The Zionist entity'));
  assert.equal(quoted?.voice, 'Hassan Nasrallah');
  assert.ok(list.filter((f) => f.voice === null).length >= 1);
});

test('spans do not overlap and slice the text', () => {
  const r = analyzeText('The cowardly, treacherous assassination of the heroic commanders was a flagrant crime.');
  const spans = r.framing.map((f) => f.span).sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start >= spans[i - 1]!.end);
  for (const s of spans) assert.equal(r.text.slice(s.start, s.end), s.text);
});

test('plain reporting carries no framing from the hand lexicon', () => {
  const list = framing('The minister met his counterpart in Baghdad on Tuesday to discuss trade and electricity supplies.');
  assert.deepEqual(list.filter((f) => f.neutral !== null), []);
});

test('the token model scores a token as the sum of its features', async () => {
  const { loadResources } = await import('../../service/resources.ts');
  const { framingContext } = await import('./context.ts');
  const { insideMarks, lexiconCover, tokenFeatures } = await import('./token-model.ts');
  const resources = loadResources({ tagger: false });
  const model = resources.framing.tokenModel;
  assert.ok(model, 'a token model is bundled');
  const r = analyzeText('The “heroic” fighters waged a relentless, devastating war on the so-called regime of Damascus.');
  const { segmentText } = await import('../segment/index.ts');
  const doc = { text: r.text, segments: segmentText(r.text, resources.abbreviations), entities: [], quotes: [], layers: new Map() } as never;
  const ctx = framingContext(doc, resources.knowledge, resources.framing);
  const cover = lexiconCover(ctx);
  const marks = insideMarks(ctx);
  const scores = model.scoreAll(ctx, cover, marks);
  for (let t = 0; t < ctx.seg.tokenCount; t++) {
    assert.ok(Math.abs(scores[t]! - model.score(tokenFeatures(ctx, t, cover, marks))) < 1e-9, ctx.lower[t]);
  }
});

test('the longest lexicon phrase at a token is the first entry of its word that the following words match', async () => {
  const { loadResources } = await import('../../service/resources.ts');
  const { framingContext } = await import('./context.ts');
  const { buildFramingIndex } = await import('./lexicon.ts');
  const { matchAt } = await import('./rules/lexicon-phrases.ts');
  const { segmentText } = await import('../segment/index.ts');
  const resources = loadResources({ tagger: false });
  const index = buildFramingIndex([
    { text: 'so-called', category: 'doubt' },
    { text: 'so-called peace plan', category: 'doubt' },
    { text: 'brutal', category: 'loaded-language' },
  ], null);
  const text = 'The so-called peace plan and the so-called truce were brutal';
  const doc = { text, segments: segmentText(text, resources.abbreviations), entities: [], quotes: [], layers: new Map() } as never;
  const ctx = framingContext(doc, resources.knowledge, index);
  const at = (t: number) => matchAt(ctx, t)?.text ?? null;
  assert.deepEqual([...Array(ctx.seg.tokenCount).keys()].map(at), [null, 'so-called peace plan', null, null, null, null, 'so-called', null, null, 'brutal']);
  assert.equal(matchAt(ctx, -1), null);
  assert.equal(matchAt(ctx, ctx.seg.tokenCount), null);
});
