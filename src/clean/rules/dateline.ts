// A dateline or an outlet's name standing alone: "BEIRUT —", "WASHINGTON (Reuters) -", "CNN —", "USA TODAY".
import { OUTLET_STRENGTH, outletNamed, type CleanRule } from './types.ts';

const DATELINE_ONLY = /^(?<place>[\p{Lu}][\p{Lu}\p{M} .,'’-]{1,40}?)\s*(?:\((?<agency>[^()]{1,30})\))?\s*[-—–]+$/u;

export const datelineOnly: CleanRule = {
  name: 'dateline',
  test(text, view, res) {
    if (view.unit.words > 8) return null;
    const m = DATELINE_ONLY.exec(text);
    if (m) {
      const named = m.groups?.agency ?? m.groups?.place ?? '';
      const known = res.outlets.canonical(named);
      return { isHeadlineMeta: true, outlet: known ? outletNamed(known, res, OUTLET_STRENGTH.outletLine) : undefined };
    }
    const bare = text.replace(/\s*[-—–]+$/, '');
    const known = res.outlets.canonical(bare);
    if (known && view.unit.words <= 5) return { isHeadlineMeta: true, outlet: outletNamed(known, res, OUTLET_STRENGTH.outletLine) };
    return null;
  },
};
