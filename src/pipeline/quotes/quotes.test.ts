import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../entities/test-helpers.ts';
import type { Segmentation } from '../../core/document.ts';
import { sentenceOfToken } from './index.ts';

const quotes = (body: string) => {
  const r = analyzeText(body);
  const name = (id: string | null) => r.entities.find((e) => e.id === id)?.name ?? null;
  return r.quotes.map((q) => ({ kind: q.kind, text: q.span.text, speaker: name(q.speaker), cue: q.cue, channel: q.channel }));
};

test('direct quotes in curly, straight, single and guillemet marks', () => {
  for (const [open, close] of [['“', '”'], ['"', '"'], ['‘', '’'], ['«', '»']]) {
    const q = quotes(`${open}We will respond to any attack,${close} Akram al-Kaabi said.`);
    assert.equal(q[0]?.text, 'We will respond to any attack', `${open}${close}`);
    assert.equal(q[0]?.speaker, 'Akram al-Kaabi');
  }
});

test('a quote split by its reporting clause is two quotes of one speaker', () => {
  const q = quotes('“How can we leave you alone,” he continued, “while you still occupy our land?” Akram al-Kaabi spoke on Saturday.'.replace('he continued', 'Akram al-Kaabi continued'));
  assert.equal(q.length, 2);
  assert.deepEqual(q.map((x) => x.speaker), ['Akram al-Kaabi', 'Akram al-Kaabi']);
});

test('a quote running over two paragraphs keeps its speaker', () => {
  const q = quotes('Hezbollah said in a statement: “We will not stand idle while our people are killed.\n\n“Our fighters are ready to respond at any moment.”');
  assert.equal(q.length, 2);
  assert.deepEqual(q.map((x) => x.speaker), ['Hezbollah', 'Hezbollah']);
});

test('a scare-quoted fragment inside reported speech belongs to the speaker', () => {
  const q = quotes('The Islamic Resistance in Iraq vowed to respond to any “foolish” act by the United States.');
  const frag = q.find((x) => x.text === 'foolish');
  assert.equal(frag?.kind, 'direct');
  assert.equal(frag?.speaker, 'Islamic Resistance in Iraq');
  const ind = q.find((x) => x.kind !== 'direct');
  assert.match(ind!.text, /^to respond to any “foolish” act/);
});

test('indirect speech: the content clause only, with its cue and speaker', () => {
  const q = quotes('Akram al-Kaabi said on Friday that his group would continue its attacks on US forces.');
  assert.deepEqual(q, [{ kind: 'indirect', text: 'his group would continue its attacks on US forces', speaker: 'Akram al-Kaabi', cue: 'said', channel: null }]);
});

test('an infinitive complement stops before a subordinate clause', () => {
  const q = quotes('Washington has threatened to strike targets in Iraq after three of its troops were killed.');
  assert.equal(q[0]?.text, 'to strike targets in Iraq');
  assert.equal(q[0]?.speaker, 'United States');
});

test('reported speech before its cue: "…, the statement said"', () => {
  const q = quotes('Kata’ib Hezbollah issued a statement on Monday. The attacks would stop for now, the statement said.');
  assert.equal(q[0]?.text, 'The attacks would stop for now');
  assert.equal(q[0]?.speaker, "Kata'ib Hezbollah");
});

test('"according to X" attributes the clause to X', () => {
  const q = quotes('Three rockets hit the base, according to the Pentagon.');
  assert.equal(q[0]?.text, 'Three rockets hit the base');
  assert.equal(q[0]?.speaker, 'United States Department of Defense');
});

test('a pronoun or role noun speaker resolves to the entity', () => {
  const q = quotes('Akram al-Kaabi spoke on Sunday. “The calm is only a tactic,” the cleric said. “We will take revenge,” he added.');
  assert.deepEqual(q.map((x) => x.speaker), ['Akram al-Kaabi', 'Akram al-Kaabi']);
});

test('the channel is read from the reporting clause', () => {
  assert.equal(quotes('The IRGC said in a statement that the drill had ended.')[0]?.channel, 'statement');
  assert.equal(quotes('“We will win,” Akram al-Kaabi wrote in a post on X.')[0]?.channel, 'tweet');
  assert.equal(quotes('“Leave us alone,” Joey Hood said in an interview with Al Arabiya.')[0]?.channel, 'interview');
});

test('quoted names and titles are not speech, and quotes inside quotes are not separate', () => {
  const q = quotes('The group struck targets in “Eilat” and Haifa. “They call it a ‘security partnership’ but it is an occupation,” the group said.');
  assert.equal(q.length, 1);
  assert.match(q[0]!.text, /^They call it a ‘security partnership’/);
});

test('an apostrophe or a plural possessive is not a quotation mark', () => {
  const q = quotes("The soldiers' families and Kata'ib Hezbollah's leaders met on Monday.");
  assert.equal(q.length, 0);
});

