// Turning what a reader found into a valid Paper, and merging two records of one paper.
import { CAPS, capList, capText } from './caps';
import { contentKey } from './content-key';
import { isArxivDoi, isPlainPath, normalizeDoi, normalizeShortDoi, paperKey, parseArxivId, plainParts } from './ids';
import type { Extra, Name, Paper, PaperIds, PaperType } from './model';
import { titlesAgree } from './titles';
import { ID_NAMES, ISO_DATE, KEY_PATTERN, PAPER_FIELDS, PAPER_TYPES } from './vocab';

/** A name as a reader hands it over: loose parts, `toPaper` cleans them. */
export type NameDraft = { [Part in keyof Name]?: string | null };

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
  type?: string | null;
  /** Structured authors, in order; `authors` is derived from them when absent. */
  names?: NameDraft[];
  editors?: NameDraft[];
  container?: string | null;
  volume?: string | null;
  issue?: string | null;
  pages?: string | null;
  publisher?: string | null;
  place?: string | null;
  edition?: string | null;
  series?: string | null;
  isbn?: string | null;
  issn?: string | null;
  language?: string | null;
  genre?: string | null;
  issued?: string | null;
  extra?: { [Format in keyof Extra]?: Extra[Format] };
}

// Whitespace that is not already one plain space: a run of two or more, or one tab, newline or
// no-break space. Replacing only these (not every single space, as /\s+/g does) makes collapsing a
// 1,500-character abstract about ten times faster; a 2,000-entry listing cleans thousands.
const LOOSE_SPACE = / \s+|[^\S ]\s*/g;

// A run to collapse inside trimmed text: most text (an arXiv abstract, a title) has none, and a
// search that finds nothing allocates nothing, where a replace copies the whole text.
const INNER_LOOSE_SPACE = / \s|[^\S ]/;

/** Collapses whitespace; undefined for nothing but whitespace. */
export function cleanText(value: string | null | undefined): string | undefined {
  // `trim` removes what `\s` matches, so trimming first and collapsing after is the same text.
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  return INNER_LOOSE_SPACE.test(trimmed) ? trimmed.replace(LOOSE_SPACE, ' ') : trimmed;
}

/** Resolves an address against `base` and keeps it only when it is http(s). */
export function httpUrl(value: string | null | undefined, base?: string | URL): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  // Most links of a listing need no parser: parsing each was a fifth of detecting 2,000 entries.
  if (plainParts(raw)) return raw;
  if (typeof base === 'object' && isPlainPath(raw) && (base.protocol === 'https:' || base.protocol === 'http:')) {
    return `${base.protocol}//${base.host}${raw}`;
  }
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
  const shortDoi = normalizeShortDoi(String(draft?.shortDoi ?? (doi ? '' : (draft?.doi ?? ''))));
  if (shortDoi) ids.shortDoi = shortDoi;
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
  // An id longer than any real one is not an id.
  for (const [scheme, value] of Object.entries(ids)) {
    if (typeof value === 'string' && value.length > CAPS.short) delete ids[scheme as keyof PaperIds];
  }
  return Object.keys(ids).length > 0 ? ids : undefined;
}

// Two co-authors may share a name, so authors keep repeats; keywords do not.
function cleanList(
  values: (string | null | undefined)[] | undefined,
  unique: boolean,
  caps: { items: number; item: number; field: string; cuts: Set<string> | undefined },
): string[] {
  const list: string[] = [];
  const seen = new Set<string>();
  for (const value of values ?? []) {
    const cleaned = cleanText(value);
    if (!cleaned || NOT_AN_AUTHOR.test(cleaned) || (unique && seen.has(cleaned))) continue;
    if (list.length === caps.items) {
      caps.cuts?.add(caps.field);
      break;
    }
    seen.add(cleaned);
    list.push(capText(cleaned, caps.item, caps.field, caps.cuts));
  }
  return list;
}

/** A name as people read it: the literal, else given, particle, family and suffix in that order. */
export function displayName(name: Name): string {
  return name.literal ?? [name.given, name.particle, name.family, name.suffix].filter(Boolean).join(' ');
}

function cleanNames(values: NameDraft[] | undefined, field: string, cuts: Set<string> | undefined): Name[] {
  const names: Name[] = [];
  for (const value of capList(values ?? [], CAPS.names, field, cuts)) {
    const name: Name = {};
    for (const part of ['literal', 'family', 'given', 'particle', 'suffix'] as const) {
      const cleaned = cleanText(value[part]);
      if (cleaned) name[part] = capText(cleaned, CAPS.name, field, cuts);
    }
    // A name is a literal or has a family name; a lone given name is its literal.
    if (!name.literal && !name.family && name.given) names.push({ literal: name.given });
    else if (name.literal) names.push({ literal: name.literal });
    else if (name.family) names.push(name);
  }
  return names;
}

