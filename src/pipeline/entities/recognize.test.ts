import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, entityOf } from './test-helpers.ts';

test('spelling variants of a transliterated name link to one KB entity', () => {
  const r = analyzeText("Kata'ib Hezbollah denied it. Kataib Hezbollah later said so, and a Kata’ib Hezbollah commander was killed.");
  const ids = new Set(["Kata'ib Hezbollah", 'Kataib Hezbollah', 'Kata’ib Hezbollah'].map((s) => entityOf(r, s)?.id));
  assert.deepEqual([...ids], ['kataib-hezbollah']);
});

test('Daesh, ISIS and ISIL are one actor', () => {
  const r = analyzeText('Daesh claimed the attack. ISIS fighters fled the town, and ISIL was blamed for the bombing.');
  const isis = r.entities.filter((e) => e.id === 'isis');
  assert.equal(isis.length, 1);
  assert.deepEqual(isis[0]!.mentions.map((m) => m.text), ['Daesh', 'ISIS', 'ISIL']);
});

test('long organisation names and facilities are recognised whole', () => {
  const r = analyzeText('The Islamic Revolution Guards Corps said drones struck Ain al-Assad airbase, and flights left Baghdad International Airport.');
  assert.equal(entityOf(r, 'Islamic Revolution Guards Corps')?.id, 'irgc');
  assert.equal(entityOf(r, 'Baghdad International Airport')?.type, 'FAC');
  assert.equal(entityOf(r, 'Ain al-Assad airbase')?.id, 'ain-al-asad-air-base');
});

test('an Arabic name with a kunya is one person', () => {
  const r = analyzeText('The commander Abu Baqer al-Saadi was killed on Wednesday near the capital.');
  const p = entityOf(r, 'Abu Baqer al-Saadi');
  assert.equal(p?.type, 'PERSON');
});

test('places inside hyphenated compounds are linked but not listed as name spans', () => {
  const r = analyzeText('A drone hit a base near the Syria-Jordan border, officials said.');
  for (const place of ['Syria', 'Jordan']) {
    const e = entityOf(r, place);
    assert.ok(e, place);
    assert.deepEqual(e.mentions, [], place);
  }
});

test('a name the tokenizer split from a hyphenated participle is a modifier, not a name span', () => {
  const r = analyzeText('U.S.-led forces withdrew from the town on Monday.');
  assert.ok(!r.entities.some((e) => e.mentions.some((m) => m.text === 'U.S.' || m.text === 'U.S.-')));
});

test('a nationality that is also a short country name is a nationality before a noun', () => {
  const r = analyzeText('Saudi officials met the envoy in Riyadh on Sunday.');
  assert.ok(!r.entities.some((e) => e.mentions.some((m) => m.text === 'Saudi')));
});

test('a KB name that begins with an article does not cut a longer name short', () => {
  const r = analyzeText('The National Assembly approved the budget on Tuesday.');
  assert.ok(r.entities.some((e) => e.mentions.some((m) => m.text === 'National Assembly')));
  assert.ok(!r.entities.some((e) => e.mentions.some((m) => m.text === 'The National')));
});

test('a person naming an administration is a person; the administration is the government', () => {
  const r = analyzeText('The Obama administration proposed a new plan on Monday.');
  const obama = r.entities.find((e) => e.mentions.some((m) => m.text === 'Obama'));
  assert.equal(obama?.type, 'PERSON');
  assert.equal(entityOf(r, 'Obama administration')?.id, 'us-government');
});

test('a nationality with forces names the state, without a separate military entity', () => {
  const r = analyzeText('The United States said American forces would stay in Iraq.');
  const us = r.entities.find((e) => e.id === 'united-states')!;
  assert.ok(us.aliases?.includes('American forces'));
  assert.ok(!r.entities.some((e) => e.id === 'us-armed-forces'));
});

test('a state named only through its forces is not an entity', () => {
  const r = analyzeText('The group carried out joint operations with Yemeni forces against ports.');
  assert.ok(!r.entities.some((e) => e.id === 'yemen'));
});

test('labels that name an entity are its mentions', () => {
  const r = analyzeText('The statement warned the Zionist entity against any attack.');
  assert.equal(entityOf(r, 'Zionist entity')?.id, 'israel');
});

