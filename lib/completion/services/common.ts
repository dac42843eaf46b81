// What every service module shares: responses turned into bounded, cleaned findings through the
// same toPaper every reader and importer uses (length caps, http(s) links only, normalised ids),
// markup read as text, XML read without a DOM (the background is a service worker: no DOMParser).
import { decodeHTML } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import { type NameDraft, type PaperDraft, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import type { Paper, PaperType } from '../../paper/model';
import { foldTitle, titlesAgree } from '../../paper/titles';
import {
  COMPLETABLE,
  type Completable,
  type Found,
  type ParseResult,
  type Publication,
  type Query,
  type ServiceId,
  type ServiceRequest,
} from '../types';

/** A draft without its source: the service is the source. */
export type FoundDraft = Omit<PaperDraft, 'source'>;

/**
 * A finding for the query `key` from what a service said, cleaned and bounded by toPaper; none
 * when it has no title (a record that is not a paper).
 */
export function found(
  service: ServiceId,
  key: string,
  draft: FoundDraft,
  publication?: Publication,
): Found | undefined {
  const paper = toPaper({ ...draft, source: service }, { contentKey: true });
  if (!paper) return undefined;
  const fields: Record<string, unknown> = {};
  for (const name of COMPLETABLE) if (paper[name] !== undefined) fields[name] = paper[name];
  const result: Found = { key, service, title: paper.title, fields: fields as Completable };
  if (paper.ids) result.ids = paper.ids;
  const cleaned = publication && cleanPublication(service, publication);
  if (cleaned) result.publication = cleaned;
  return result;
}

/** A publication's fields through the same cleaning (its DOI normalised, its venue bounded). */
function cleanPublication(service: ServiceId, publication: Publication): Publication | undefined {
  const paper: Paper | null = toPaper(
    {
      title: 'publication',
      source: service,
      ids: { doi: publication.doi },
      venue: publication.venue,
      container: publication.container,
      type: publication.type,
      issued: publication.issued,
      volume: publication.volume,
      issue: publication.issue,
      pages: publication.pages,
      publisher: publication.publisher,
      url: publication.url,
    },
    { contentKey: true },
  );
  if (!paper) return undefined;
  const cleaned: Publication = {};
  if (paper.ids?.doi) cleaned.doi = paper.ids.doi;
  for (const name of [
    'venue',
    'container',
    'type',
    'issued',
    'volume',
    'issue',
    'pages',
    'publisher',
    'url',
  ] as const) {
    const value = paper[name];
    if (value !== undefined) (cleaned as Record<string, unknown>)[name] = value;
  }
  return cleaned.doi || cleaned.venue || cleaned.container ? cleaned : undefined;
}

/**
 * Markup in a response (JATS in Crossref abstracts, HTML in titles) read as text: tags dropped,
 * block ends kept as spaces, entities decoded once. Never parsed into a document.
 */
export function markupToText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = decodeHTML(
    value
      .replace(/<(?:jats:)?title>\s*Abstract\s*<\/(?:jats:)?title>/gi, ' ')
      .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' '),
  );
  const cleaned = text.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

/** `url` with its origin replaced by `base` (tests serve recordings from their own host). */
export function at(url: string, base: string | undefined): string {
  if (!base) return url;
  const parsed = new URL(url);
  const target = new URL(base);
  parsed.protocol = target.protocol;
  parsed.host = target.host;
  return parsed.href;
}

/** JSON text read without throwing. */
export function readJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** A result with nothing found and, when given, why. */
export function nothing(problem?: string): ParseResult {
  return { found: [], missing: [], problems: problem ? [problem] : [] };
}

/**
 * An XML reader for Atom and PubMed: attributes under `@`, text under `#text`, the elements named
 * in `lists` always arrays, the ones in `raw` kept as their inner markup (read by markupToText).
 * Entities in a DOCTYPE are not expanded.
 */
export function xmlReader(lists: readonly string[], raw: readonly string[] = []): XMLParser {
  const always = new Set(lists);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    stopNodes: raw.map((name) => `*.${name}`),
    isArray: (name) => always.has(name),
  });
}

