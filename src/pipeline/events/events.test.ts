import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnalysisEvent } from '../../core/record.ts';
import { analyzeText } from '../entities/test-helpers.ts';
import type { Quantity } from '../numbers/index.ts';
import { firstNumberFrom } from './index.ts';

interface Coded extends AnalysisEvent {
  actorName: string | null;
  targetName: string | null;
}

const events = (body: string, published?: string): Coded[] => {
  const r = analyzeText(body, published ? { published } : {});
  const name = (id: string | null) => r.entities.find((e) => e.id === id)?.name ?? null;
  return r.events.map((e) => ({ ...e, actorName: name(e.actor), targetName: name(e.target) }));
};

const only = (list: Coded[], type: string): Coded => {
  const found = list.filter((e) => e.type === type);
  assert.equal(found.length, 1, `one ${type} in ${JSON.stringify(list.map((e) => e.type))}`);
  return found[0]!;
};

// ------------------------------------------------------------ detection and roles

test('an active clause: the subject attacks, the object is attacked', () => {
  const e = only(events('Hezbollah attacked an Israeli army post in the Golan Heights, Lebanese media said. Israel has not commented.'), 'ASSAULT');
  assert.equal(e.actorName, 'Hezbollah');
  assert.equal(e.targetName, 'Israel');
});

test('a passive clause with "by": the agent acts on the subject', () => {
  const e = only(events('A senior Hamas commander was assassinated by Israel in Beirut.'), 'ASSAULT');
  assert.equal(e.actorName, 'Israel');
  assert.equal(e.targetName, 'Hamas');
  assert.equal(e.mode, 'assassination');
});

test('"killed in a US drone strike": the strike premodifier acts, the victims are the subject', () => {
  const e = only(events('Abu Ali al-Tamimi was killed in a US drone strike near Mosul.'), 'ASSAULT');
  assert.equal(e.actorName, 'United States');
  assert.equal(e.targetName, 'Abu Ali al-Tamimi');
  assert.equal(e.mode, 'drone');
  assert.equal(e.location?.name, 'Mosul');
});

test('a possessive actor of a nominal trigger and its "of" target', () => {
  const e = only(events("Washington's assassination of Qassem Soleimani shocked the region."), 'ASSAULT');
  assert.equal(e.actorName, 'United States');
  assert.equal(e.targetName, 'Qassem Soleimani');
});

test('a light verb with its object: "launched dozens of missiles at" takes the target after "at"', () => {
  const e = only(events('Iran launched dozens of missiles at the Ain al-Assad air base in Iraq, which hosts US troops.'), 'ASSAULT');
  assert.equal(e.actorName, 'Iran');
  assert.equal(e.mode, 'missile');
  assert.match(e.location?.name ?? '', /^Ain al-Ass?ad Air Base$/);
  assert.match(e.targetName ?? '', /^Ain al-Ass?ad Air Base$/);
});

test('a light verb without an attack noun is no event', () => {
  assert.deepEqual(events('The ministry launched a new website for students.').filter((e) => e.type === 'ASSAULT'), []);
});

test('a coordinated subject keeps the first conjunct as actor', () => {
  const e = only(events('Israel and the United States struck Houthi positions in Hodeidah on Saturday.', '2024-03-10'), 'ASSAULT');
  assert.equal(e.actorName, 'Israel');
  assert.equal(e.location?.name, 'Hodeidah');
});

test('a two-word mode cue gives the means: "roadside bomb", "gunned down"', () => {
  assert.equal(only(events('A roadside bomb killed two soldiers near Tikrit on Monday.'), 'ASSAULT').mode, 'explosives');
  assert.equal(only(events('Gunmen gunned down a local judge in Basra on Sunday.'), 'ASSAULT').mode, 'firearms');
});

test('an event without a named actor is still coded, its actor null', () => {
  const e = only(events('A car bomb exploded near a police station in Kirkuk, killing four people.'), 'ASSAULT');
  assert.equal(e.actor, null);
  assert.equal(e.location?.name, 'Kirkuk');
  assert.equal(e.fatalities, 4);
});