function cleanExtra(draft: PaperDraft['extra'], cuts: Set<string> | undefined): Extra | undefined {
  const extra: Extra = {};
  for (const format of ['bibtex', 'ris', 'csl'] as const) {
    const fields = draft?.[format];
    if (!fields) continue;
    const entries = capList(Object.entries(fields), CAPS.extraFields, `extra.${format}`, cuts);
    const kept: Record<string, unknown> = {};
    for (const [name, value] of entries) {
      const field = capText(name, CAPS.short, `extra.${format}`, cuts);
      if (typeof value === 'string' && value !== '') {
        kept[field] = capText(value, CAPS.extraValue, `extra.${format}.${field}`, cuts);
      } else if (Array.isArray(value)) {
        const values = value
          .filter((item) => item !== '')
          .map((item) => capText(item, CAPS.extraValue, `extra.${format}.${field}`, cuts));
        if (values.length > 0) kept[field] = values;
      }
    }
    if (Object.keys(kept).length > 0) (extra as Record<string, unknown>)[format] = kept;
  }
  return Object.keys(extra).length > 0 ? extra : undefined;
}

function isoDate(value: string | null | undefined): string | undefined {
  const cleaned = cleanText(value);
  return cleaned && ISO_DATE.test(cleaned) ? cleaned : undefined;
}

/** An address within CAPS.url, else none: a cut address would lead elsewhere. */
function cappedUrl(value: string | null | undefined, field: string, cuts: Set<string> | undefined): string | undefined {
  const url = httpUrl(value);
  if (url && url.length > CAPS.url) {
    cuts?.add(field);
    return undefined;
  }
  return url;
}

/**
 * A page range with one en dash, as every format reads and writes it: "28-36", "28--36",
 * "330—331", "28 – 36" and "225-–240" are all "28–36", so that a paper reads the same after any
 * round trip. Anything else (an article number "e33693", a list "1, 4") stays as it is.
 */
export function pageRange(pages: string | undefined): string | undefined {
  const range = pages && /^([^\s,;–—-]+)\s*[-‐‑‒–—]{1,3}\s*([^\s,;–—-]+)$/u.exec(pages);
  return range ? `${range[1]}–${range[2]}` : pages;
}

/**
 * Cleans a draft into a Paper (docs/CONTRACT.md): collapsed text within the length caps (CAPS;
 * each field cut is added to `options.cuts`), normalised ids, http(s) links only, absent values
 * omitted, key by precedence (an id, the address, else, for an import, the content key). Null when
 * it has no title, or no identity and no content key was asked for (a page's link to nowhere).
 */
export function toPaper(draft: PaperDraft, options: { cuts?: Set<string>; contentKey?: boolean } = {}): Paper | null {
  const { cuts } = options;
  const rawTitle = cleanText(draft.title);
  if (!rawTitle) return null;
  const title = capText(rawTitle, CAPS.title, 'title', cuts);
  const ids = cleanIds(draft.ids);
  const url = cappedUrl(draft.url, 'url', cuts);
  const names = cleanNames(draft.names, 'authors', cuts);
  const authorCaps = { items: CAPS.names, item: CAPS.name, field: 'authors', cuts };
  let authors = cleanList(draft.authors, false, authorCaps);
  if (authors.length === 0 && names.length > 0) authors = names.map(displayName);
  const keywords = cleanList(draft.keywords, true, {
    items: CAPS.keywords,
    item: CAPS.keyword,
    field: 'keywords',
    cuts,
  });
  const editors = cleanNames(draft.editors, 'editors', cuts);
  const published = isoDate(draft.published);
  const issued = isoDate(draft.issued);
  const container = bounded(draft.container, CAPS.label, 'container', cuts);
  const pages = pageRange(bounded(draft.pages, CAPS.short, 'pages', cuts));
  const type = (PAPER_TYPES as readonly unknown[]).includes(draft.type) ? (draft.type as PaperType) : undefined;
  const genre = bounded(draft.genre, CAPS.short, 'genre', cuts);
  const key = paperKey(
    ids,
    url,
    options.contentKey
      ? contentKey({ title, names, authors, date: issued ?? published, container, pages, type, genre })
      : undefined,
  );
  if (!key || !KEY_PATTERN.test(key)) return null;
  const source = bounded(draft.source, CAPS.short, 'source', cuts);
  if (!source) return null;
  // Valid by construction (every field is cleaned, typed and checked as the model asks:
  // build.test.ts parses what every saved page gives and hostile drafts with PaperSchema), so no
  // schema runs here: the content scripts build thousands of papers and carry no zod for it. Set
  // field by field in the model's order, absent and empty values left out: a listing builds
  // thousands, and a record of all 38 fields filtered afterwards cost a tenth of its detection.
  const paper: Record<string, unknown> = { key, title, authors };
  const set = (name: string, value: unknown) => {
    if (value !== undefined && value !== '') paper[name] = value;
  };
  set('authorCount', count(draft.authorCount));
  set('abstract', bounded(draft.abstract, CAPS.abstract, 'abstract', cuts));
  set('published', published);
  set('venue', bounded(draft.venue, CAPS.label, 'venue', cuts));
  set('organization', bounded(draft.organization, CAPS.label, 'organization', cuts));
  set('ids', ids);
  set('url', url);
  set('pdfUrl', cappedUrl(draft.pdfUrl, 'pdfUrl', cuts));
  set('codeUrl', cappedUrl(draft.codeUrl, 'codeUrl', cuts));
  set('projectUrl', cappedUrl(draft.projectUrl, 'projectUrl', cuts));
  set('upvotes', count(draft.upvotes));
  set('stars', count(draft.stars));
  set('comments', count(draft.comments));
  if (keywords.length > 0) paper.keywords = keywords;
  paper.source = source;
  set('pageUrl', cappedUrl(draft.pageUrl, 'pageUrl', cuts));
  set('type', type);
  if (names.length > 0) paper.names = names;
  if (editors.length > 0) paper.editors = editors;
  set('container', container);
  set('volume', bounded(draft.volume, CAPS.short, 'volume', cuts));
  set('issue', bounded(draft.issue, CAPS.short, 'issue', cuts));
  set('pages', pages);
  set('publisher', bounded(draft.publisher, CAPS.label, 'publisher', cuts));
  set('place', bounded(draft.place, CAPS.label, 'place', cuts));
  set('edition', bounded(draft.edition, CAPS.short, 'edition', cuts));
  set('series', bounded(draft.series, CAPS.label, 'series', cuts));
  set('isbn', bounded(draft.isbn, CAPS.short, 'isbn', cuts));
  set('issn', bounded(draft.issn, CAPS.short, 'issn', cuts));
  set('language', bounded(draft.language, CAPS.short, 'language', cuts));
  set('genre', genre);
  set('issued', issued);
  if (draft.extra) set('extra', cleanExtra(draft.extra, cuts));
  return paper as Paper;
}

