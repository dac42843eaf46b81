// Turning what a reader found into a valid Paper, and merging two records of one paper.
import { isArxivDoi, normalizeDoi, paperKey, parseArxivId } from './ids';
import { IsoDateSchema, type Paper, type PaperIds, PaperIdsSchema, PaperSchema } from './model';

/** What a reader hands over: loose text, absent or empty values allowed; `toPaper` cleans it. */
export interface PaperDraft {
  title?: string | null;
  authors?: (string | null | undefined)[];
  authorCount?: number | null;
  abstract?: string | null;
  published?: string | null;
  venue?: string | null;
  organization?: string | null;
  ids?: { [Scheme in keyof PaperIds]?: PaperIds[Scheme] | string | null };
  url?: string | null;
  pdfUrl?: string | null;
  codeUrl?: string | null;
  projectUrl?: string | null;
  upvotes?: number | null;
  stars?: number | null;
  comments?: number | null;
  keywords?: (string | null | undefined)[];
  source: string;
  pageUrl?: string | null;
}

/** Collapses whitespace; undefined for nothing but whitespace. */
export function cleanText(value: string | null | undefined): string | undefined {
  const result = value?.replace(/\s+/g, ' ').trim();
  return result ? result : undefined;
}

/** Resolves an address against `base` and keeps it only when it is http(s). */
export function httpUrl(value: string | null | undefined, base?: string | URL): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function count(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

// An author list cut short ("…", "...", "et al.") is not an author.
const NOT_AN_AUTHOR = /^(?:…|\.{3}|et al\.?|and others)$/i;

function cleanIds(draft: PaperDraft['ids']): PaperIds | undefined {
  const ids: PaperIds = {};
  const arxiv = draft?.arxiv ? parseArxivId(String(draft.arxiv)) : null;
  let doi = draft?.doi ? normalizeDoi(String(draft.doi)) : null;
  const arxivFromDoi = doi && isArxivDoi(doi) ? parseArxivId(doi) : null;
  if (arxivFromDoi) doi = null;
  const arxivId = arxiv ?? arxivFromDoi;
  if (arxivId) {
    ids.arxiv = arxivId.id;
    const version = Number(draft?.arxivVersion ?? arxivId.version);
    if (Number.isInteger(version) && version > 0) ids.arxivVersion = version;
  }
  if (doi) ids.doi = doi;
  const pubmed = cleanText(String(draft?.pubmed ?? ''));
  if (pubmed && /^\d+$/.test(pubmed)) ids.pubmed = pubmed;
  const pmcid = cleanText(String(draft?.pmcid ?? ''))?.toUpperCase();
  if (pmcid) ids.pmcid = /^\d+$/.test(pmcid) ? `PMC${pmcid}` : pmcid;
  for (const scheme of ['openreview', 'acl', 's2', 'dblp'] as const) {
    const value = cleanText(String(draft?.[scheme] ?? ''));
    if (value) ids[scheme] = value;
  }
  if (ids.pmcid && !/^PMC\d+$/.test(ids.pmcid)) delete ids.pmcid;
  return Object.keys(ids).length > 0 ? ids : undefined;
}

// Two co-authors may share a name, so authors keep repeats; keywords do not.
function cleanList(values: (string | null | undefined)[] | undefined, unique: boolean): string[] {
  const list: string[] = [];
  for (const value of values ?? []) {
    const text = cleanText(value);
    if (text && !NOT_AN_AUTHOR.test(text) && !(unique && list.includes(text))) list.push(text);
  }
  return list;
}

/**
 * Cleans a draft into a Paper (docs/CONTRACT.md): collapsed text, normalised ids, http(s) links only,
 * absent values omitted, key by precedence. Null when it has no title or no identity.
 */
export function toPaper(draft: PaperDraft): Paper | null {
  const title = cleanText(draft.title);
  const ids = cleanIds(draft.ids);
  const url = httpUrl(draft.url);
  const key = paperKey(ids, url);
  if (!title || !key) return null;
  const authors = cleanList(draft.authors, false);
  const published = cleanText(draft.published);
  const keywords = cleanList(draft.keywords, true);
  const candidate: Record<string, unknown> = {
    key,
    title,
    authors,
    authorCount: count(draft.authorCount),
    abstract: cleanText(draft.abstract),
    published: published && IsoDateSchema.safeParse(published).success ? published : undefined,
    venue: cleanText(draft.venue),
    organization: cleanText(draft.organization),
    ids,
    url,
    pdfUrl: httpUrl(draft.pdfUrl),
    codeUrl: httpUrl(draft.codeUrl),
    projectUrl: httpUrl(draft.projectUrl),
    upvotes: count(draft.upvotes),
    stars: count(draft.stars),
    comments: count(draft.comments),
    keywords: keywords.length > 0 ? keywords : undefined,
    source: draft.source,
    pageUrl: httpUrl(draft.pageUrl),
  };
  for (const name of Object.keys(candidate)) {
    if (candidate[name] === undefined) delete candidate[name];
  }
  const parsed = PaperSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

// What a reader names a paper when the page shows only its id (a PDF tab): `arXiv:2310.03646`,
// `OpenReview:<id>`, `ACL:<id>`, `PMID:<id>`, `doi:<doi>` (lib/detect/address.ts and the sources).
const PLACEHOLDER_TITLE = /^(?:(?:arXiv|doi|OpenReview|ACL|PMID):\S+|10\.\d{4,9}\/\S+)$/i;

/**
 * Merges two records of one paper: every field of `preferred` wins (but a title that is only an
 * id), `other` fills the gaps, ids are united, and the key is chosen again from the united ids.
 */
export function mergePapers<T extends Paper>(preferred: T, other: Paper): T {
  const merged: Record<string, unknown> = { ...other, ...preferred };
  for (const [name, value] of Object.entries(preferred)) {
    if (value === undefined) merged[name] = (other as Record<string, unknown>)[name];
  }
  if (PLACEHOLDER_TITLE.test(preferred.title) && !PLACEHOLDER_TITLE.test(other.title)) merged.title = other.title;
  // Two readers agreeing on a date: keep the more precise ("2022" and "2022-04-04").
  if (preferred.published && other.published?.startsWith(preferred.published)) merged.published = other.published;
  if (preferred.authors.length === 0 && other.authors.length > 0) {
    merged.authors = other.authors;
    if (preferred.authorCount === undefined && other.authorCount !== undefined) merged.authorCount = other.authorCount;
  }
  const united: Record<string, unknown> = { ...other.ids, ...preferred.ids };
  const ids = Object.fromEntries(
    Object.keys(PaperIdsSchema.shape)
      .filter((scheme) => united[scheme] !== undefined)
      .map((scheme) => [scheme, united[scheme]]),
  ) as PaperIds;
  // A version belongs to the arXiv id it came with.
  if (preferred.ids?.arxiv && preferred.ids.arxivVersion === undefined) delete ids.arxivVersion;
  if (Object.keys(ids).length > 0) merged.ids = ids;
  merged.key = paperKey(ids, (merged.url as string | undefined) ?? undefined) ?? preferred.key;
  // Fields in the model's order (then the saved fields as `preferred` has them): a merge reads the
  // same whichever record came first.
  const ordered: Record<string, unknown> = {};
  for (const name of [...Object.keys(PaperSchema.shape), ...Object.keys(preferred), ...Object.keys(other)]) {
    if (merged[name] !== undefined && !(name in ordered)) ordered[name] = merged[name];
  }
  return ordered as T;
}