test('condemnations, demands, dismissals, deployments, pauses and laws are their PLOVER types', () => {
  const cases: [string, string, string | null][] = [
    ['Egypt condemned the Israeli strike on the Rafah crossing. Israel struck again.', 'ACCUSE', 'Egypt'],
    ['The Arab League called for an immediate ceasefire in Gaza.', 'REQUEST', 'Arab League'],
    ['Iran dismissed the accusations as baseless, its foreign ministry said.', 'REJECT', 'Iran'],
    ['The Pentagon deployed more troops to Jordan.', 'MOBILIZE', 'United States Department of Defense'],
    ['The Houthis suspended their operations against shipping in the Red Sea.', 'RETREAT', 'Ansar Allah'],
    ["Iraq's parliament adopted a law to expel foreign forces from the country.", 'REQUEST', 'Council of Representatives of Iraq'],
    ['Russia supplied weapons to the Syrian army, the report said.', 'AID', 'Russia'],
  ];
  for (const [text, type, actor] of cases) {
    const e = events(text).find((x) => x.type === type);
    assert.ok(e, `${type} in: ${text}`);
    assert.equal(e.actorName, actor, text);
  }
});

test('a law to expel is legislation', () => {
  const e = only(events("Iraq's parliament adopted a law to expel foreign forces from the country."), 'REQUEST');
  assert.equal(e.mode, 'legislation');
});

test('the accused of a condemnation is the actor of the act condemned, not its victim', () => {
  const e = only(events('Egypt condemned the Israeli strike on the Rafah crossing. Israel struck again.'), 'ACCUSE');
  assert.equal(e.targetName, 'Israel');
});

test('an announced withdrawal is a concession, a withdrawal carried out a retreat', () => {
  const planned = events('The United States will withdraw its troops from Syria by next year, officials said.');
  assert.ok(planned.some((e) => e.type === 'CONCEDE' && e.actorName === 'United States'), JSON.stringify(planned.map((e) => e.type)));
  const done = events('The United States withdrew its troops from Syria.');
  assert.ok(done.some((e) => e.type === 'RETREAT' && e.actorName === 'United States'));
});

test('a verb in a relative clause on an event noun adds to that event', () => {
  const list = events('Rockets hit Erbil after the January 2024 assassination, which targeted Abu Ali al-Tamimi.', '2024-03-10');
  const killing = list.filter((e) => e.targetName === 'Abu Ali al-Tamimi');
  assert.equal(killing.length, 1);
  assert.equal(killing[0]!.date, '2024-01');
});

// ------------------------------------------------------------ status

test('a conditional threat keeps its condition', () => {
  const e = only(events('The Islamic Resistance in Iraq warned that it would strike US bases if American forces target Iraqi cities.'), 'THREATEN');
  assert.equal(e.status, 'conditional');
  assert.equal(e.condition, 'if American forces target Iraqi cities');
  assert.equal(e.actorName, 'Islamic Resistance in Iraq');
  assert.equal(e.targetName, 'United States');
});

test('"any strike will …" in a speaker\'s quote is that speaker\'s conditional threat', () => {
  const e = only(events('“Any attack on our soil will be met with a crushing response,” Iran warned the United States.'), 'THREATEN');
  assert.equal(e.status, 'conditional');
  assert.match(e.condition ?? '', /^Any attack on our soil/);
  assert.equal(e.actorName, 'Iran');
  assert.equal(e.targetName, 'United States');
  assert.equal(events('“Any attack on our soil will be met with a crushing response,” Iran warned the United States.').filter((x) => x.type === 'ASSAULT').length, 0);
});

test('a vow to respond is a threat, a vow to rebuild is not', () => {
  assert.equal(only(events('Hezbollah vowed to respond to the killing of its commander.'), 'THREATEN').status, 'threatened');
  assert.equal(events('The mayor vowed to rebuild the market.').filter((e) => e.type === 'THREATEN').length, 0);
});

test('a negated attack is denied', () => {
  const e = only(events('Israel did not strike the hospital, the army insisted.'), 'ASSAULT');
  assert.equal(e.status, 'denied');
});

test('denying a role in an attack: the speaker is the denied actor', () => {
  const e = only(events('Iran denied any role in the attack on the US embassy in Baghdad.'), 'ASSAULT');
  assert.equal(e.status, 'denied');
  assert.equal(e.actorName, 'Iran');
});

test('claiming responsibility: the claimant is the actor, the status claimed', () => {
  const e = only(events('The Houthis claimed responsibility for the attack on a cargo ship in the Red Sea.'), 'ASSAULT');
  assert.equal(e.actorName, 'Ansar Allah');
  assert.equal(e.status, 'claimed');
  assert.equal(e.location?.name, 'Red Sea');
});

test('a claim of an attack just reported names its actor and makes no second event', () => {
  const list = events('A drone struck a US base in northern Syria on Monday. The Islamic Resistance in Iraq claimed responsibility for the attack.', '2024-03-10');
  const attacks = list.filter((e) => e.type === 'ASSAULT');
  assert.equal(attacks.length, 1);
  assert.equal(attacks[0]!.actorName, 'Islamic Resistance in Iraq');
});

