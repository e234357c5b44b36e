// The shape of a cleaning rule: one kind of site chrome, recognised on one unit (a paragraph-sized line).
import type { CleanResources } from '../resources.ts';
import type { Unit } from '../units.ts';

export interface UnitView {
  unit: Unit;
  index: number;
  /** Units after this one (0 for the last). */
  fromEnd: number;
  count: number;
  /** No body paragraph has been seen yet (the unit belongs to the page header). */
  beforeBody: boolean;
}

export interface RuleHit {
  /** A publishing outlet this line names, with how much to trust it (higher wins). */
  outlet?: { name: string; strength: number };
  /** A publication date this line states (only taken from the head of the document). */
  published?: string | null;
  /** Every later unit is chrome too (an alternate-address footer lists addresses after it). */
  endsArticle?: boolean;
  /** Later headline-like units are lists of links (after "Related Articles"). */
  startsLinkList?: boolean;
  /** Metadata of the headline (date, byline, dateline): a title with a final period may precede it. */
  isHeadlineMeta?: boolean;
}

export interface CleanRule {
  name: string;
  test(text: string, view: UnitView, res: CleanResources): RuleHit | null;
}

/** Head of a document: where datelines, bylines and date lines of the headline live. */
export const isHead = (v: UnitView): boolean => v.index < 6 || v.beforeBody;
/** Tail of a document: where credits and footers live. */
export const isTail = (v: UnitView): boolean => v.fromEnd < 6;

export const OUTLET_STRENGTH = {
  metadata: 100,
  alternateAddresses: 90,
  footer: 80,
  titleSuffix: 70,
  outletLine: 60,
  dateline: 50,
  knownHost: 45,
  host: 40,
} as const;

export function outletNamed(raw: string | undefined, res: CleanResources, strength: number): RuleHit['outlet'] {
  const name = raw?.replace(/\s+/g, ' ').replace(/^[\s"'“”‘’]+|[\s"'“”‘’.,:;]+$/g, '').trim();
  if (!name) return undefined;
  return { name: res.outlets.canonical(name) ?? name, strength };
}
