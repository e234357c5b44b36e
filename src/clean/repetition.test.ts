import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadResources } from '../service/resources.ts';
import { cleanDocument } from './index.ts';
import { RepetitionLearner } from './repetition.ts';

const { clean } = loadResources();
const BACKGROUND = 'The group has claimed dozens of attacks on bases hosting US troops in Iraq and Syria since October, most of them with drones and rockets.';
const doc = (n: number) =>
  `Headline number ${n} about the strikes\n\nStory ${n} opens with a long first paragraph that reports what happened on the ground today.\n\n${BACKGROUND}\n\nJoin the conversation on our forum\n`;

test('a short line repeated at the tail of several documents is learned as chrome', () => {
  const learner = new RepetitionLearner();
  for (let n = 1; n <= 4; n++) learner.observe(doc(n));
  const out = cleanDocument({ path: 'a.txt', format: 'text', text: doc(1), meta: {}, docId: 'a', warnings: [] }, clean, { repetition: learner });
  assert.ok(!out.text.includes('Join the conversation'));
  assert.ok(out.removed.some((r) => r.rule === 'repeated-line'));
});

test('a recycled background paragraph is kept even when every document repeats it', () => {
  const learner = new RepetitionLearner();
  for (let n = 1; n <= 6; n++) learner.observe(doc(n));
  const out = cleanDocument({ path: 'a.txt', format: 'text', text: doc(2), meta: {}, docId: 'a', warnings: [] }, clean, { repetition: learner });
  assert.ok(out.text.includes(BACKGROUND));
});

test('a line seen in only two documents is not learned', () => {
  const learner = new RepetitionLearner();
  for (let n = 1; n <= 2; n++) learner.observe(doc(n));
  const out = cleanDocument({ path: 'a.txt', format: 'text', text: doc(1), meta: {}, docId: 'a', warnings: [] }, clean, { repetition: learner });
  assert.ok(out.text.includes('Join the conversation'));
});

test('the learner stops adding new lines at its capacity but keeps counting known ones', () => {
  const learner = new RepetitionLearner(3);
  learner.observe('Alpha line\n\nBeta line\n\nGamma line');
  learner.observe('Delta line\n\nAlpha line');
  assert.equal(learner.count('Alpha line'), 2);
  assert.equal(learner.count('Delta line'), 0);
});

test('only the first and last five units of a document are learned from', () => {
  const learner = new RepetitionLearner();
  const long = (n: number) => [...Array.from({ length: 6 }, (_, k) => `Lead paragraph ${k} of story ${n}.`), 'Read more below', ...Array.from({ length: 6 }, (_, k) => `Closing paragraph ${k} of story ${n}.`), 'Share this story'].join('\n\n');
  for (let n = 1; n <= 4; n++) learner.observe(long(n));
  assert.equal(learner.count('Read more below'), 0);
  assert.equal(learner.count('Share this story'), 4);
});
