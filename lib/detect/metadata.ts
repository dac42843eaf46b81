// What readers share (the metadata readers above all: highwire, dublin-core, json-ld, coins): reading names, ids,
// dates, keywords and text the way publishers write them in meta tags and structured data.
import { cleanText } from '../paper/build';
import { toIsoDate } from '../paper/dates';
import { normalizeDoi, parseArxivId } from '../paper/ids';
import type { PaperIds } from '../paper/model';
import { paperLinkOf } from './links';

/** Text with any markup a tag carries in its value (`<i>`, `<p>`, `<sub>`) taken out, collapsed. */
export function plainText(value: string | null | undefined): string | undefined {
  return cleanText(value?.replace(/<\/?[a-z][^<>]*>/gi, ' ').replace(/\s+([.,;:!?)])/g, '$1'));
}

/** An abstract without the "Abstract" heading some publishers put inside it (bioRxiv: `<h3>ABSTRACT</h3>`). */
export function abstractText(value: string | null | undefined): string | undefined {
  return plainText(
    value?.replace(/^\s*<(h\d|p|div|strong|b|span)\b[^>]*>\s*(?:abstract|summary)\s*[:.]?\s*<\/\1>/i, ''),
  );
}

/** A name written "Last, First" (or "Last, First, Jr.") turned to "First Last"; others unchanged. */
export function personName(name: string): string {
  const parts = name
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (parts.length === 2) return `${parts[1]} ${parts[0]}`;
  if (parts.length === 3 && /^(?:jr|sr|[ivx]+)\.?$/i.test(parts[2] ?? '')) return `${parts[1]} ${parts[0]} ${parts[2]}`;
  return cleanText(name) ?? name;
}

/** A keyword tag's value as a list: "a; b; c", else "a, b, c". */
export function keywordList(value: string): string[] {
  return value
    .split(value.includes(';') ? ';' : ',')
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword.length > 0);
}

/** The ids an identifier names: a DOI (bare, doi:, info:doi/, urn:doi:, doi.org), an arXiv id, a PMID. */
export function identifierIds(value: string): Pick<PaperIds, 'doi' | 'arxiv' | 'pubmed'> {
  const text = value.trim();
  const arxiv = parseArxivId(text.replace(/^info:arxiv\//i, ''));
  if (arxiv) return { arxiv: arxiv.id };
  const doi = normalizeDoi(text.replace(/^(?:info:doi\/|urn:doi:)/i, ''));
  if (doi) return { doi };
  const pubmed =
    /^(?:info:pmid\/|pmid:?\s*)(\d+)$/i.exec(text) ??
    /^https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov|www\.ncbi\.nlm\.nih\.gov\/pubmed)\/(\d+)\/?$/i.exec(text);
  return pubmed?.[1] ? { pubmed: pubmed[1] } : {};
}

/**
 * A date as metadata writes it, as an ISO date: the date part of a date-time as written (the
 * publisher's own day, not shifted to UTC), PubMed's "2012 Nov 26", and what toIsoDate reads.
 */
export function metadataDate(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  const written = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(text);
  if (written?.[1]) return toIsoDate(written[1]);
  const medline = /^(\d{4})\s+([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?(?:\D|$)/.exec(text);
  const medlineDate =
    medline && toIsoDate(medline[3] ? `${medline[3]} ${medline[2]} ${medline[1]}` : `${medline[2]} ${medline[1]}`);
  // Otherwise toIsoDate's forms, else the year a value starts with ("2012 Winter").
  return medlineDate || toIsoDate(text) || (/^\d{4}\b/.test(text) ? toIsoDate(text.slice(0, 4)) : undefined);
}

/**
 * The earliest of several dates a page gives for one paper, as precise as known. A January 1st
 * beside another date of the same year stands for the year (a placeholder, as on bioRxiv).
 */
export function firstPublished(values: (string | undefined)[]): string | undefined {
  const dates = values.map(metadataDate).filter((date): date is string => date !== undefined);
  const candidates = dates.map((date) =>
    date.endsWith('-01-01') && dates.some((other) => other.startsWith(date.slice(0, 4)) && other !== date)
      ? date.slice(0, 4)
      : date,
  );
  let earliest: string | undefined;
  for (const date of candidates) {
    if (earliest === undefined) {
      earliest = date;
      continue;
    }
    const length = Math.min(date.length, earliest.length);
    const [a, b] = [date.slice(0, length), earliest.slice(0, length)];
    // Where one date only says less ("2020" and "2020-03-27"), the more precise one is kept.
    if (a < b || (a === b && date.length > earliest.length)) earliest = date;
  }
  return earliest;
}

/**
 * A Dublin Core type of a scholarly work: a journal, research or review article (in words or as
 * JATS's article-type, "research-article"), a conference paper, a preprint, a thesis, a report, OJS's
 * "Text.Serial.Journal", the eu-repo vocabulary.
 */
export const SCHOLARLY_TYPE =
  /(?:scholarly|journal[\s-]article|research[\s-]article|review[\s-]article|conference[\s-](?:paper|object|proceeding|contribution)|proceedings|preprint|e-?print|thesis|dissertation|report|working[\s-]paper|text\.serial\.journal|eu-repo\/semantics\/(?:article|conferenceobject|preprint|report|workingpaper|\w*thesis|review))/i;

/** The DOI a page's own address names (/doi/10.…, /doi/abs/10.…, /article/10.…), if any. */
export function addressDoi(address: string): string | undefined {
  return paperLinkOf(address)?.ids.doi;
}

// Tags that describe the one article a page is (Google Scholar's inclusion rules: one article per
// page, its citation_title); a DOI in Dublin Core or PRISM says the same.
const ARTICLE_TAGS = new Set(['citation_title', 'bepress_citation_title', 'citation_doi', 'prism.doi']);
const IDENTIFIER_TAGS = new Set(['dc.identifier', 'dcterms.identifier']);
const TYPE_TAGS = new Set(['dc.type', 'dcterms.type']);
const TITLE_TAGS = new Set(['dc.title', 'dcterms.title']);

/**
 * True when the page is one article's own page: its references, related articles, figure and
 * supplement links and citation-export links are other things, and the listing readers leave
 * them alone (README, "Article pages"). Tag names in any case: Atypon writes `dc.Title`.
 */
export function describesArticle(doc: Document): boolean {
  let titled = false;
  let scholarly = false;
  // The tag collection, not a selector query: see metaAll.
  for (const tag of doc.getElementsByTagName('meta')) {
    const content = tag.getAttribute('content');
    if (content === null) continue;
    const name = tag.getAttribute('name')?.toLowerCase() ?? '';
    if (ARTICLE_TAGS.has(name)) return true;
    if (IDENTIFIER_TAGS.has(name) && identifierIds(content).doi) return true;
    // A Dublin Core record of a scholarly type (an Atypon page's DC.Type "research-article").
    titled ||= TITLE_TAGS.has(name);
    scholarly ||= TYPE_TAGS.has(name) && SCHOLARLY_TYPE.test(content);
    if (titled && scholarly) return true;
  }
  return false;
}