/**
 * Text of an XML node as fast-xml-parser gives it (a string, or an object with `#text`), as
 * written: entities not decoded. Markup goes through markupToText, which decodes them once.
 */
export function xmlText(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return xmlText((node as { '#text': unknown })['#text']);
  return undefined;
}

/** Plain text of an XML node: its entities decoded once. */
export function xmlValue(node: unknown): string | undefined {
  const raw = xmlText(node);
  return raw === undefined ? undefined : decodeHTML(raw);
}

/** CSL-style date parts ([[2012, 3, 21]]) as an ISO date. */
export function fromParts(parts: unknown): string | undefined {
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? (parts[0] as unknown[]) : undefined;
  if (!first || typeof first[0] !== 'number') return undefined;
  return fromDate(
    first
      .filter((part) => typeof part === 'number')
      .map((part, i) => (i === 0 ? String(part) : String(part).padStart(2, '0')))
      .join('-'),
  );
}

/**
 * A date-time or date string as an ISO date; none for a date more than a year ahead (a record in
 * another calendar: DataCite holds Thai theses under Buddhist-era years such as 2549).
 */
export function fromDate(value: unknown, now = new Date()): string | undefined {
  const date =
    typeof value === 'string' ? toIsoDate(value) : typeof value === 'number' ? toIsoDate(String(value)) : undefined;
  return date && Number(date.slice(0, 4)) <= now.getUTCFullYear() + 1 ? date : undefined;
}

/** A name given whole ("E. Duflo", "World Health Organization") kept as its literal. */
export function literal(name: unknown): NameDraft | undefined {
  return typeof name === 'string' && name.trim() !== '' ? { literal: name } : undefined;
}

/** Crossref's and CSL's work types as the model names them. */
export function typeFromCsl(type: unknown): PaperType | undefined {
  switch (type) {
    case 'journal-article':
    case 'article-journal':
    case 'article':
      return 'article';
    case 'proceedings-article':
    case 'paper-conference':
      return 'conference';
    case 'book-chapter':
    case 'chapter':
    case 'book-section':
    case 'book-part':
      return 'chapter';
    case 'book':
    case 'monograph':
    case 'edited-book':
    case 'reference-book':
      return 'book';
    case 'dissertation':
    case 'thesis':
      return 'thesis';
    case 'report':
    case 'report-component':
      return 'report';
    case 'posted-content':
    case 'preprint':
      return 'preprint';
    case 'dataset':
      return 'dataset';
    case 'software':
      return 'software';
    case undefined:
    case null:
      return undefined;
    default:
      return 'other';
  }
}

/** True when the query names no identifier: it can only be looked up by its title. */
export function byTitleOnly(query: Query): boolean {
  return Object.keys(query.ids).length === 0 && query.title !== '';
}

/**
 * Whether a record a title search returned is the paper asked about: its title agrees, one of its
 * first three authors has the first author's family name (when both are known), and, for the
 * paper's own record, its year is within one of the paper's (a publication may come years after
 * its preprint, so not for those). A title search answers with its nearest match, which may be
 * another work.
 */
export function sameWork(query: Query, title: string | undefined, authors: readonly string[], date?: string): boolean {
  if (title === undefined || !titlesAgree(title, query.title)) return false;
  const family = query.firstFamily ? foldTitle(query.firstFamily) : undefined;
  if (family && authors.length > 0) {
    const families = authors.slice(0, 3).map((name) => foldTitle(name).split(' ').pop() ?? '');
    if (!families.includes(family)) return false;
  }
  if (query.kind === 'record' && query.year && date && Math.abs(Number(date.slice(0, 4)) - Number(query.year)) > 1) {
    return false;
  }
  return true;
}

/** The first string of a value that may be a string or a list of strings. */
export function first(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.find((item): item is string => typeof item === 'string');
  return undefined;
}

/** A response's reading: its findings, the keys of the request's queries none answered, and the problems met. */
export function answered(request: ServiceRequest, results: Found[], problems: string[] = []): ParseResult {
  const keys = new Set(results.map((result) => result.key));
  return {
    found: results,
    missing: request.queries.map((query) => query.key).filter((key) => !keys.has(key)),
    problems,
  };
}
