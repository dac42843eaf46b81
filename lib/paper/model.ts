// The one place that declares what a paper is (docs/CONTRACT.md, "Paper"). Everything else takes
// its types from here through z.infer. Written with zod/mini; the content scripts build papers with
// lib/paper/build.ts and take only types from here (their names and patterns: ./vocab.ts).
import en from 'zod/v4/locales/en.js';
import { z } from '../zod-mini';
import { plainParts } from './ids';
import { ISO_DATE, KEY_PATTERN, PAPER_TYPES } from './vocab';

// The mini build carries no error texts of its own: the English ones make import and save errors readable.
z.config(en());

const text = z.string().check(z.minLength(1));
// An absolute http(s) address the URL parser reads, as it is: no white space at its ends and no tab
// or line break (z.url, which this replaces, took those off; stored records never have them). A
// plain one (./ids.ts, plainParts: nearly every address a page or a service gives) is read without
// the parser, which was a quarter of validating a Save all.
const HTTP_START = /^https?:\/\//i;
const LOOSE = /^\s|\s$|[\t\n\r]/;
const httpUrl = z
  .string()
  .check(
    z.refine(
      (value) => plainParts(value) !== null || (HTTP_START.test(value) && !LOOSE.test(value) && URL.canParse(value)),
      { error: 'Invalid URL: an http(s) address is expected' },
    ),
  );
const count = z.int().check(z.nonnegative());
const opt = z.optional;

/** ISO date as precise as known: 2023-10-05, 2023-10 or 2023. */
export const IsoDateSchema = z.string().check(z.regex(ISO_DATE));

/** ISO date-time in UTC, as written by Date#toISOString. */
export const IsoDateTimeSchema = z.iso.datetime();

export const PaperIdsSchema = z.object({
  arxiv: opt(text),
  arxivVersion: opt(z.int().check(z.positive())),
  doi: opt(text),
  /** A shortDOI ("10/abcd"), kept as written until completion resolves it. */
  shortDoi: opt(z.string().check(z.regex(/^10\/[a-z0-9]+$/))),
  pubmed: opt(z.string().check(z.regex(/^\d+$/))),
  pmcid: opt(z.string().check(z.regex(/^PMC\d+$/))),
  openreview: opt(text),
  acl: opt(text),
  s2: opt(text),
  dblp: opt(text),
});

/**
 * The identity key: the strongest id, else the normalised landing address, else the content key
 * `ref:` + 16 hex digits (lib/paper/content-key.ts).
 */
export const KeySchema = z.string().check(z.regex(KEY_PATTERN));

/** What kind of work a paper is, as a citation needs it. */
export const PaperTypeSchema = z.enum(PAPER_TYPES);

/**
 * A person or organisation with its structure (CSL's name object): an organisation or a name
 * kept whole is `literal`; otherwise `family` (without its particle), `given`, `particle` ("van",
 * "de la"; kept before the family name) and `suffix` ("Jr.").
 */
export const NameSchema = z.object({
  literal: opt(text),
  family: opt(text),
  given: opt(text),
  particle: opt(text),
  suffix: opt(text),
});

/** Fields a format read that the model has no place for, verbatim, written back by that format. */
export const ExtraSchema = z.object({
  /** BibTeX field name (lower case) → its value as written (TeX kept). */
  bibtex: opt(z.record(z.string(), z.string())),
  /** RIS tag → its values in order. */
  ris: opt(z.record(z.string(), z.array(z.string()))),
  /** CSL-JSON variable → its value as JSON text. */
  csl: opt(z.record(z.string(), z.string())),
});

/** Where a preprint was published, as completion found it (its key stays the preprint's). */
export const PublicationSchema = z.object({
  doi: opt(text),
  venue: opt(text),
  container: opt(text),
  type: opt(PaperTypeSchema),
  issued: opt(IsoDateSchema),
  volume: opt(text),
  issue: opt(text),
  pages: opt(text),
  publisher: opt(text),
  url: opt(httpUrl),
});

export const PaperSchema = z.object({
  key: KeySchema,
  title: text,
  authors: z.array(text),
  authorCount: opt(count),
  abstract: opt(text),
  published: opt(IsoDateSchema),
  venue: opt(text),
  organization: opt(text),
  ids: opt(PaperIdsSchema),
  url: opt(httpUrl),
  pdfUrl: opt(httpUrl),
  codeUrl: opt(httpUrl),
  projectUrl: opt(httpUrl),
  upvotes: opt(count),
  stars: opt(count),
  comments: opt(count),
  keywords: opt(z.array(text).check(z.minLength(1))),
  source: text,
  pageUrl: opt(httpUrl),
  // Citation fields (schema v3): all optional, absent on what pages show.
  type: opt(PaperTypeSchema),
  names: opt(z.array(NameSchema).check(z.minLength(1))),
  editors: opt(z.array(NameSchema).check(z.minLength(1))),
  container: opt(text),
  volume: opt(text),
  issue: opt(text),
  pages: opt(text),
  publisher: opt(text),
  place: opt(text),
  edition: opt(text),
  series: opt(text),
  isbn: opt(text),
  issn: opt(text),
  language: opt(text),
  /** The kind of work within its type, as the source names it (biblatex `entrysubtype`, CSL `genre`: "tvepisode"). */
  genre: opt(text),
  /** The publication's own date (the version of record), beside `published` (first public version). */
  issued: opt(IsoDateSchema),
  extra: opt(ExtraSchema),
  /** The published version of a preprint (filled by completion). */
  publication: opt(PublicationSchema),
});

export const StatusSchema = z.enum(['unread', 'reading', 'read']);

export const SeenOnSchema = z.object({ url: httpUrl, source: text, at: IsoDateTimeSchema });

/**
 * What completion did to a saved paper: each field it filled with the service and the
 * time, and what it replaced (a cut author list), so that Undo restores the record exactly.
 */
export const CompletionSchema = z.object({
  fields: z.record(z.string(), z.object({ service: text, at: IsoDateTimeSchema })),
  replaced: opt(
    z.object({
      title: opt(text),
      authors: opt(z.array(text)),
      names: opt(z.array(NameSchema)),
      venue: opt(text),
    }),
  ),
});

/** A paper in the library: the detected fields plus what the user gave it. */
export const SavedPaperSchema = z.extend(PaperSchema, {
  status: StatusSchema,
  tags: opt(z.array(text).check(z.minLength(1))),
  note: opt(text),
  starred: opt(z.boolean()),
  savedAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  seenOn: opt(z.array(SeenOnSchema).check(z.minLength(1))),
  completion: opt(CompletionSchema),
  /** Saved from an identifier alone (a title placeholder): completion has not filled it yet. */
  incomplete: opt(z.boolean()),
});

export type PaperIds = z.infer<typeof PaperIdsSchema>;
export type PaperType = z.infer<typeof PaperTypeSchema>;
export type Name = z.infer<typeof NameSchema>;
export type Extra = z.infer<typeof ExtraSchema>;
export type Paper = z.infer<typeof PaperSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type SeenOn = z.infer<typeof SeenOnSchema>;
export type SavedPaper = z.infer<typeof SavedPaperSchema>;
export type Publication = z.infer<typeof PublicationSchema>;
export type Completion = z.infer<typeof CompletionSchema>;
