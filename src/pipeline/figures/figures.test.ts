import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../entities/test-helpers.ts';

const figures = (body: string, published?: string) => {
  const r = analyzeText(body, published ? { published } : {});
  const name = (id: string | null | undefined) => r.entities.find((e) => e.id === id)?.name ?? null;
  return r.figures.map((f) => ({ value: f.value, measure: f.measure, subject: f.subject ?? null, qualifier: f.qualifier ?? null, asOf: f.asOf ?? null, by: name(f.attributedTo), text: f.evidence.text }));
};

test('casualty counts in digits and words, with their qualifier', () => {
  const f = figures('At least 1,250 people have been killed and nearly 3,000 wounded in the fighting, the ministry said.');
  assert.deepEqual(f.map((x) => [x.value, x.measure, x.qualifier]), [[1250, 'killed', 'at least'], [3000, 'injured', 'nearly']]);
});

test('a participle toll and martyrs count as killed', () => {
  assert.deepEqual(figures('An airstrike hit the market, killing seven civilians.').map((x) => [x.value, x.measure, x.subject]), [[7, 'killed', 'civilians']]);
  assert.deepEqual(figures('The town buried its five martyrs on Sunday.').map((x) => [x.value, x.measure]), [[5, 'killed']]);
});

test('troops, weapons and attacks by the noun they count', () => {
  const f = figures('The Pentagon keeps about 2,500 troops in Iraq. Iran fired 12 ballistic missiles and launched 40 drones in three waves of attacks.');
  assert.deepEqual(f.map((x) => [x.value, x.measure]), [[2500, 'troops'], [12, 'missiles'], [40, 'drones']], 'three waves are no attacks counted');
  assert.equal(f[0]!.subject, 'troops in Iraq');
});

test('a number that repeats the noun of the one before it counts the same thing', () => {
  const f = figures('Washington has 2,500 soldiers in Iraq and around 900 in Syria.');
  assert.deepEqual(f.map((x) => [x.value, x.measure, x.qualifier]), [[2500, 'troops', null], [900, 'troops', 'around']]);
  assert.match(f[1]!.subject ?? '', /Syria/);
});

test('spans of time count years; "a decade" is ten of them', () => {
  const f = figures('Nineteen years after the invasion, the war goes on. The group has fought for over a decade.');
  assert.deepEqual(f.map((x) => [x.value, x.measure, x.qualifier]), [[19, 'years', null], [10, 'years', 'over']]);
  assert.deepEqual(figures('Two decades of sanctions followed.').map((x) => [x.value, x.measure]), [[20, 'years']]);
});

test('years, dates, ages, ordinals, percentages and clock times are not figures', () => {
  assert.deepEqual(figures('In 2019, on March 3, a 25-year-old man was arrested at 10:30 for the third time, a 40 percent rise.'), []);
  assert.deepEqual(figures('Ahmad Hassan, 25, was released.'), []);
});

test('numbers that are part of a name are not figures', () => {
  assert.deepEqual(figures('The drone hit Tower 22 and violated Resolution 1701.'), []);
});

test('vague words claim a number only when they count people or casualties', () => {
  assert.deepEqual(figures('Several missiles hit the base. Dozens of strikes followed.'), []);
  assert.deepEqual(figures('Tens of thousands of protesters marched. Dozens of people were killed.').map((x) => [x.value, x.measure]), [[10000, 'people'], [12, 'killed']]);
});

test('a definite reference to people is not a count', () => {
  assert.deepEqual(figures('The two commanders were revered across the region.'), []);
});

test('people arrested or displaced take the verb as their measure', () => {
  assert.deepEqual(figures('Police arrested 300 people in Basra.').map((x) => [x.value, x.measure]), [[300, 'arrested']]);
  assert.deepEqual(figures('About 90,000 residents fled their homes.').map((x) => [x.value, x.measure]), [[90000, 'displaced']]);
});

test('money counts', () => {
  assert.deepEqual(figures('Washington pledged $500 million in aid.').map((x) => [x.value, x.measure]), [[500000000, 'money']]);
});

test('the source of a figure: "according to" or the speaker of its quote', () => {
  assert.match(figures('At least 16 people were killed, according to the Lebanese Health Ministry.')[0]?.by ?? '', /Health/);
  assert.equal(figures('Hezbollah said three of its fighters were killed.')[0]?.by, 'Hezbollah');
});

test('asOf is the date the sentence gives the figure', () => {
  assert.equal(figures('By Sunday, at least 40 people had been killed.', '2024-05-08')[0]?.asOf, '2024-05-05');
  assert.equal(figures('At least 40 people have been killed.', '2024-05-08')[0]?.asOf, null);
});

test('a count of things is no casualty count even with a toll word later in the clause', () => {
  assert.deepEqual(figures('The navy launched two warships, named after martyrs of the war.').map((x) => x.measure), ['ships']);
});

test('evidence is a verbatim span', () => {
  const r = analyzeText('At least 33 people were killed and 70 wounded in Sunday’s attack.');
  for (const f of r.figures) assert.equal(r.text.slice(f.evidence.start, f.evidence.end), f.evidence.text);
});
