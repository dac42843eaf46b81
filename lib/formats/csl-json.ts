// CSL-JSON (citeproc-js, pandoc, Zotero). Checked against Zotero's "CSL JSON" translator
// (zotero/translators, CSL JSON.js) and the mapping it calls (zotero/utilities, utilities_item.js
// itemToCSLJSON / itemFromCSLJSON, and test/data/citeProcJSExport.json, Zotero's expected output):
// - Zotero writes a list of items and reads a list or a single item; so do we. It reads `family` and
//   `given` (particles included in `family`), or `literal` for an institution; `suffix` is CSL's
//   own and Zotero drops it. Dates come as {"date-parts": [[year, month, day]]}, parts numbers or
//   digit strings (Zotero writes the year as a string); we also read `raw` and `literal`.
// - Types: Zotero's journalArticle ↔ article-journal, conferencePaper ↔ paper-conference,
//   preprint ↔ article. We choose by the BibTeX entry type rule (bibtex.ts): @article →
//   article-journal, @inproceedings → paper-conference, @misc → article.
// - A Zotero preprint from arXiv comes as type "article" with `number: "arXiv:<id>"` (its archive
//   ID), `publisher: "arXiv"` (its repository) and DOI 10.48550/arXiv.<id>; we write arXiv-only
//   papers the same way. A paper that also has a journal or conference type keeps the arXiv id in
//   `archive: "arXiv"` and `archive_location: "arXiv:<id>"` (Zotero's archive fields), and its
//   publisher's DOI in DOI.
// - `note` is Zotero's Extra: we write the user's note there, and read "PMID: ..."/"arXiv: ..."
//   lines out of a Zotero note into ids. PMID and PMCID are CSL variables; the ids CSL has no
//   variable for (OpenReview, ACL Anthology, Semantic Scholar, DBLP) go into `custom`, CSL 1.0.2's
//   object for extensions, which citeproc and Zotero ignore.
// - `keyword` is one string; keywords are joined with ", " (a comma inside one keyword does not
//   survive). The item `id` is the citation key BibTeX would use (`vaswani2017attention`).
// - Not carried: arXiv version, authorCount, pdf/code/project links, the user's tags and status.
import { type NameDraft, type PaperDraft, pageRange } from '../paper/build';
import { toIsoDate } from '../paper/dates';
import { isArxivDoi, parseArxivId } from '../paper/ids';
import type { Name, Paper, PaperType, SavedPaper } from '../paper/model';
import { citationKeys, citedAs, workType } from './bibtex';
import { FormatError } from './errors';
import { arxivDoi, dateParts, type ExtraIdScheme, isoDateFromParts, splitIdLines } from './fields';
import { type ImportedEntry, type ImportedPapers, type ImportIssue, savedFromEntries } from './imported';
import { parseJsonText } from './json-text';
import { displayName, splitName } from './names';

const TYPES: Record<PaperType, string> = {
  article: 'article-journal',
  conference: 'paper-conference',
  chapter: 'chapter',
  book: 'book',
  thesis: 'thesis',
  report: 'report',
  preprint: 'article',
  dataset: 'dataset',
  software: 'software',
  webpage: 'webpage',
  film: 'motion_picture',
  video: 'motion_picture',
  broadcast: 'broadcast',
  other: 'article',
};

/**
 * CSL has one type for films and videos (motion_picture, as Zotero maps both): a video without a
 * genre of its own says so in `genre`, so that it reads back as a video, not as the film of the
 * same title, director and year.
 */
const VIDEO_GENRE = 'video recording';

/** A structured name as CSL writes it: literal, or family with its particle, given, suffix. */
function cslStructured(name: Name): CslName {
  if (name.literal !== undefined) return { literal: name.literal };
  const result: { family: string; given?: string; suffix?: string; 'non-dropping-particle'?: string } = {
    family: name.family ?? '',
  };
  if (name.given) result.given = name.given;
  if (name.particle) result['non-dropping-particle'] = name.particle;
  if (name.suffix) result.suffix = name.suffix;
  return result;
}
const CUSTOM_IDS = ['openreview', 'acl', 's2', 'dblp'] as const;