test('an attack one party reports of another in its own words is that party\'s claim', () => {
  const e = only(events('Hamas said Israeli forces shelled the Nuseirat camp overnight. Israel has not commented.'), 'ASSAULT');
  assert.equal(e.status, 'claimed');
  assert.equal(e.actorName, 'Israel');
});

test('an attack planned or intended is planned', () => {
  const e = only(events('Russia plans to deploy 1,000 troops to Syria.'), 'MOBILIZE');
  assert.equal(e.status, 'planned');
  assert.equal(e.targetName, 'Syria');
});

// ------------------------------------------------------------ dates

test('relative dates resolve against the published date, into the past', () => {
  const pub = '2024-01-05'; // a Friday
  const date = (text: string) => events(text, pub).find((e) => e.type === 'ASSAULT')?.date;
  assert.equal(date('Israel struck Beirut on Tuesday.'), '2024-01-02');
  assert.equal(date('Israel struck Beirut last week.'), '2023-12');
  assert.equal(date('Israel struck Beirut four years ago.'), '2020');
  assert.equal(date('Israel struck Beirut earlier this month.'), '2024-01');
  assert.equal(date('Israel has bombed Gaza since October 7.'), '2023-10-07');
  assert.equal(date('Israel struck Beirut on December 28.'), '2023-12-28');
});

test('a date fixed earlier in the text resolves "that year"', () => {
  const list = events('The crisis began in 2019. Israel struck Beirut on March 3 that year.', '2024-01-05');
  assert.equal(list.find((e) => e.type === 'ASSAULT')?.date, '2019-03-03');
});

test('without a published date, relative dates stay null and absolute ones keep their precision', () => {
  assert.equal(events('Israel struck Beirut on Tuesday.')[0]?.date, null);
  assert.equal(events('Israel struck Beirut on January 3, 2020.')[0]?.date, '2020-01-03');
  assert.equal(events('Israel struck Beirut in March 2021.')[0]?.date, '2021-03');
  assert.equal(events('The 2003 US invasion of Iraq changed the region.')[0]?.date, '2003');
});

// ------------------------------------------------------------ place

test('the place of an event is its locative, resolved to country and coordinates', () => {
  const e = only(events('Israeli warplanes struck a house in Nabatieh, Lebanon said.'), 'ASSAULT');
  assert.equal(e.location?.name, 'Nabatieh');
  assert.equal(e.location?.country, 'LB');
  assert.ok(typeof e.location?.lat === 'number' && typeof e.location?.lon === 'number');
});

test('a state naming the owner of a target is the target, not the place', () => {
  const e = only(events('Militants attacked US bases in Syria.'), 'ASSAULT');
  assert.equal(e.location?.name, 'Syria');
  assert.equal(e.targetName, 'United States');
});

test('an attack on a facility or a town happened there', () => {
  const e = only(events('Militants attacked the US embassy in Baghdad.'), 'ASSAULT');
  assert.equal(e.location?.entity, e.target);
  assert.equal(only(events('Israel struck Beirut.'), 'ASSAULT').location?.name, 'Beirut');
});

test('a sea after "in" is where, not whom', () => {
  const e = only(events('The Houthis attacked a tanker in the Red Sea.'), 'ASSAULT');
  assert.equal(e.target, null);
  assert.equal(e.location?.name, 'Red Sea');
});

// ------------------------------------------------------------ casualties

test('casualties from participles, passives and martyrs', () => {
  const toll = (text: string) => {
    const e = events(text).find((x) => x.type === 'ASSAULT');
    return [e?.fatalities ?? null, e?.injuries ?? null];
  };
  assert.deepEqual(toll('Hezbollah fired rockets at Kiryat Shmona, killing two soldiers and wounding five.'), [2, 5]);
  assert.deepEqual(toll('Israel bombed Rafah on Monday. At least 16 Palestinians were killed.'), [16, null]);
  assert.deepEqual(toll('Seven martyrs fell when Israeli warplanes struck a house in Nabatieh.'), [7, null]);
  assert.deepEqual(toll('Israel struck Khan Younis, killing at least 16 people.'), [16, null]);
});

test('vague numbers count low, as ACLED does', () => {
  const e = events('Dozens of people were wounded in an explosion in Kabul.').find((x) => x.type === 'ASSAULT');
  assert.equal(e?.injuries, 12);
});

