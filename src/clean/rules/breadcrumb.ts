// Navigation trails: "News / Definitive Revenge / Iraq", "Home » World » Middle East", "World > Asia".
import type { CleanRule } from './types.ts';

const SEPARATOR = /\s+(?:\/|>|»|›|\||::)\s+/u;

export const breadcrumb: CleanRule = {
  name: 'breadcrumb',
  test(text, view) {
    if (view.unit.words > 14 || /[.!?;:,]$/.test(text)) return null;
    const parts = text.split(SEPARATOR);
    if (parts.length < 2) return null;
    const shortNames = parts.every((p) => {
      const w = p.trim().split(/\s+/);
      return p.trim().length > 0 && w.length <= 5 && /^[\p{Lu}\p{N}]/u.test(p.trim());
    });
    return shortNames ? {} : null;
  },
};
