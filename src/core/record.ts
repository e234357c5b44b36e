// The analysis record (sitrep/analysis@1), defined once with zod and reused by the CLI, the store, the
// HTTP API and the UI. It mirrors ../shared/schema/analysis.schema.json, which is the contract; the
// schema test checks that records built here validate against that file.
import { z } from 'zod';

export const RECORD_SCHEMA_ID = 'sitrep/analysis@1';

export const isoDateSchema = z.string().regex(/^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/);
const date = isoDateSchema.nullable();

export const spanSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
});

export const entityTypeSchema = z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'LAW', 'OTHER']);

export const entitySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: entityTypeSchema,
  kbId: z.string().nullable().optional(),
  aliases: z.array(z.string()).optional(),
  mentions: z.array(spanSchema),
});

export const quoteSchema = z.object({
  kind: z.enum(['direct', 'indirect', 'mixed']),
  span: spanSchema,
  speaker: z.string().nullable(),
  speakerText: z.string().nullable().optional(),
  cue: z.string().nullable().optional(),
  channel: z.string().nullable().optional(),
  date: date.optional(),
});

export const ploverTypes = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export const eventStatuses = ['occurred', 'claimed', 'threatened', 'conditional', 'denied', 'planned'] as const;

export const locationSchema = z.object({
  name: z.string(),
  entity: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  lat: z.number().nullable().optional(),
  lon: z.number().nullable().optional(),
});

export const eventSchema = z.object({
  type: z.enum(ploverTypes),
  mode: z.string().nullable().optional(),
  actor: z.string().nullable(),
  actorText: z.string().nullable().optional(),
  target: z.string().nullable(),
  targetText: z.string().nullable().optional(),
  date,
  dateText: z.string().nullable().optional(),
  location: locationSchema.nullable().optional(),
  fatalities: z.number().int().nullable().optional(),
  injuries: z.number().int().nullable().optional(),
  status: z.enum(eventStatuses),
  condition: z.string().nullable().optional(),
  evidence: spanSchema,
});

export const figureSchema = z.object({
  value: z.number(),
  measure: z.string(),
  subject: z.string().nullable().optional(),
  qualifier: z.string().nullable().optional(),
  asOf: date.optional(),
  attributedTo: z.string().nullable().optional(),
  evidence: spanSchema,
});

export const framingCategories = [
  'loaded-language', 'name-calling', 'euphemism', 'exaggeration', 'flag-waving', 'appeal-to-fear', 'doubt', 'other',
] as const;

export const framingSchema = z.object({
  span: spanSchema,
  category: z.enum(framingCategories),
  neutral: z.string().nullable().optional(),
  refersTo: z.string().nullable().optional(),
  voice: z.string().nullable().optional(),
});

export const sourceSchema = z.object({
  path: z.string().nullable(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
});

export const analysisRecordSchema = z.object({
  schema: z.literal(RECORD_SCHEMA_ID),
  docId: z.string(),
  source: sourceSchema,
  title: z.string().nullable(),
  published: date,
  language: z.string(),
  text: z.string(),
  entities: z.array(entitySchema),
  quotes: z.array(quoteSchema),
  events: z.array(eventSchema),
  figures: z.array(figureSchema),
  framing: z.array(framingSchema),
});

export type Span = z.infer<typeof spanSchema>;
export type EntityType = z.infer<typeof entityTypeSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type PloverType = (typeof ploverTypes)[number];
export type EventStatus = (typeof eventStatuses)[number];
export type EventLocation = z.infer<typeof locationSchema>;
export type AnalysisEvent = z.infer<typeof eventSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type FramingCategory = (typeof framingCategories)[number];
export type Framing = z.infer<typeof framingSchema>;
export type AnalysisRecord = z.infer<typeof analysisRecordSchema>;