test('durations and dates are not casualties', () => {
  const e = events('Four years ago, a US strike killed Qassem Soleimani in Baghdad.', '2024-01-05').find((x) => x.type === 'ASSAULT');
  assert.equal(e?.fatalities, 1);
  const f = events('Israel has bombed Gaza since October 7, killing civilians.', '2024-01-05').find((x) => x.type === 'ASSAULT');
  assert.equal(f?.fatalities, null);
});

test('a second count joined by "as well as" adds to the toll', () => {
  const e = events('The Israeli attack in Damascus killed two senior Iranian commanders who were on a mission to Syria as well as five of their companions.').find((x) => x.type === 'ASSAULT');
  assert.equal(e?.fatalities, 7);
});

// ------------------------------------------------------------ one event per happening

test('one strike mentioned three times is one event with the best attributes', () => {
  const list = events(
    'A US drone strike hit a car in Baghdad on Wednesday, killing a Kataib Hezbollah commander. ' +
      'The strike in Baghdad drew condemnation from the Iraqi government. ' +
      'Kataib Hezbollah said the US strike in Baghdad would not go unanswered.',
    '2024-02-09',
  );
  const strikes = list.filter((e) => e.type === 'ASSAULT');
  assert.equal(strikes.length, 1, JSON.stringify(strikes.map((e) => e.evidence.text)));
  assert.equal(strikes[0]!.date, '2024-02-07');
  assert.equal(strikes[0]!.actorName, 'United States');
});

test('two attacks on different dates stay two events', () => {
  const list = events('Israel struck Beirut on January 2, 2024. Israel struck Beirut again on March 3, 2024.');
  assert.equal(list.filter((e) => e.type === 'ASSAULT').length, 2);
});

test('evidence is a verbatim span of the text', () => {
  const r = analyzeText('Iran launched dozens of missiles at the Ain al-Assad air base in Iraq.');
  for (const e of r.events) assert.equal(r.text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
});

test('a wire dateline is not the actor of the first sentence', () => {
  const e = only(events('BEIRUT — A drone strike on a car near Sidon killed a Hamas official, Lebanese media said.'), 'ASSAULT');
  assert.notEqual(e.actorName, 'Beirut');
});

test('the subject of a reported clause is looked for inside the clause', () => {
  const e = only(events("Al-Manar's correspondent in Tyre reported that enemy aircraft fired four missiles at the town."), 'ASSAULT');
  assert.equal(e.actor, null);
});

test('"in protest at" gives a reason and reports no protest', () => {
  assert.equal(events('Iraq recalled its ambassador from Tehran in protest at the strike.').filter((e) => e.type === 'PROTEST').length, 0);
});

test('a capitalised month is no protest march', () => {
  assert.equal(events('Iran on Monday, March 3, denied any involvement in the attacks.').filter((e) => e.type === 'PROTEST').length, 0);
});

test('a sentence opening with "The" and a group name is not a definite mention of an earlier attack', () => {
  const list = events('Houthi fighters attacked a tanker in the Red Sea. The Houthis have attacked more than 100 vessels since November 2023, according to US officials.');
  const assaults = list.filter((e) => e.type === 'ASSAULT');
  assert.equal(assaults.length, 2);
  assert.equal(assaults[0]!.date, null);
});

test('a toll stays with the attack of its clause, not with an earlier attack brought in by "following"', () => {
  const list = events('At least 12 fighters were killed in US airstrikes that were ordered by the president following a deadly drone attack on a US military outpost on Jordan’s border with Syria.');
  const assaults = list.filter((e) => e.type === 'ASSAULT');
  const drone = assaults.find((e) => e.evidence.text.includes('drone attack'));
  const strikes = assaults.find((e) => e.evidence.text.includes('airstrikes'));
  assert.equal(strikes?.fatalities, 12);
  assert.equal(drone?.fatalities, null);
});

test('a toll in the main clause still belongs to the only attack, named in an "after" phrase', () => {
  const list = events("After the car bomb exploded in Kirkuk's market, at least nine people were dead.");
  assert.equal(only(list, 'ASSAULT').fatalities, 9);
});

test('the first quantity from a token is found among quantities in text order', () => {
  const at = (first: number, last: number): Quantity => ({ start: 0, end: 0, first, last, value: 1, vague: false, qualifier: null, kind: 'count' });
  const numbers = [at(2, 2), at(5, 7), at(9, 9)];
  assert.deepEqual([0, 2, 3, 5, 6, 9, 10].map((t) => firstNumberFrom(numbers, t)), [0, 0, 1, 1, 2, 2, 3]);
  assert.equal(firstNumberFrom([], 4), 0);
});
