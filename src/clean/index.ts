// Raw document -> cleaned article: site chrome dropped, headline, publication date and outlet read, and
// an offset map from the cleaned text back to the raw text.
//
// Order: split into units (paragraphs); drop chrome by the rules in rules/ (first hit wins) and by
// learned repetition; pick the headline among the first remaining units; read the outlet from the
// strongest evidence; cut licence sentences glued to the last paragraph; assemble the text.
import type { CleanedParts, RawDocument } from '../core/document.ts';
import { OffsetMapBuilder } from '../core/offset-map.ts';
import { normaliseDate } from '../ingest/dates.ts';
import { readGluedDate } from './date-line.ts';
import { MIN_REPEATS, isCandidate, type RepetitionIndex } from './repetition.ts';
import type { CleanResources } from './resources.ts';
import { CLEAN_RULES } from './rules/index.ts';
import { OUTLET_STRENGTH, outletNamed, type RuleHit, type UnitView } from './rules/types.ts';
import { splitUnits, countWords, wordStartFromEnd, type Unit } from './units.ts';

export interface CleanOptions {
  repetition?: RepetitionIndex;
}

interface Verdict {
  rule: string;
  hit: RuleHit;
}

export function cleanDocument(raw: RawDocument, res: CleanResources, options: CleanOptions = {}): CleanedParts {
  const units = splitUnits(raw.text);
  const verdicts: (Verdict | null)[] = units.map(() => null);
  const outlets: NonNullable<RuleHit['outlet']>[] = [];
  let published: string | null = raw.meta.published ?? null;
  let headDate: string | null = null;

  // 1. Chrome rules, unit by unit.
  let endsArticle = false;
  let inLinkList = false;
  let seenBody = false;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const view: UnitView = { unit, index: i, fromEnd: units.length - 1 - i, count: units.length, beforeBody: !seenBody };
    if (endsArticle) {
      verdicts[i] = { rule: 'after-footer', hit: {} };
      continue;
    }
    let verdict: Verdict | null = null;
    for (const rule of CLEAN_RULES) {
      const hit = rule.test(unit.text, view, res);
      if (hit) {
        verdict = { rule: rule.name, hit };
        break;
      }
    }
    if (!verdict && inLinkList && looksLikeLinkLine(unit)) verdict = { rule: 'related-links', hit: {} };
    if (!verdict && options.repetition && isCandidate(unit.text, unit.words) && options.repetition.count(unit.text) >= MIN_REPEATS) {
      verdict = { rule: 'repeated-line', hit: {} };
    }
    if (verdict) {
      verdicts[i] = verdict;
      if (verdict.hit.outlet) outlets.push(verdict.hit.outlet);
      if (verdict.hit.published && !headDate) headDate = verdict.hit.published;
      if (verdict.hit.endsArticle) endsArticle = true;
      if (verdict.hit.startsLinkList && seenBody) inLinkList = true;
    } else {
      inLinkList = false;
      if (unit.words >= 8 && /[.!?…]["”’)]?$/.test(unit.text)) seenBody = true;
    }
  }

  // 1b. The outlet's bare name as a line ("Mesopotamia Monitor" above the headline) once a footer named it.
  const namedOutlets = new Set(outlets.filter((o) => o.strength >= OUTLET_STRENGTH.footer).map((o) => normName(o.name)));
  if (namedOutlets.size) {
    units.forEach((u, i) => {
      if (!verdicts[i] && u.words <= 6 && namedOutlets.has(normName(u.text.replace(/\s*[-—–]+$/, '')))) {
        verdicts[i] = { rule: 'outlet-line', hit: { isHeadlineMeta: true } };
      }
    });
  }

  // 2. A date glued to the headline line: " date 2024-11-16 Headline ..."
  const body = units.map((_, i) => i).filter((i) => !verdicts[i]);
  const headline = body[0];
  let gluedOnHeadline = false;
  if (headline !== undefined && headline < 8) {
    const u = units[headline]!;
    const glued = readGluedDate(u.text);
    if (glued) {
      headDate = glued.date;
      gluedOnHeadline = true;
      const cut = u.start + glued.rest;
      const text = raw.text.slice(cut, u.end);
      units[headline] = { ...u, start: cut, text, words: countWords(text) };
    }
  }

  // 3. The headline.
  let title: string | null = null;
  const metaTitle = raw.meta.title ? stripTitleSuffix(raw.meta.title, res, outlets, namedOutlets) : null;
  if (metaTitle) {
    title = metaTitle;
    const firstBody = body[0];
    if (firstBody !== undefined && sameTitle(units[firstBody]!.text, raw.meta.title!, metaTitle)) {
      verdicts[firstBody] = { rule: 'title-repeat', hit: {} };
      body.shift();
    }
  } else {
    const t = body[0];
    if (t !== undefined && isHeadline(units, verdicts, t, body[1], gluedOnHeadline)) {
      title = stripTitleSuffix(units[t]!.text, res, outlets, namedOutlets);
      verdicts[t] = { rule: 'title', hit: {} };
      body.shift();
    }
  }
  published ??= headDate;

  // 4. The outlet: metadata, footers, the title's suffix, outlet lines, a wire dateline, the URL's host.
  if (raw.meta.outlet) outlets.push(outletNamed(raw.meta.outlet, res, OUTLET_STRENGTH.metadata)!);
  const lede = body[0] !== undefined ? units[body[0]]!.text : '';
  const agency = datelineAgency(lede, res);
  if (agency) outlets.push(agency);
  if (raw.meta.url) {
    const host = res.outlets.fromUrl(raw.meta.url);
    if (host) outlets.push({ name: host, strength: host.includes('.') ? OUTLET_STRENGTH.host : OUTLET_STRENGTH.knownHost });
  }
  outlets.sort((a, b) => b.strength - a.strength);

  // 5. Licence or copyright sentences glued to the end of the last paragraph.
  const last = body[body.length - 1];
  if (last !== undefined) {
    const cut = trailingFooter(units[last]!, res);
    if (cut) {
      units[last] = cut.unit;
      if (cut.outlet) outlets.push(cut.outlet);
      outlets.sort((a, b) => b.strength - a.strength);
    }
  }

  // 6. Assemble the text: units joined by blank lines; hard-wrapped units joined by spaces. The parts are
  // joined once at the end: a string built by += is a chain of pieces, slower for every later stage to
  // read than the flat string join() makes.
  const builder = new OffsetMapBuilder();
  const parts: string[] = [];
  let length = 0;
  const put = (piece: string) => {
    parts.push(piece);
    length += piece.length;
  };
  for (const i of body) {
    const u = units[i]!;
    if (length) put('\n\n');
    if (u.pieces) {
      for (let k = 0; k < u.pieces.length; k += 2) {
        if (k) put(' ');
        const s = u.pieces[k]!, e = u.pieces[k + 1]!;
        builder.copy(s, e - s, length);
        put(raw.text.slice(s, e));
      }
    } else {
      builder.copy(u.start, u.end - u.start, length);
      put(u.text);
    }
  }
  const text = parts.join('');
  const removed = units.flatMap((u, i) => (verdicts[i] ? [{ text: u.text, rule: verdicts[i]!.rule }] : []));
  return {
    text,
    title,
    published: normaliseDate(published),
    outlet: outlets[0]?.name ?? null,
    url: raw.meta.url ?? null,
    offsets: builder.build(text.length),
    removed,
  };
}

// A headline: the first body unit when it reads like one and a body follows. A final period is allowed
// only when headline metadata (date line, byline, dateline) follows it.
function isHeadline(units: Unit[], verdicts: (Verdict | null)[], t: number, next: number | undefined, hadGluedDate: boolean): boolean {
  if (next === undefined) return false;
  const u = units[t]!;
  const text = u.text;
  if (!/^[\p{Lu}\p{N}"'“‘«(\[]/u.test(text)) return false;
  if (/^[\p{Lu} .,'’-]{2,40}(?:\([^)]{1,30}\))?\s*[-—–]\s/u.test(text) || /^\((?:Reuters|AP|AFP|CNN)\)/.test(text)) return false;
  let metaFollows = hadGluedDate;
  for (let k = t + 1; k < next; k++) if (verdicts[k]?.hit.isHeadlineMeta) metaFollows = true;
  const sentenceEnd = /[.;:,]["”’']?$/.test(text) && !/\.\.\.$|…$/.test(text);
  if (sentenceEnd && !(metaFollows && /[.]["”’']?$/.test(text) && u.words <= 25)) return false;
  return u.words <= (metaFollows ? 45 : 30);
}

function looksLikeLinkLine(u: Unit): boolean {
  return u.words <= 25 && !/[.:;,]["”’]?$/.test(u.text);
}

function normName(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}

// "Headline | Site Name" and "Headline - Site Name": the suffix goes, naming the outlet. After a dash
// the suffix must be a known outlet, one the document names elsewhere, or a short capitalised name.
function stripTitleSuffix(title: string, res: CleanResources, outlets: NonNullable<RuleHit['outlet']>[], namedOutlets: Set<string>): string {
  let t = title.replace(/\s+/g, ' ').trim();
  const pipe = /^(.{8,}?)\s+[|｜]\s+([^|]{1,60})$/u.exec(t);
  if (pipe && countWords(pipe[2]!) <= 6) {
    const suffix = pipe[2]!.trim();
    const known = res.outlets.leading(suffix) ?? res.outlets.canonical(suffix);
    outlets.push({ name: known ?? suffix, strength: known ? OUTLET_STRENGTH.titleSuffix : OUTLET_STRENGTH.titleSuffix - 25 });
    t = pipe[1]!.trim();
  }
  const dash = /^(.{8,}?)\s+[-–—]\s+([^-–—]{1,40})$/u.exec(t);
  if (dash && countWords(dash[2]!) <= 5) {
    const suffix = dash[2]!.trim();
    const known = res.outlets.canonical(suffix) ?? res.outlets.leading(suffix);
    const named = namedOutlets.has(normName(suffix));
    const nameShaped = /^(?:the\s+)?\p{Lu}[\p{L}\p{N}.&'’]*(?:\s+(?:of|the|and|&|\p{Lu}[\p{L}\p{N}.&'’]*))*$/u.test(suffix);
    if (known || named || nameShaped) {
      outlets.push({ name: known ?? suffix, strength: known || named ? OUTLET_STRENGTH.titleSuffix : OUTLET_STRENGTH.titleSuffix - 25 });
      t = dash[1]!.trim();
    }
  }
  return t;
}

function sameTitle(line: string, metaTitle: string, stripped: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const l = n(line);
  return l === n(metaTitle) || l === n(stripped);
}

// A wire dateline opening the lede: "BAGHDAD (Reuters) -", "(Reuters) -", "Washington (CNN)".
function datelineAgency(lede: string, res: CleanResources): RuleHit['outlet'] {
  const m = /^(?:[\p{Lu}][\p{L}\p{M} .,'’-]{1,50}?\s*)?\(([^()]{2,30})\)\s*(?:[-—–]|\p{Lu})/u.exec(lede);
  if (!m) return undefined;
  const known = res.outlets.canonical(m[1]!);
  return known ? { name: known, strength: OUTLET_STRENGTH.dateline } : undefined;
}

// The last sentence(s) of the last paragraph when they are a licence or copyright notice.
function trailingFooter(u: Unit, res: CleanResources): { unit: Unit; outlet?: RuleHit['outlet'] } | null {
  if (u.pieces) return null;
  // A sentence end, the space after it (group 1) and a capital or © next. Matching the punctuation
  // instead of looking behind for it at every position makes the scan several times faster.
  const re = /[.!?]["”’]?(\s+)(?=\p{Lu}|©)/gu;
  // A footer is at most 40 words: a tail that starts before the 40th word start from the end is longer.
  const shortTailFrom = wordStartFromEnd(u.text, 40);
  let m: RegExpExecArray | null;
  while ((m = re.exec(u.text))) {
    const tailStart = m.index + m[0].length;
    const spaceStart = tailStart - m[1]!.length;
    if (tailStart < shortTailFrom) continue;
    const tail = u.text.slice(tailStart);
    for (const pattern of res.outletFooter) {
      const f = pattern.exec(tail);
      if (f) {
        const end = u.start + spaceStart;
        return {
          unit: { ...u, end, text: u.text.slice(0, spaceStart), words: countWords(u.text.slice(0, spaceStart)) },
          outlet: outletNamed(f.groups?.outlet, res, OUTLET_STRENGTH.footer),
        };
      }
    }
  }
  return null;
}
