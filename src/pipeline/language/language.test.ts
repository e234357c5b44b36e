import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './index.ts';

test('English news text is tagged en', () => {
  assert.equal(detectLanguage('The minister said on Tuesday that the talks with the delegation were over and that it would not meet them again.'), 'en');
});

test('capitalised function words count as English', () => {
  assert.equal(detectLanguage('THE HOUSE OF THE PEOPLE AND THE RIGHTS OF THOSE WHO WERE THERE IN THE END'), 'en');
});

test('a text in another Latin-script language is undetermined', () => {
  assert.equal(detectLanguage('Le ministre a déclaré mardi que les discussions avec la délégation étaient terminées depuis hier soir.'), 'und');
});

test('a text in Arabic script is undetermined', () => {
  assert.equal(detectLanguage('قال الوزير يوم الثلاثاء إن المحادثات مع الوفد قد انتهت ولن يلتقي بهم مرة أخرى'), 'und');
});

test('long words that begin with a function word are not counted as one', () => {
  // "thereafter", "another", "within": only whole words match, so this reads as not English.
  assert.equal(detectLanguage('Thereafter another within theory often andante tothe ofthe inside'), 'und');
});