/** Collapsed text within `limit` (a cut recorded as `field`); undefined for none. */
function bounded(value: string | null | undefined, limit: number, field: string, cuts: Set<string> | undefined) {
  const cleaned = cleanText(value);
  return cleaned && capText(cleaned, limit, field, cuts);
}

/** The content key of a paper (contentKey), whatever key it has now. */
export function contentKeyOf(paper: Paper): string {
  return contentKey({
    title: paper.title,
    names: paper.names,
    authors: paper.authors,
    date: paper.issued ?? paper.published,
    container: paper.container,
    pages: paper.pages,
    type: paper.type,
    genre: paper.genre,
  });
}

/**
 * True when two records name one work: they share an id, or (having none in common) the same
 * address or content key and titles that agree (titlesAgree). Every merge asks this.
 */
export function samePaper(a: Pick<Paper, 'key' | 'ids' | 'title'>, b: Pick<Paper, 'key' | 'ids' | 'title'>): boolean {
  for (const [scheme, value] of Object.entries(a.ids ?? {})) {
    if (scheme !== 'arxivVersion' && value !== undefined && b.ids?.[scheme as keyof PaperIds] === value) return true;
  }
  const strong = (key: string) => !/^(?:url|ref):/.test(key);
  if (a.key === b.key && strong(a.key)) return true;
  return titlesAgree(a.title, b.title);
}

// What a reader names a paper when the page shows only its id (a PDF tab): `arXiv:2310.03646`,
// `OpenReview:<id>`, `ACL:<id>`, `PMID:<id>`, `doi:<doi>` (lib/detect/address.ts and the sources).
export const PLACEHOLDER_TITLE = /^(?:(?:arXiv|doi|OpenReview|ACL|PMID):\S+|10\.\d{4,9}\/\S+)$/i;

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
  if (preferred.issued && other.issued?.startsWith(preferred.issued)) merged.issued = other.issued;
  if (preferred.extra || other.extra) {
    const extra: Record<string, unknown> = {};
    for (const format of ['bibtex', 'ris', 'csl'] as const) {
      const fields = { ...other.extra?.[format], ...preferred.extra?.[format] };
      if (Object.keys(fields).length > 0) extra[format] = fields;
    }
    merged.extra = extra;
  }
  if (preferred.authors.length === 0 && other.authors.length > 0) {
    merged.authors = other.authors;
    merged.names = other.names;
    if (preferred.authorCount === undefined && other.authorCount !== undefined) merged.authorCount = other.authorCount;
  }
  const united: Record<string, unknown> = { ...other.ids, ...preferred.ids };
  const ids = Object.fromEntries(
    ID_NAMES.filter((scheme) => united[scheme] !== undefined).map((scheme) => [scheme, united[scheme]]),
  ) as PaperIds;
  // A version belongs to the arXiv id it came with.
  if (preferred.ids?.arxiv && preferred.ids.arxivVersion === undefined) delete ids.arxivVersion;
  if (Object.keys(ids).length > 0) merged.ids = ids;
  merged.key = paperKey(ids, (merged.url as string | undefined) ?? undefined, preferred.key) ?? preferred.key;
  // Fields in the model's order (then the saved fields as `preferred` has them): a merge reads the
  // same whichever record came first.
  const ordered: Record<string, unknown> = {};
  for (const name of [...PAPER_FIELDS, ...Object.keys(preferred), ...Object.keys(other)]) {
    if (merged[name] !== undefined && !(name in ordered)) ordered[name] = merged[name];
  }
  return ordered as T;
}
