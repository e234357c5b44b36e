// Copyright and licence footers ("Copyright © 2019 The Washington Times, LLC.", "All Content by X is
// licensed under ..."): chrome that names the publisher.
import { OUTLET_STRENGTH, outletNamed, type CleanRule } from './types.ts';

export const outletFooter: CleanRule = {
  name: 'outlet-footer',
  test(text, view, res) {
    if (view.unit.words > 40) return null;
    for (const re of res.outletFooter) {
      const m = re.exec(text);
      if (m) return { outlet: outletNamed(m.groups?.outlet, res, OUTLET_STRENGTH.footer) };
    }
    return null;
  },
};
