// Photo captions and credits: a caption sentence ending in "(Photo by AFP)", "(AP Photo/Name)",
// "(Name/Reuters)", "| Name/AFP/Getty Images"; credit-only lines; "Cover: ..." and video-player teasers.
import type { CleanRule } from './types.ts';

const AGENCY = String.raw`(?:Reuters|AFP|AP|Getty Images?|EPA(?:-EFE)?|Anadolu(?: Agency)?|Bloomberg|Handout|Xinhua|WANA|IRNA|Tasnim|SANA|Pool|Shutterstock|Sipa|NurPhoto|ZUMA|dpa|Alamy|Fars|Mehr|ISNA|Press TV|Al-Manar|Al Mayadeen)`;

const PATTERNS = [
  /\((?:[^()]{0,80}\b)?(?:photo|photograph|image|picture|pic|file)s?\b[^()]{0,80}\)\s*$/iu,
  new RegExp(String.raw`\([^()]{0,80}/\s*${AGENCY}\b[^()]{0,60}\)\s*$`, 'iu'),
  new RegExp(String.raw`\|\s*[^|]{0,60}\b${AGENCY}\b[^|]{0,40}$`, 'iu'),
  new RegExp(String.raw`[.!?]\s*\(${AGENCY}\)\s*$`, 'u'),
  /[.!?]\s+(?:photo|image|picture)(?: by|:)\s+[^.]{1,60}\.?$/iu,
  /^(?:photo|image|picture|file photo|pictured|above|top|main image|cover|caption)\s*:\s*\S/iu,
  /[.!?]\s+(?:file photo|file picture|file image|handout photo|handout)\.?$/iu,
  /^CLOSE\s+\p{Lu}/u,
];

export const caption: CleanRule = {
  name: 'caption',
  test(text, view) {
    if (view.unit.words > 80) return null;
    return PATTERNS.some((re) => re.test(text)) ? {} : null;
  },
};
