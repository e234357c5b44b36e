// The cleaning rules, in the order they are tried on each unit; the first that recognises a unit drops it.
import { alternateAddresses } from './alternate-addresses.ts';
import { breadcrumb } from './breadcrumb.ts';
import { byline } from './byline.ts';
import { caption } from './caption.ts';
import { chromeLine } from './chrome-line.ts';
import { dateLine } from './date-line.ts';
import { datelineOnly } from './dateline.ts';
import { outletFooter } from './outlet-footer.ts';
import { sectionLabel } from './section-label.ts';
import type { CleanRule } from './types.ts';

export const CLEAN_RULES: readonly CleanRule[] = [
  alternateAddresses,
  outletFooter,
  chromeLine,
  breadcrumb,
  sectionLabel,
  dateLine,
  byline,
  datelineOnly,
  caption,
];
