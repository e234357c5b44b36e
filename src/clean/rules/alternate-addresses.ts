// "Press TV's website can also be accessed at the following alternate addresses:" and the addresses and
// app names listed after it. The line names the outlet.
import { OUTLET_STRENGTH, outletNamed, type CleanRule } from './types.ts';

export const alternateAddresses: CleanRule = {
  name: 'alternate-addresses',
  test(text, view, res) {
    if (view.unit.words > 30) return null;
    for (const re of res.alternateAddresses) {
      const m = re.exec(text);
      if (m) return { endsArticle: true, outlet: outletNamed(m.groups?.outlet, res, OUTLET_STRENGTH.alternateAddresses) };
    }
    return null;
  },
};
