// What the dev-set debug scripts share: the scorer's text normalisation, token overlap, and the
// analysis records of a JSON Lines file keyed by their input's file name.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Lower case, no accents, apostrophes or punctuation, no leading article (as the dev scorer compares). */
export const norm = (s) => String(s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`´ʼʻ']/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^(the|a|an) /, '');

export const toks = (s) => new Set(norm(s).split(' ').filter(Boolean));

/** Jaccard overlap of two token sets. */
export const jac = (a, b) => {
  let i = 0;
  for (const x of a) if (b.has(x)) i++;
  return a.size && b.size ? i / (a.size + b.size - i) : 0;
};

export const recordsByFile = (pred) => new Map(readFileSync(pred, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((r) => [basename(r.source.path), r]));