test('a collective named twice is an organisation, and joins the named coalition of its country', () => {
  const alone = analyzeText('Iraqi resistance groups vowed revenge. The Iraqi resistance has launched operations since then.');
  const c = entityOf(alone, 'Iraqi resistance groups');
  assert.equal(c?.type, 'ORG');
  assert.equal(c, entityOf(alone, 'Iraqi resistance'));
  const withIri = analyzeText('The Islamic Resistance in Iraq issued a statement. Iraqi resistance forces have struck bases, and the Iraqi resistance vowed more.');
  assert.equal(entityOf(withIri, 'Iraqi resistance forces')?.id, 'islamic-resistance-in-iraq');
});

test('a capitalised common word opening a sentence is not a name', () => {
  const r = analyzeText('Coordination is excellent between the fronts, the commander said.');
  assert.ok(!r.entities.some((e) => e.mentions.some((m) => m.text === 'Coordination')));
});

test('military operation names are not entities', () => {
  const r = analyzeText('Palestinian fighters launched a surprise attack, dubbed Operation al-Aqsa Storm, on October 7.');
  assert.ok(!r.entities.some((e) => e.mentions.some((m) => /Aqsa/.test(m.text))));
});

test('a country in front of its institution belongs to the name', () => {
  const r = analyzeText('A senior US State Department official said the talks would go on.');
  assert.ok(entityOf(r, 'US State Department'));
});

test('every mention slices its own text out of the record text', () => {
  const r = analyzeText('General Qassem Soleimani and Abu Mahdi al-Muhandis were killed near Baghdad International Airport on January 3, 2020.');
  for (const e of r.entities) for (const m of e.mentions) assert.equal(r.text.slice(m.start, m.end), m.text);
});

test('an article matched with a knowledge-base alias is left out of the name', () => {
  const r = analyzeText('The White House declined to comment. Later the White House said talks would go on.');
  const house = r.entities.find((e) => e.id === 'white-house');
  assert.deepEqual(house?.mentions.map((m) => m.text), ['White House', 'White House']);
});

test('an article that begins the name itself stays in it', () => {
  const r = analyzeText('The New York Times reported the raid on Tuesday.');
  assert.equal(entityOf(r, 'The New York Times')?.id, 'new-york-times');
});

test('capitalised words before a KB organisation name another organisation; a place before it owns it', () => {
  const r = analyzeText('The Liberal Democratic Party won the vote, and Yemen’s Houthi movement said it would respond.');
  const ldp = entityOf(r, 'Liberal Democratic Party');
  assert.equal(ldp?.type, 'ORG');
  assert.notEqual(ldp?.kbId, 'democratic-party');
  assert.equal(entityOf(r, 'Houthi')?.id, 'ansar-allah');
});

test('an honorific makes the next name a person ("Mr. Olmert")', () => {
  const r = analyzeText('Mr. Abbas and Mr. Olmert have held periodic meetings.');
  assert.equal(entityOf(r, 'Mr. Olmert')?.type, 'PERSON');
});

test('a nationality of two words is not a name ("Sri Lankan authorities")', () => {
  const r = analyzeText('Sri Lankan authorities say a prominent rebel leader was shot.');
  assert.ok(!r.entities.some((e) => e.mentions.some((m) => m.text === 'Sri Lankan')));
});

test('names run together across a slash are apart ("Reuters/Samir Jabbar")', () => {
  const r = analyzeText('Troops board an aircraft before the deployment. (Reuters/Samir Jabbar)');
  assert.equal(entityOf(r, 'Reuters')?.kbId, 'reuters');
});

test('only titles before a KB person make the span the person, linked', () => {
  const r = analyzeText('The PMU was formed in response to a religious edict by Grand Ayatollah Ali al-Sistani.');
  assert.equal(entityOf(r, 'Grand Ayatollah Ali al-Sistani')?.id, 'ali-al-sistani');
});

test('a lower-case direction before a KB place keeps the place linked', () => {
  const r = analyzeText('A rocket attack on a base in western Iraq wounded three soldiers.');
  assert.equal(entityOf(r, 'Iraq')?.id, 'iraq');
});

test('a KB place whose name begins with an article keeps it ("The Hague")', () => {
  const r = analyzeText('The war crimes tribunal in The Hague sentenced the former commander on Tuesday.');
  assert.equal(entityOf(r, 'The Hague')?.id, 'the-hague');
});
