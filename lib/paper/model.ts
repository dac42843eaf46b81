// The one place that declares what a paper is (docs/CONTRACT.md, "Paper"). Everything else takes
// its types from here through z.infer.
import { z } from 'zod';

// Extension pages and content scripts forbid eval (CSP): parse without zod's compiled fast path,
// instead of trying it and logging a CSP violation on every page.
z.config({ jitless: true });

const text = z.string().min(1);
const httpUrl = z.url({ protocol: /^https?$/ });
const count = z.int().nonnegative();

/** ISO date as precise as known: 2023-10-05, 2023-10 or 2023. */
export const IsoDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/);

/** ISO date-time in UTC, as written by Date#toISOString. */
export const IsoDateTimeSchema = z.iso.datetime();

export const PaperIdsSchema = z.object({
  arxiv: text.optional(),
  arxivVersion: z.int().positive().optional(),
  doi: text.optional(),
  pubmed: z.string().regex(/^\d+$/).optional(),
  pmcid: z
    .string()
    .regex(/^PMC\d+$/)
    .optional(),
  openreview: text.optional(),
  acl: text.optional(),
  s2: text.optional(),
  dblp: text.optional(),
});

export const KeySchema = z.string().regex(/^(arxiv|doi|pubmed|openreview|acl|s2|url):\S+$/);

export const PaperSchema = z.object({
  key: KeySchema,
  title: text,
  authors: z.array(text),
  authorCount: count.optional(),
  abstract: text.optional(),
  published: IsoDateSchema.optional(),
  venue: text.optional(),
  organization: text.optional(),
  ids: PaperIdsSchema.optional(),
  url: httpUrl.optional(),
  pdfUrl: httpUrl.optional(),
  codeUrl: httpUrl.optional(),
  projectUrl: httpUrl.optional(),
  upvotes: count.optional(),
  stars: count.optional(),
  comments: count.optional(),
  keywords: z.array(text).min(1).optional(),
  source: text,
  pageUrl: httpUrl.optional(),
});

export const StatusSchema = z.enum(['unread', 'reading', 'read']);

export const SeenOnSchema = z.object({ url: httpUrl, source: text, at: IsoDateTimeSchema });

/** A paper in the library: the detected fields plus what the user gave it. */
export const SavedPaperSchema = PaperSchema.extend({
  status: StatusSchema,
  tags: z.array(text).min(1).optional(),
  note: text.optional(),
  starred: z.boolean().optional(),
  savedAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  seenOn: z.array(SeenOnSchema).min(1).optional(),
});

export type PaperIds = z.infer<typeof PaperIdsSchema>;
export type Paper = z.infer<typeof PaperSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type SeenOn = z.infer<typeof SeenOnSchema>;
export type SavedPaper = z.infer<typeof SavedPaperSchema>;