test('transcript turns are quotes of the named speaker', () => {
  const q = quotes('WALLACE: Let me ask you about the debate tonight and what you expect.\n\nPENCE: Well, I expect a very strong performance from our candidate.');
  assert.equal(q.length, 2);
  assert.ok(q.every((x) => x.kind === 'direct' && x.speaker));
});

test('a bare content clause may open with a common noun: "said local officials should…"', () => {
  const q = quotes('Hakim Zamili said local councils should take over the checkpoints.');
  assert.equal(q.length, 1);
  assert.equal(q[0]!.text, 'local councils should take over the checkpoints');
  assert.equal(q[0]!.speaker, 'Hakim Zamili');
});

test('an object or an adverb after a reporting verb is not a content clause', () => {
  assert.equal(quotes('The minister said goodbye to the delegation on Monday.').length, 0);
  assert.equal(quotes('The minister spoke briefly and left the hall.').length, 0);
});

test('a place between the reporting verb and "that" is not part of the content', () => {
  const q = quotes('Hakim Zamili said in Basra that the talks had failed.');
  assert.equal(q[0]?.text, 'the talks had failed');
});

test('a group of people is a speaker: "Most registered voters say…"', () => {
  const q = quotes('Most registered voters say they like the ceasefire plan.');
  assert.equal(q[0]?.text, 'they like the ceasefire plan');
  assert.equal(q.length, 1);
});

test('a reporting clause set off by commas makes the sentence reported speech of the speaker inside', () => {
  const q = quotes('In Basra, local officials said, the curfew was lifted.');
  assert.equal(q.length, 1);
  assert.equal(q[0]!.text, 'In Basra, local officials said, the curfew was lifted');
  assert.equal(q[0]!.cue, 'said');
});

test('a modal before a verb after a comma is a clause of its own, not a speaker', () => {
  const q = quotes('Iran, he said, will respond.');
  assert.equal(q.length, 1);
  assert.equal(q[0]!.cue, 'said');
});

test('auxiliaries next to the cue are not part of the speaker', () => {
  const r = analyzeText('The attack was a crime, the ministry has said.');
  assert.equal(r.quotes[0]?.speakerText, 'the ministry');
});

test('a bare object after a reporting verb is no clause without an auxiliary: "urged allies to speed up"', () => {
  const q = quotes('Hakim Zamili urged allies to speed up the handover.');
  assert.ok(q.every((x) => !x.text.startsWith('allies to speed')), JSON.stringify(q));
});

test('a wire dateline is left out of a sentence reported by a speaker inside commas', () => {
  const q = quotes('BASRA (Tigris Wire) — Two mortar rounds hit the port on Sunday, police sources said, causing no casualties.');
  assert.equal(q[0]?.text, 'Two mortar rounds hit the port on Sunday, police sources said, causing no casualties');
});

test('a clause opening with a contracted pronoun is reported speech: "said he’d build…", "said it\'s over"', () => {
  assert.equal(quotes('Calabrese said he’d build a new clinic.')[0]?.text, 'he’d build a new clinic');
  assert.equal(quotes("Calabrese said it's over.")[0]?.text, "it's over");
  assert.equal(quotes('Calabrese said that’s over.')[0]?.text, 'that’s over');
});

test('an abbreviation point inside the content clause does not end it: "said Mr. Bush had…"', () => {
  assert.equal(quotes('Rahm Emanuel said Mr. Bush had not won him over.')[0]?.text, 'Mr. Bush had not won him over');
});

test('a verb of evidence reports a finding only with its "that" clause', () => {
  const found = quotes('The United Nations inquiry found that the shelter had been hit by artillery.');
  assert.equal(found[0]?.text, 'the shelter had been hit by artillery');
  assert.equal(found[0]?.cue, 'found');
  assert.equal(quotes('Security forces found a fourth rocket in its launch tube.').length, 0);
});

test('adverbs beside the reporting verb do not hide the subject before an apposition', () => {
  const q = quotes("Kata'ib Hezbollah, which Washington designated a terrorist group in 2009, has repeatedly demanded the departure of all US troops.");
  assert.equal(q[0]?.speaker, "Kata'ib Hezbollah");
});

test('a speaker named like a property of plain objects ("Constructor") is a speaker like any other', () => {
  const q = quotes('“We are ready,” Ali Hassan said on Monday. “We will not wait,” Constructor said.');
  assert.deepEqual(q.map((x) => x.speaker), ['Ali Hassan', 'Constructor']);
});

test('the sentence of a token, with empty sentences and tokens outside any', () => {
  // Sentences [0, 2), [2, 2) (empty), [2, 5); five tokens.
  const seg = { sentenceTokenStart: new Uint32Array([0, 2, 2, 5]), sentenceCount: 3, tokenCount: 5 } as unknown as Segmentation;
  assert.deepEqual([0, 1, 2, 3, 4].map((t) => sentenceOfToken(seg, t)), [0, 0, 2, 2, 2]);
  assert.equal(sentenceOfToken(seg, 5), undefined);
  assert.equal(sentenceOfToken(seg, -1), undefined);
});
