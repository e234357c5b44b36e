// Validation of the knowledge under data/lexicons: every file parses into the shape its stage reads,
// categories are from the record's enum, referenced KB ids exist, and no phrase is listed twice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { framingCategories, ploverTypes } from '../core/record.ts';
import type { FramingEntry, LearnedLexicon } from '../pipeline/framing/lexicon.ts';
import type { TriggerLexicon } from '../pipeline/events/triggers.ts';
import type { FigureLexicon } from '../pipeline/figures/index.ts';
import type { NumberLexicon } from '../pipeline/numbers/index.ts';
import { dataFile, jsonLines, loadResources } from './resources.ts';

const resources = loadResources({ tagger: false });

test('framing lexicons: known categories, known KB ids, no phrase twice', () => {
  for (const file of ['labels.jsonl', 'loaded.jsonl']) {
    const entries = jsonLines(dataFile(`lexicons/framing/${file}`)) as FramingEntry[];
    assert.ok(entries.length > 0, file);
    const seen = new Set<string>();
    for (const e of entries) {
      assert.ok((framingCategories as readonly string[]).includes(e.category), `${file}: ${e.text} has category ${e.category}`);
      assert.ok(e.text.trim() === e.text && e.text.length > 0, `${file}: "${e.text}" is trimmed`);
      const key = e.text.toLowerCase();
      assert.ok(!seen.has(key), `${file}: "${e.text}" listed twice`);
      seen.add(key);
      if (e.refersTo) assert.ok(resources.knowledge.get(e.refersTo), `${file}: ${e.text} refers to unknown KB id ${e.refersTo}`);
      if (e.modifier) assert.ok(e.neutral === '' || e.neutral === null || e.neutral === undefined, `${file}: modifier ${e.text} drops itself from the neutral`);
    }
  }
});

test('the learned framing lexicon has a threshold, a dev split and precisions in [0, 1]', () => {
  const learned = JSON.parse(dataFile('lexicons/framing/learned-ptc.json')) as LearnedLexicon & { devFiles: string[] };
  assert.ok(learned.threshold > 0 && learned.threshold < 1);
  assert.ok(learned.devFiles.length > 0);
  for (const e of learned.entries) assert.ok(e.precision >= 0 && e.precision <= 1 && e.support > 0, e.text);
});

test('event triggers: PLOVER types, every one of the 16 covered', () => {
  const lex = JSON.parse(dataFile('lexicons/event-triggers.json')) as TriggerLexicon;
  const types = new Set(lex.triggers.map((t) => t.type));
  for (const t of lex.triggers) assert.ok((ploverTypes as readonly string[]).includes(t.type), t.type);
  for (const t of ploverTypes) assert.ok(types.has(t), `no trigger for ${t}`);
  for (const t of lex.triggers) assert.ok((t.verbs?.length ?? 0) + (t.nouns?.length ?? 0) + (t.phrases?.length ?? 0) > 0, `${t.type} has words`);
});

test('numbers and figures lexicons: values are numbers, measures are names', () => {
  const n = JSON.parse(dataFile('lexicons/numbers.json')) as NumberLexicon;
  for (const [k, v] of [...Object.entries(n.units), ...Object.entries(n.scales), ...Object.entries(n.vague)]) assert.ok(Number.isFinite(v) && v >= 0, k);
  const f = JSON.parse(dataFile('lexicons/figures.json')) as FigureLexicon;
  for (const [k, v] of Object.entries(f.heads)) assert.match(v, /^[a-z]+$/, k);
  for (const [k, v] of Object.entries(f.durationScale)) assert.ok(f.durationUnits[k] && v > 1, k);
});
