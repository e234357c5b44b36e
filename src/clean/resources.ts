// What the cleaner knows, built from data (chrome lexicon, section labels, the KB's media and places).
// Pure: the service layer reads the files and passes their contents in.

export interface ChromeLexicon {
  about?: string;
  line: string[];
  tailStart: string[];
  alternateAddresses: string[];
  outletFooter: string[];
  credit: string[];
}

export interface OutletEntry {
  name: string;
  aliases: string[];
  domains: string[];
}

export interface CleanResources {
  chromeLine: RegExp;
  tailStart: RegExp;
  alternateAddresses: RegExp[];
  outletFooter: RegExp[];
  credit: RegExp;
  /** Lower-case section labels and place names; longest label in words. */
  sectionLabels: Set<string>;
  sectionLabelMaxWords: number;
  outlets: OutletDirectory;
}

const whole = (sources: string[]): RegExp => new RegExp(`^(?:${sources.map((s) => `(?:${s})`).join('|')})$`, 'iu');

export function buildCleanResources(input: {
  chrome: ChromeLexicon;
  sectionLabels: string;
  placeNames: Iterable<string>;
  outlets: OutletEntry[];
}): CleanResources {
  const labels = new Set<string>();
  for (const line of input.sectionLabels.split('\n')) {
    const l = line.trim();
    if (l && !l.startsWith('#')) labels.add(normLabel(l));
  }
  for (const p of input.placeNames) labels.add(normLabel(p));
  let maxWords = 1;
  for (const l of labels) maxWords = Math.max(maxWords, l.split(' ').length);
  return {
    chromeLine: whole(input.chrome.line),
    tailStart: whole(input.chrome.tailStart),
    alternateAddresses: input.chrome.alternateAddresses.map((s) => new RegExp(`^(?:${s})$`, 'iu')),
    outletFooter: input.chrome.outletFooter.map((s) => new RegExp(`^(?:${s})$`, 'iu')),
    credit: whole(input.chrome.credit),
    sectionLabels: labels,
    sectionLabelMaxWords: maxWords,
    outlets: new OutletDirectory(input.outlets),
  };
}

export function normLabel(s: string): string {
  return s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

function normOutlet(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}

/** Known news outlets: canonical names from any alias, and from web hosts. */
export class OutletDirectory {
  private readonly byName = new Map<string, string>();
  private readonly byHost = new Map<string, string>();
  private maxWords = 1;

  constructor(entries: OutletEntry[]) {
    for (const e of entries) {
      for (const a of [e.name, ...e.aliases]) {
        const k = normOutlet(a);
        if (k && !this.byName.has(k)) this.byName.set(k, e.name);
        this.maxWords = Math.max(this.maxWords, k.split(' ').length);
      }
      for (const d of e.domains) this.byHost.set(d.toLowerCase().replace(/^www\./, ''), e.name);
    }
  }

  /** The canonical name when `name` is a known outlet's name or alias. */
  canonical(name: string): string | undefined {
    return this.byName.get(normOutlet(name));
  }

  /** A known outlet named at the start of a phrase ("CNN Politics" -> CNN). */
  leading(phrase: string): string | undefined {
    const words = normOutlet(phrase).split(' ').filter(Boolean);
    for (let n = Math.min(words.length, this.maxWords); n >= 1; n--) {
      const hit = this.byName.get(words.slice(0, n).join(' '));
      if (hit) return hit;
    }
    return undefined;
  }

  /** The outlet of a URL: a known host (or its parent domain), else the host itself without "www.". */
  fromUrl(url: string): string | undefined {
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      return undefined;
    }
    host = host.replace(/^www\./, '');
    for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
      const hit = this.byHost.get(h);
      if (hit) return hit;
    }
    return host || undefined;
  }
}
