// The knowledge-base entry format (data/kb/**/*.jsonl, one entry per line), defined once.
// Places and actors share one shape so that a country can be both a place and an actor.
import { z } from 'zod';

export const KB_ID = /^[a-z0-9][a-z0-9-]*$/;
const isoDate = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;

export const entityTypes = ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'LAW'] as const;

export const affiliationRelations = [
  'member-of', // an individual or group belongs to a larger body or coalition
  'part-of', // a unit, branch or ministry of a larger organisation or state
  'allied-with',
  'leader-of', // a person who heads the target (role says which office)
  'spokesperson-of',
  'official-of', // a person holding an office in the target other than its head
  'located-in', // a facility or city inside a place
] as const;

export const affiliationSchema = z.strictObject({
  rel: z.enum(affiliationRelations),
  target: z.string().regex(KB_ID),
  role: z.string().min(1).optional(),
  since: z.string().regex(isoDate).optional(),
  until: z.string().regex(isoDate).optional(),
});

export const kbEntrySchema = z.strictObject({
  id: z.string().regex(KB_ID, 'id must be a lowercase slug: letters, digits and hyphens'),
  name: z.string().min(1),
  type: z.enum(entityTypes),
  kind: z.string().regex(/^[a-z][a-z-]*$/),
  aliases: z.array(z.string().min(1)).default([]),
  demonyms: z.array(z.string().min(1)).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).nullable().optional(),
  parent: z.string().regex(KB_ID).nullable().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  affiliations: z.array(affiliationSchema).optional(),
  domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'a host name such as presstv.ir')).optional(),
  wikidata: z.string().regex(/^Q[0-9]+$/).nullable().optional(),
  note: z.string().optional(),
  sources: z.array(z.string().min(1)).min(1, 'every entry names at least one source'),
}).superRefine((entry, ctx) => {
  const isPlace = entry.type === 'GPE' || entry.type === 'LOC' || entry.type === 'FAC';
  if ((entry.lat === undefined) !== (entry.lon === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'lat and lon come together' });
  }
  if (isPlace && entry.lat === undefined && entry.kind !== 'region') {
    ctx.addIssue({ code: 'custom', message: `place "${entry.id}" needs lat/lon` });
  }
});

export type KbEntry = z.infer<typeof kbEntrySchema>;
export type Affiliation = z.infer<typeof affiliationSchema>;
