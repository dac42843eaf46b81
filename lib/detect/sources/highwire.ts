// Highwire Press `citation_*` meta tags (and Digital Commons' `bepress_citation_*`), the tags Google
// Scholar asks publishers and repositories for: one paper per page that carries a citation_title.
//
// Decisions:
// - `published` is the earliest of citation_publication_date, citation_date, citation_online_date
//   and citation_year: Google Scholar's guidelines make publication_date the date a reference cites
//   and online_date the date the item went online, and the first public version is whichever came
//   first (a journal's online-first date before its issue; arXiv's citation_date is v1, its
//   online_date the latest version). A "January 1st" beside another date of the same year is a
//   stand-in for the year (bioRxiv's citation_publication_date 2020/01/01 with citation_date
//   2020-03-27, tests/fixtures/biorxiv/paper-page) and counts only as the year.
// - `venue` is the journal, else the conference, else the book a chapter is in, else the degree or
//   report institution; citation_publisher names a publisher, not a venue, and is left out.
// - `url` is the page's canonical link, else citation_abstract_html_url, else the address; the key
//   comes from the DOI, PubMed or arXiv id when the page gives one. A doi.org address in
//   citation_pdf_url (Semantic Scholar puts one there) is the DOI, not a PDF.
// - Volume, issue and pages have no Paper field and are not read.
// The helpers exported below are shared with the other metadata readers (dublin-core, json-ld, coins).
import { cleanText, httpUrl, toPaper } from '../../paper/build';
import { toIsoDate } from '../../paper/dates';
import { normalizeDoi, parseArxivId } from '../../paper/ids';
import type { PaperIds } from '../../paper/model';
import { metaAll, pageAddress, titleAnchor } from '../dom';
import type { Source } from '../types';

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

/** The values of `citation_<name>`, else of `bepress_citation_<name>`. */
function tags(doc: Document, name: string): string[] {
  const values = metaAll(doc, `citation_${name}`);
  return values.length > 0 ? values : metaAll(doc, `bepress_citation_${name}`);
}

function tag(doc: Document, name: string): string | undefined {
  return tags(doc, name)[0];
}

/** Authors: one citation_author each (some pages put "A; B" in one), or citation_authors "A; B". */
function authorsOf(doc: Document): string[] {
  const listed = tags(doc, 'author');
  const values = listed.length > 0 ? listed : tags(doc, 'authors');
  return values
    .flatMap((value) => value.split(';'))
    .flatMap((name) => cleanText(name) ?? [])
    .map(personName);
}

function isDoiAddress(value: string | undefined): boolean {
  return /^https?:\/\/(?:dx\.)?doi\.org\//i.test(value ?? '');
}

export const highwire: Source = {
  id: 'highwire',
  kind: 'metadata',
  patterns: [],
  matches: () => true,
  detect(doc, url) {
    const title = plainText(tag(doc, 'title'));
    if (!title) return [];
    const pdf = tag(doc, 'pdf_url');
    const landing = tag(doc, 'abstract_html_url');
    // A DOI found only as an address (citation_pdf_url on Semantic Scholar, a public_url).
    const doiAddress = [pdf, landing, tag(doc, 'public_url'), tag(doc, 'fulltext_html_url')].find(isDoiAddress);
    const paper = toPaper({
      title,
      authors: authorsOf(doc),
      abstract: abstractText(tag(doc, 'abstract')),
      published: firstPublished([
        tag(doc, 'publication_date'),
        tag(doc, 'date'),
        tag(doc, 'online_date'),
        tag(doc, 'year'),
      ]),
      venue: plainText(
        tag(doc, 'journal_title') ??
          tag(doc, 'conference_title') ??
          tag(doc, 'inbook_title') ??
          tag(doc, 'dissertation_institution') ??
          tag(doc, 'technical_report_institution'),
      ),
      ids: {
        doi: tag(doc, 'doi') ?? doiAddress,
        pubmed: tag(doc, 'pmid'),
        arxiv: tag(doc, 'arxiv_id'),
      },
      url: pageAddress(doc, url, httpUrl(landing, url)),
      pdfUrl: isDoiAddress(pdf) ? undefined : httpUrl(pdf, url),
      keywords: tags(doc, 'keywords').flatMap(keywordList),
      source: 'highwire',
      pageUrl: url.href,
    });
    return paper ? [{ paper, anchor: titleAnchor(doc, title) }] : [];
  },
};