type CslName =
  | { family: string; given?: string; suffix?: string; 'non-dropping-particle'?: string }
  | { literal: string };

function cslName(name: string): CslName {
  const parts = splitName(name);
  if (parts.literal !== undefined) return { literal: parts.literal };
  const result: { family: string; given?: string; suffix?: string } = { family: parts.family ?? '' };
  if (parts.given) result.given = parts.given;
  if (parts.suffix) result.suffix = parts.suffix;
  return result;
}

function item(paper: Paper | SavedPaper, id: string): Record<string, unknown> {
  const type = TYPES[workType(paper)];
  const date = paper.issued ?? paper.published;
  const keywords = [...new Set([...(paper.keywords ?? []), ...('tags' in paper ? (paper.tags ?? []) : [])])];
  const arxiv = paper.ids?.arxiv ? (parseArxivId(paper.ids.arxiv)?.id ?? paper.ids.arxiv) : undefined;
  const doi = paper.ids?.doi && !isArxivDoi(paper.ids.doi) ? paper.ids.doi : undefined;
  const preprint = arxiv !== undefined && type === 'article';
  const custom = Object.fromEntries(
    CUSTOM_IDS.flatMap((scheme) => (paper.ids?.[scheme] ? [[scheme, paper.ids[scheme]]] : [])),
  );
  const fields: Record<string, unknown> = {
    id,
    type,
    title: paper.title,
    author:
      paper.names?.length === paper.authors.length
        ? paper.names.map(cslStructured)
        : paper.authors.length > 0
          ? paper.authors.map(cslName)
          : undefined,
    editor: paper.editors?.map(cslStructured),
    issued: date ? { 'date-parts': [dateParts(date)] } : undefined,
    'container-title': paper.container ?? paper.venue,
    'collection-title': paper.series,
    volume: paper.volume,
    issue: paper.issue,
    page: pageRange(paper.pages),
    edition: paper.edition,
    publisher: paper.publisher ?? (preprint ? 'arXiv' : undefined),
    'publisher-place': paper.place,
    ISBN: paper.isbn,
    ISSN: paper.issn,
    language: paper.language,
    genre: paper.genre ?? (paper.type === 'video' ? VIDEO_GENRE : undefined),
    number: preprint ? `arXiv:${arxiv}` : undefined,
    archive: arxiv && !preprint ? 'arXiv' : undefined,
    archive_location: arxiv && !preprint ? `arXiv:${arxiv}` : undefined,
    DOI: doi ?? (arxiv ? arxivDoi(arxiv) : undefined),
    URL: paper.url,
    abstract: paper.abstract,
    keyword: keywords.length > 0 ? keywords.join(', ') : undefined,
    annote: 'note' in paper ? paper.note : undefined,
    PMID: paper.ids?.pubmed,
    PMCID: paper.ids?.pmcid,
    custom: Object.keys(custom).length > 0 ? custom : undefined,
  };
  for (const [name, json] of Object.entries(paper.extra?.csl ?? {})) {
    if (fields[name] !== undefined || name === '__proto__') continue;
    try {
      fields[name] = JSON.parse(json);
    } catch {
      // Not JSON: not written.
    }
  }
  for (const name of Object.keys(fields)) if (fields[name] === undefined) delete fields[name];
  return fields;
}

/** Writes papers as a CSL-JSON list (pretty, final newline), ids being their BibTeX citation keys. */
export function toCslJson(papers: readonly (Paper | SavedPaper)[]): string {
  const keys = citationKeys(papers);
  return `${JSON.stringify(
    papers.map((paper, index) => item(citedAs(paper), keys[index] ?? `paper${index + 1}`)),
    null,
    2,
  )}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading: every value is checked for its type, and only own properties are read, so a hostile
// "__proto__" or "constructor" key is never more than an unknown field.

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: Json, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

function text(object: Json, name: string): string | undefined {
  const value = own(object, name);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function readName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return undefined;
  const literal = text(value, 'literal');
  if (literal) return literal;
  const particle = [text(value, 'dropping-particle'), text(value, 'non-dropping-particle')].filter(Boolean).join(' ');
  const name = displayName({
    given: text(value, 'given'),
    particle,
    family: text(value, 'family'),
    suffix: text(value, 'suffix'),
  });
  return name || undefined;
}

function readDate(value: unknown): string | undefined {
  if (typeof value === 'string') return toIsoDate(value);
  if (!isObject(value)) return undefined;
  const parts = own(value, 'date-parts');
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const [year, month, day] = parts[0] as unknown[];
    const valid = (part: unknown) => (typeof part === 'number' || typeof part === 'string' ? part : undefined);
    const iso = isoDateFromParts(valid(year), valid(month), valid(day));
    if (iso) return iso;
  }
  const raw = text(value, 'raw') ?? text(value, 'literal');
  return raw ? toIsoDate(raw) : undefined;
}

function entryFrom(value: unknown, index: number): ImportedEntry | ImportIssue {
  const label = `item ${index + 1}`;
  if (!isObject(value))
    return { key: label, message: `expected a CSL-JSON item (an object), found ${describe(value)}` };
  const id = text(value, 'id');
  const key = id ? `${label} (${id})` : label;
  const ids: NonNullable<PaperDraft['ids']> = {
    doi: text(value, 'DOI'),
    pubmed: text(value, 'PMID'),
    pmcid: text(value, 'PMCID'),
  };
  const custom = own(value, 'custom');
  if (isObject(custom)) for (const scheme of CUSTOM_IDS) ids[scheme] = text(custom, scheme);
  // arXiv: Zotero's preprint number, the archive fields, or the landing page.
  const archive = text(value, 'archive');
  ids.arxiv =
    [
      text(value, 'number'),
      archive && /^arxiv/i.test(archive) ? text(value, 'archive_location') : undefined,
      text(value, 'URL'),
    ]
      .map((candidate) => (candidate && /arxiv/i.test(candidate) ? parseArxivId(candidate)?.id : undefined))
      .find((found) => found !== undefined) ?? null;
  // Zotero's Extra lines such as "PMID: 123" or "arXiv:1706.03762 [cs]" are ids, not a note.
  const extra = splitIdLines(text(value, 'note'));
  for (const [scheme, found] of Object.entries(extra.ids) as [ExtraIdScheme, string][]) ids[scheme] ??= found;
  const authors = own(value, 'author');
  const keyword = own(value, 'keyword');
  const keywords = Array.isArray(keyword)
    ? keyword.filter((word): word is string => typeof word === 'string')
    : (text(value, 'keyword')?.split(/\s*,\s*/) ?? []);
  const cslType = text(value, 'type') ?? '';
  const issued = readDate(own(value, 'issued'));
  const editors = own(value, 'editor');
  const genre = text(value, 'genre');
  const isVideo = cslType === 'motion_picture' && genre?.toLowerCase() === VIDEO_GENRE;
  const entry: ImportedEntry = {
    draft: {
      title: text(value, 'title'),
      authors: Array.isArray(authors) ? authors.map(readName) : [],
      names: Array.isArray(authors) ? authors.map(nameParts) : undefined,
      editors: Array.isArray(editors) ? editors.map(nameParts) : undefined,
      published: issued,
      issued,
      type: isVideo ? 'video' : (CSL_TYPES[cslType] ?? (ids.arxiv ? 'preprint' : 'other')),
      venue: text(value, 'container-title') ?? text(value, 'event-title'),
      container: text(value, 'container-title'),
      series: text(value, 'collection-title'),
      volume: text(value, 'volume'),
      issue: text(value, 'issue'),
      pages: text(value, 'page'),
      edition: text(value, 'edition'),
      publisher: ids.arxiv && text(value, 'publisher') === 'arXiv' ? undefined : text(value, 'publisher'),
      place: text(value, 'publisher-place'),
      isbn: text(value, 'ISBN'),
      issn: text(value, 'ISSN'),
      language: text(value, 'language'),
      genre: isVideo ? undefined : genre,
      abstract: text(value, 'abstract'),
      ids,
      url: text(value, 'URL'),
      keywords,
      source: 'csl-json',
    },
    key,
  };
  // `annote` is the reader's own note; Zotero's Extra (in `note`) less its id lines, when no annote.
  const annote = text(value, 'annote');
  if (annote) entry.note = annote;
  else if (extra.note) entry.note = extra.note;
  const kept: Record<string, string> = {};
  for (const name of Object.keys(value)) {
    if (!CSL_READ.has(name) && name !== '__proto__') kept[name] = JSON.stringify(value[name]);
  }
  if (annote && extra.note) kept.note = JSON.stringify(extra.note);
  if (Object.keys(kept).length > 0) entry.draft.extra = { csl: kept };
  return entry;
}

// CSL variables read into the model; the others are kept (as JSON text) in extra.csl.
const CSL_READ = new Set(
  'id type title author editor issued container-title event-title collection-title volume issue page edition publisher publisher-place ISBN ISSN language genre abstract DOI URL PMID PMCID custom number archive archive_location note annote keyword'.split(
    ' ',
  ),
);

const CSL_TYPES: Record<string, PaperType> = Object.fromEntries([
  ...Object.entries(TYPES)
    .filter(([type]) => type !== 'preprint' && type !== 'other' && type !== 'video')
    .map(([type, csl]) => [csl, type as PaperType]),
  ['article-magazine', 'article'],
  ['article-newspaper', 'article'],
  ['manuscript', 'preprint'],
  ['post', 'webpage'],
  ['post-weblog', 'webpage'],
]);

function nameParts(value: unknown): NameDraft {
  if (typeof value === 'string') return { literal: value };
  if (!isObject(value)) return {};
  const literal = text(value, 'literal');
  if (literal) return { literal };
  const particle = [text(value, 'dropping-particle'), text(value, 'non-dropping-particle')].filter(Boolean).join(' ');
  return {
    family: text(value, 'family'),
    given: text(value, 'given'),
    particle: particle || undefined,
    suffix: text(value, 'suffix'),
  };
}

/**
 * Reads parsed CSL-JSON: a list of items, or one item (as a DOI resolver returns it). Each item
 * becomes a saved paper (unread, saved `now`); a bad item is reported by its place and id and left
 * out. Throws FormatError for anything that is not CSL-JSON.
 */
export function readCslJson(data: unknown, options: { now?: Date } = {}): ImportedPapers {
  let items: unknown[];
  if (Array.isArray(data)) items = data;
  else if (isObject(data) && typeof own(data, 'type') === 'string') items = [data];
  else {
    throw new FormatError(
      `not CSL-JSON: expected a list of items such as [{"type": "article-journal", "title": ...}], found ${describe(data)}`,
    );
  }
  const errors: ImportIssue[] = [];
  const entries: ImportedEntry[] = [];
  items.forEach((value, index) => {
    const result = entryFrom(value, index);
    if ('draft' in result) entries.push(result);
    else errors.push(result);
  });
  const saved = savedFromEntries(entries, options.now ?? new Date());
  return { papers: saved.papers, errors: [...errors, ...saved.errors], warnings: saved.warnings ?? [] };
}

/** Reads CSL-JSON text (see `readCslJson`); a JSON syntax error names its line and column. */
export function parseCslJson(text: string, options: { now?: Date } = {}): ImportedPapers {
  return readCslJson(parseJsonText(text, 'not CSL-JSON'), options);
}
